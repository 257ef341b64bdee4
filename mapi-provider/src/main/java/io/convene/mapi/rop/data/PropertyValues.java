package io.convene.mapi.rop.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Content equality for decoded values, which may be arrays or lists of arrays. */
final class PropertyValues {

  private PropertyValues() {}

  static boolean same(Object a, Object b) {
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!Objects.deepEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.deepEquals(a, b);
  }

  static int hash(Object value) {
    if (value instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    if (value instanceof List<?> list) {
      int h = 1;
      for (Object element : list) {
        h = 31 * h + hash(element);
      }
      return h;
    }
    return value.hashCode();
  }
}
