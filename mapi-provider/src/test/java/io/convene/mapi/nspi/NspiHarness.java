package io.convene.mapi.nspi;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.NewAccount;
import io.convene.api.search.ContactSearch;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.http.EmsmdbLimits;
import io.convene.mapi.http.EmsmdbSettings;
import io.convene.mapi.nspi.book.AddressBook;
import io.convene.mapi.nspi.book.AddressBookCache;
import io.convene.mapi.nspi.book.NameResolver;
import io.convene.mapi.nspi.wire.NspiLimits;
import io.convene.mapi.testing.FakeExchange;
import io.convene.mapi.testing.MutableClock;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.directory.AccountListeners;
import io.convene.storage.derby.directory.DerbyDirectory;
import io.convene.storage.derby.directory.DirectorySchema;
import io.convene.storage.derby.directory.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The NSPI endpoint over the real Derby directory in a temporary folder, with accounts for the
 * tests: three users whose names share prefixes, a room, equipment and a disabled user.
 */
final class NspiHarness implements AutoCloseable {

  static final UUID SERVER_GUID = UUID.fromString("5a1e5a1e-0000-4000-8000-00000000c0de");

  final Database database;
  final DerbyDirectory directory;
  final AddressBookCache addressBook;
  final Account alice;
  final Account alan;
  final Account bob;
  final Account boardroom;
  final Account beamer;
  final Account dave;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  final AtomicReference<ContactSearch> search = new AtomicReference<>();
  final NspiEndpoint endpoint;
  String context;
  String sequence;

  NspiHarness(Path folder) {
    System.setProperty("derby.system.durability", "test");
    database = Database.open(folder.resolve("derby"), List.of(new DirectorySchema()));
    AccountListeners listeners = new AccountListeners();
    directory = new DerbyDirectory(database, new PasswordHasher(1_000), listeners);
    addressBook = new AddressBookCache(() -> AddressBook.of(directory));
    listeners.add(addressBook);
    alice = directory.create(NewAccount.user("alice@example.org", "Alice Liddell").withAlias("alice"), null);
    alan = directory.create(NewAccount.user("alan@example.org", "Alan Turing").withAlias("alan"), null);
    bob = directory.create(NewAccount.user("bob@example.org", "Bob Builder").withAlias("bob"), null);
    boardroom = directory.create(
        NewAccount.room("boardroom@example.org", "Boardroom").withAlias("boardroom").withCapacity(12).withLocation("Floor 2"), null);
    beamer = directory.create(NewAccount.equipment("beamer@example.org", "Beamer").withAlias("beamer"), null);
    dave = directory.create(NewAccount.user("dave@example.org", "Dave Disabled").withAlias("dave").withEnabled(false), null);
    EmsmdbSettings settings =
        new EmsmdbSettings("Exchange/15.01.2507.000", LegacyDn.ADMINISTRATIVE_GROUP, Duration.ofSeconds(15),
            Duration.ofMinutes(15), 4, Duration.ofSeconds(1), Duration.ofMinutes(1), 6, Duration.ofSeconds(10),
            new EmsmdbLimits(64 * 1024, 2048, 0x1008, 256), 0);
    NspiService service =
        new NspiService(addressBook::current, new NameResolver(() -> Optional.ofNullable(search.get())), SERVER_GUID,
            new NspiServiceSettings("https://mail.example.org/mapi/emsmdb/", "https://mail.example.org/mapi/nspi/", 3, 100),
            io.convene.mapi.nspi.book.CertificatePublisher.of(directory));
    endpoint = new NspiEndpoint(settings, service, NspiLimits.DEFAULT, ticker, clock);
  }

  static int mid(Account account) {
    return io.convene.mapi.nspi.book.AddressBook.midOf(account.id());
  }

  /** Sends a request as {@code account} with the current cookies; keeps the cookies it sets. */
  FakeExchange send(String type, byte[] body, Account account) throws Exception {
    FakeExchange exchange =
        new FakeExchange("POST", "/mapi/nspi/")
            .header("X-RequestType", type)
            .header("X-RequestId", "{E2EA6C1C-E61B-49E9-9CFB-38184F907552}:7")
            .header("X-ClientInfo", "{2EF33C39-49C8-421C-B876-CDF7F2AC3AA0}:1")
            .user(Long.toString(account.id()), account.smtpAddress())
            .body(body);
    if (context != null) {
      exchange.header("Cookie", "MapiContext=" + context + "; MapiSequence=" + sequence);
    }
    endpoint.handle(exchange);
    for (String header : exchange.responseHeaders("Set-Cookie")) {
      String pair = header.split(";")[0];
      if (pair.startsWith("MapiContext=")) {
        context = pair.substring("MapiContext=".length());
      } else if (pair.startsWith("MapiSequence=")) {
        sequence = pair.substring("MapiSequence=".length());
      }
    }
    return exchange;
  }

  FakeExchange send(String type, byte[] body) throws Exception {
    return send(type, body, alice);
  }

  /** Sends a request that must succeed at the transport and returns its body. */
  NspiBodies.Response call(String type, byte[] body) throws Exception {
    FakeExchange exchange = send(type, body);
    assertThat(responseCode(exchange)).as("X-ResponseCode of " + type).isZero();
    return new NspiBodies.Response(responseBody(exchange));
  }

  static int responseCode(FakeExchange exchange) {
    return Integer.parseInt(exchange.responseHeader("X-ResponseCode").orElseThrow());
  }

  static byte[] responseBody(FakeExchange exchange) {
    byte[] all = exchange.body();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int done = text.indexOf("DONE\r\n");
    assertThat(done).as("DONE meta-tag").isGreaterThanOrEqualTo(0);
    int blank = text.indexOf("\r\n\r\n", done);
    return Arrays.copyOfRange(all, blank + 4, all.length);
  }

  NspiBodies.Response bind() throws Exception {
    return call("Bind", NspiBodies.bind(0));
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    database.close();
  }
}
