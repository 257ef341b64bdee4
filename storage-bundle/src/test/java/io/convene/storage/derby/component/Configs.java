package io.convene.storage.derby.component;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component property types as Configuration Admin would hand them over: defaults unless given. */
final class Configs {

  private Configs() {}

  /** An instance of {@code type} answering {@code values} by attribute method name, else the default. */
  static <A> A of(Class<A> type, Map<String, Object> values) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (values.containsKey(method.getName())) {
        return values.get(method.getName());
      }
      if (method.getDefaultValue() != null) {
        return method.getDefaultValue();
      }
      return switch (method.getName()) {
        case "annotationType" -> type;
        case "toString" -> type.getSimpleName() + values;
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }));
  }
}
