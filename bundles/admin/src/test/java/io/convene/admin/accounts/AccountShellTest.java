package io.convene.admin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.directory.AccountProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.CommandProxy;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the commands through a real Gogo runtime, wired the way its whiteboard tracker wires a
 * service with {@code osgi.command.scope} / {@code osgi.command.function}: a {@link CommandProxy}
 * per function name around the service object.
 */
class AccountShellTest {

  private final InMemoryDirectory directory = new InMemoryDirectory();
  private final CommandProcessorImpl processor = new CommandProcessorImpl();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final CommandSession session = processor.createSession(
      new ByteArrayInputStream(new byte[0]), new PrintStream(printed, true, StandardCharsets.UTF_8),
      new PrintStream(printed, true, StandardCharsets.UTF_8));

  @AfterEach
  void close() {
    session.close();
    processor.stop();
  }

  private void register(String function, Object service) {
    processor.addCommand(AccountCommandsComponent.SCOPE, new CommandProxy(service, function), function);
  }

  private void registerAccountCommands() {
    new AccountCommands(directory).byName().forEach((name, command) -> register(name, ShellFunction.of(command)));
  }

  @Test
  void dashedCommandNamesReachTheirFunctions() throws Exception {
    registerAccountCommands();

    Object added = session.execute("convene:account-add --name 'Alice Anders' alice@example.com 'secret pw'");
    assertThat(added).asString().startsWith("Created user alice@example.com");
    assertThat(directory.checkPassword("alice", "secret pw".toCharArray())).isPresent();

    session.execute("account-add --kind room --capacity 8 --location 'Berlin, 2nd floor' room.berlin@example.com");
    assertThat(session.execute("account-list --kind room")).asString().contains("room.berlin@example.com", "8 seats");

    assertThat(session.execute("convene:account-set alice --name \"Alice A.\"")).asString().contains("Alice A.");
    assertThat(session.execute("account-passwd alice@example.com newpw")).asString().contains("changed");
    assertThat(directory.checkPassword("alice", "newpw".toCharArray())).isPresent();

    assertThatThrownBy(() -> session.execute("account-remove alice")).hasMessageContaining("--yes");
    assertThat(session.execute("account-remove -y alice")).asString().startsWith("Removed");
    assertThat(directory.list()).hasSize(1);
  }

  @Test
  void accountSetEditsTheAddressBookProfileAndEmptyValuesClearIt() throws Exception {
    registerAccountCommands();
    session.execute("account-add --name 'Alice Anders' alice@example.com");
    long id = directory.resolve("alice").orElseThrow().id();

    Object answer = session.execute("convene:account-set alice --title 'Project Manager' --department Operations"
        + " --company 'Example Ltd' --business-phone '+49 30 1234567-14' --mobile-phone '+49 151 2345678'"
        + " --location 'Berlin, 3.14'");

    assertThat(directory.profile(id)).isEqualTo(
        new AccountProfile("Project Manager", "Operations", "Example Ltd", "+49 30 1234567-14", "+49 151 2345678"));
    assertThat(directory.find(id).orElseThrow().location()).isEqualTo("Berlin, 3.14");
    assertThat(answer).asString().contains("title: Project Manager", "mobile phone: +49 151 2345678");

    session.execute("account-set alice --mobile-phone '' --title CTO");
    assertThat(directory.profile(id)).isEqualTo(
        new AccountProfile("CTO", "Operations", "Example Ltd", "+49 30 1234567-14", ""));
    assertThat(directory.find(id).orElseThrow().displayName()).isEqualTo("Alice Anders");

    assertThatThrownBy(() -> session.execute("account-set alice --phone 123")).hasMessageContaining("Unknown option --phone");
    assertThatThrownBy(() -> session.execute("account-set alice")).hasMessageContaining("--business-phone");
  }

  /** What the component avoids: a plain object's method is only found by its own name. */
  public static final class CamelCaseCommands {
    public String accountAdd(String address) {
      return "added " + address;
    }
  }

  @Test
  void gogoDoesNotMapDashedNamesToCamelCaseMethods() throws Exception {
    register("account-add", new CamelCaseCommands());
    register("accountadd", new CamelCaseCommands());

    assertThatThrownBy(() -> session.execute("account-add x@example.com")).hasMessageContaining("account-add");
    assertThat(session.execute("accountadd x@example.com")).isEqualTo("added x@example.com");
  }

  @Test
  void everyCommandHasItsOwnName() {
    assertThat(new AccountCommands(directory).byName()).containsOnlyKeys(
        List.of("account-add", "account-list", "account-passwd", "account-remove", "account-set"));
  }
}
