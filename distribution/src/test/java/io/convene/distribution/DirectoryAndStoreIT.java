package io.convene.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.Directory;
import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.Authenticator;
import io.convene.api.net.HttpEndpoint;
import io.convene.api.store.Caller;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.Store;
import io.convene.api.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The directory, the store and authentication working together in the distribution's container. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DirectoryAndStoreIT {

  private static final String NAME = "DirectoryAndStoreIT";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject private BundleContext context;
  @Inject private Directory directory;
  @Inject private Store store;
  @Inject private CommandProcessor shell;

  private final Path home = ConveneContainer.home(NAME);
  private final ConveneLog log = new ConveneLog(home);

  @Configuration
  public Option[] configuration() {
    return ConveneContainer.options(NAME);
  }

  @After
  public void nothingUnexpectedWasLogged() {
    assertThat(log.unexpectedWarningsAndErrors(List.of())).as("WARN/ERROR lines in " + log.file()).isEmpty();
  }

  @Test
  public void anAccountAddedInTheShellGetsAMailboxAndCanLogInOverHttps() throws Exception {
    String added = run("convene:account-add carol@example.com secret-pw --name \"Carol Clark\" --alias carol");
    assertThat(added).contains("carol@example.com");
    Account carol = directory.findBySmtp("carol@example.com").orElseThrow();
    assertThat(carol.displayName()).isEqualTo("Carol Clark");

    Deadline.await(WAIT, "carol's mailbox", () -> exists(carol.id()));
    Mailbox mailbox = store.mailbox(carol.id(), Caller.account(carol.id()));
    assertThat(mailbox.subfolders(mailbox.folder(SpecialFolder.IPM_SUBTREE).id()))
        .extracting(FolderInfo::displayName).contains("Inbox", "Calendar", "Contacts", "Tasks");

    // an authenticated endpoint answers with the account the directory authenticated
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(HttpEndpoint.PATH, "/it/whoami");
    ServiceRegistration<HttpEndpoint> endpoint = context.registerService(HttpEndpoint.class, exchange ->
        exchange.respond(200, "text/plain", exchange.user().map(AuthenticatedUser::accountId).orElse("-").getBytes(StandardCharsets.UTF_8)),
        properties);
    try {
      HttpClient client = HttpClient.newBuilder().sslContext(trustingServer()).version(HttpClient.Version.HTTP_1_1).build();
      URI whoami = URI.create("https://localhost:" + HttpPorts.https(log) + "/it/whoami");
      Deadline.await(WAIT, "endpoint registered", () -> send(client, HttpRequest.newBuilder(whoami).build()).statusCode() != 404);
      HttpResponse<String> anonymous = send(client, HttpRequest.newBuilder(whoami).build());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      HttpResponse<String> loggedIn = send(client, HttpRequest.newBuilder(whoami).header("Authorization", basic("carol", "secret-pw")).build());
      assertThat(loggedIn.statusCode()).isEqualTo(200);
      assertThat(loggedIn.body()).isEqualTo(Long.toString(carol.id()));
    } finally {
      endpoint.unregister();
    }
  }

  @Test
  public void removingAnAccountNeedsConfirmationAndRemovesItsMailbox() throws Exception {
    run("convene:account-add dave@example.com pw-of-dave");
    Account dave = directory.findBySmtp("dave@example.com").orElseThrow();
    Deadline.await(WAIT, "dave's mailbox", () -> exists(dave.id()));
    assertThat(run("convene:account-remove dave@example.com")).contains("--yes");
    assertThat(directory.findBySmtp("dave@example.com")).isPresent();
    run("convene:account-remove --yes dave@example.com");
    assertThat(directory.findBySmtp("dave@example.com")).isEmpty();
    Deadline.await(WAIT, "dave's mailbox removed", () -> !exists(dave.id()));
  }

  @Test
  public void theAuthenticatorRefusesWrongPasswordsAndProductionHasNoDemoAccounts() throws Exception {
    assertThat(directory.findBySmtp("alice@example.com")).as("demo accounts only in the demo profile").isEmpty();
    run("convene:account-add erin@example.com right-pw");
    Authenticator authenticator = context.getService(context.getServiceReference(Authenticator.class));
    assertThat(authenticator.authenticate("erin@example.com", "wrong".toCharArray())).isEmpty();
    assertThat(authenticator.authenticate("erin@example.com", "right-pw".toCharArray())).isPresent();
  }

  private boolean exists(long accountId) {
    try {
      return store.exists(accountId);
    } catch (StoreException e) {
      return false;
    }
  }

  private String run(String command) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
      Object result;
      try {
        result = session.execute(command);
      } catch (Exception e) {
        return printed.toString(StandardCharsets.UTF_8) + e.getMessage();
      }
      return printed.toString(StandardCharsets.UTF_8) + (result == null ? "" : String.valueOf(result));
    }
  }

  private SSLContext trustingServer() throws Exception {
    Path tls = home.resolve("data/tls");
    char[] password = Files.readString(tls.resolve("selfsigned.password")).strip().toCharArray();
    KeyStore keys = KeyStore.getInstance(tls.resolve("selfsigned.p12").toFile(), password);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    SSLContext tlsContext = SSLContext.getInstance("TLS");
    tlsContext.init(null, trust.getTrustManagers(), null);
    return tlsContext;
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

}
