package io.convene.admin.accounts;

import io.convene.api.directory.Directory;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers the {@code convene:account-*} shell commands while a {@link Directory} is available.
 *
 * <p>Why one {@link Function} service per command instead of one service listing every name in
 * {@code osgi.command.function}: Gogo 1.1's {@code CommandProxy} calls a plain service object
 * through {@code Reflective.invoke}, which looks for a public method whose lower-cased name equals
 * the command name (or {@code get}/{@code set}/{@code is} + name, or {@code _main}); it does not
 * drop dashes, and no Java method can be called {@code account-add}. A service that implements
 * {@code Function} is executed directly with the command's arguments instead, so each dashed
 * name gets its own {@code Function} service carrying {@code osgi.command.scope=convene} and
 * {@code osgi.command.function=<name>}.
 */
@Component(immediate = true, service = {})
public final class AccountCommandsComponent {

  static final String SCOPE = "convene";

  private final List<ServiceRegistration<Function>> registrations = new ArrayList<>();

  @Activate
  public AccountCommandsComponent(BundleContext context, @Reference Directory directory) {
    for (Map.Entry<String, java.util.function.Function<List<String>, String>> command :
        new AccountCommands(directory).byName().entrySet()) {
      Hashtable<String, Object> properties = new Hashtable<>();
      properties.put("osgi.command.scope", SCOPE);
      properties.put("osgi.command.function", command.getKey());
      registrations.add(context.registerService(Function.class, ShellFunction.of(command.getValue()), properties));
    }
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<Function> registration : registrations) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyGone) {
        // The bundle is stopping and the framework has unregistered it already.
      }
    }
    registrations.clear();
  }
}
