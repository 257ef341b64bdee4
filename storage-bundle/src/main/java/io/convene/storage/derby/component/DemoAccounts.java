package io.convene.storage.derby.component;

import io.convene.api.directory.Account;
import io.convene.api.directory.Directory;
import io.convene.storage.derby.directory.DemoAccountSet;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo accounts (alice, bob, a room, a car) into an empty directory. Runs only when
 * configuration {@value #PID} exists, which the demo profile ({@code
 * etc/profiles/demo/io.convene.storage.demo.cfg}) provides and production does not.
 */
@Component(configurationPid = DemoAccounts.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
@Designate(ocd = DemoAccounts.Config.class)
public final class DemoAccounts {

  static final String PID = "io.convene.storage.demo";

  private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

  /** Configuration of the demo accounts. */
  @ObjectClassDefinition(
      name = "Convene demo accounts",
      description = "Present only in the demo profile: creates demo users and resources in an empty directory.")
  public @interface Config {

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD,
        description = "Password of the demo users alice@example.com and bob@example.com. Never use the demo profile in production.")
    String password() default "demo";
  }

  @Activate
  public DemoAccounts(@Reference Directory directory, Config config) {
    char[] password = config.password().toCharArray();
    try {
      List<Account> created = DemoAccountSet.createIfEmpty(directory, password);
      if (created.isEmpty()) {
        LOG.info("Directory not empty, no demo accounts created");
      } else {
        LOG.warn("Demo accounts created ({}); their password is in {}. Not for production.",
            created.stream().map(Account::smtpAddress).toList(), PID);
      }
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
