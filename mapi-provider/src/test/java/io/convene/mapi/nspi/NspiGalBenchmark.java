package io.convene.mapi.nspi;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.NewAccount;
import io.convene.mapi.nspi.book.AbTags;
import io.convene.mapi.nspi.book.AddressBook;
import io.convene.mapi.nspi.book.AddressBookCache;
import io.convene.mapi.nspi.book.NameResolver;
import io.convene.mapi.nspi.wire.NspiLimits;
import io.convene.mapi.nspi.wire.NspiRequest;
import io.convene.mapi.nspi.wire.NspiRequestDecoder;
import io.convene.mapi.nspi.wire.NspiRequestType;
import io.convene.mapi.nspi.wire.Stat;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.directory.AccountListeners;
import io.convene.storage.derby.directory.DerbyDirectory;
import io.convene.storage.derby.directory.DirectorySchema;
import io.convene.storage.derby.directory.PasswordHasher;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QueryRows (50 rows from the middle of the GAL) and ResolveNames (an SMTP address and a display
 * name) against a 10,000-account Derby directory: the cached GAL snapshot against building the
 * address book for every request, as the service did before ({@code AddressBook.of(directory)}:
 * list, profiles, sort), measured in the same run, each answer checked. Not part of the test run
 * (the class name matches no surefire include); run it with
 *
 * <pre>
 * mvn -o -pl mapi-provider test -Dtest=NspiGalBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class NspiGalBenchmark {

  static final int ACCOUNTS = 10_000;
  static final long SEED = 7;
  static final String[] FIRST = {"Anna", "Ben", "Chiara", "Dmitri", "Emre", "Fatima", "Gunnar", "Hiro", "Ines", "José",
      "Kwame", "Lena", "Mateo", "Nora", "Olga", "Pavel", "Quentin", "Rosa", "Sven", "Tereza", "Ugo", "Vera", "Wei", "Yara"};
  static final String[] LAST = {"Andersson", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova",
      "Jansen", "Kowalski", "Lindqvist", "Müller", "Novak", "Okafor", "Petrov", "Rossi", "Schmidt", "Tanaka", "Weber"};

  @TempDir Path folder;

  @Test
  void queryRowsAndResolveNamesOnTenThousandAccounts() throws Exception {
    System.setProperty("derby.system.durability", "test");
    try (Database database = Database.open(folder.resolve("derby"), List.of(new DirectorySchema()))) {
      AccountListeners listeners = new AccountListeners();
      DerbyDirectory directory = new DerbyDirectory(database, new PasswordHasher(1_000), listeners);
      long started = System.nanoTime();
      Account target = populate(directory);
      System.out.printf("created %d accounts in %d ms%n", ACCOUNTS, (System.nanoTime() - started) / 1_000_000);

      AddressBookCache cache = new AddressBookCache(() -> AddressBook.of(directory));
      listeners.add(cache);
      NspiService cached = service(cache::current);
      NspiService rebuilt = service(() -> AddressBook.of(directory));

      AddressBook book = cache.current();
      int middle = book.gal().get(ACCOUNTS / 2).mid();
      Stat stat = new Stat(0, 0, middle, 0, 0, 0, 0x4E4, 0x409, 0x409);
      NspiRequestDecoder decoder = new NspiRequestDecoder(NspiLimits.DEFAULT);
      NspiRequest queryRows = decoder.decode(NspiRequestType.QUERY_ROWS, NspiBodies.queryRows(0, stat, new int[0], 50,
          AbTags.DISPLAY_NAME, AbTags.SMTP_ADDRESS, AbTags.TITLE, AbTags.DEPARTMENT_NAME, AbTags.BUSINESS_TELEPHONE_NUMBER));
      NspiRequest resolveNames = decoder.decode(NspiRequestType.RESOLVE_NAMES,
          NspiBodies.resolveNames(new int[] {AbTags.DISPLAY_NAME, AbTags.SMTP_ADDRESS}, target.smtpAddress(), target.displayName()));
      int expectedMid = AddressBook.midOf(target.id());

      double list = median(10, () -> assertThat(directory.list()).hasSize(ACCOUNTS));
      double build = median(10, () -> assertThat(AddressBook.of(directory).gal()).hasSize(ACCOUNTS));
      System.out.printf("Directory.list() %.1f ms, AddressBook.of(directory) (list, profiles, sort, indexes) %.1f ms%n", list, build);
      for (String label : List.of("QueryRows 50", "ResolveNames 2")) {
        NspiRequest request = label.startsWith("Query") ? queryRows : resolveNames;
        Check check = label.startsWith("Query") ? NspiGalBenchmark::fiftyRows : body -> resolved(body, expectedMid);
        double before = measure(rebuilt, request, check, 10);
        double after = measure(cached, request, check, 2_000);
        System.out.printf("%-15s rebuilt per request %9.3f ms   cached snapshot %7.3f ms   %6.0fx%n", label, before, after, before / after);
      }
    }
  }

  private static NspiService service(Supplier<AddressBook> books) {
    return new NspiService(books, new NameResolver(Optional::empty), UUID.randomUUID(),
        new NspiServiceSettings("https://x/mapi/emsmdb/", "https://x/mapi/nspi/", 1000, 100));
  }

  /** Users with profiles (every tenth without), a room every fiftieth; returns one user to resolve. */
  private static Account populate(DerbyDirectory directory) {
    Random random = new Random(SEED);
    Account target = null;
    for (int i = 0; i < ACCOUNTS; i++) {
      String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + i;
      String address = "user" + i + "@example.org";
      Account account = directory.create(i % 50 == 0 ? NewAccount.room(address, "Room " + name) : NewAccount.user(address, name), null);
      if (i % 10 != 0) {
        directory.setProfile(account.id(),
            new AccountProfile("Engineer", "Team " + (i % 40), "Example Ltd", "+49 30 555" + i, ""));
      }
      if (i == ACCOUNTS / 3) {
        target = account;
      }
    }
    return target;
  }

  @FunctionalInterface
  interface Check {
    void accept(byte[] body) throws Exception;
  }

  /** Median milliseconds per answer over {@code rounds}, after a warm-up; every answer checked. */
  private static double measure(NspiService service, NspiRequest request, Check check, int rounds) throws Exception {
    for (int i = 0; i < Math.max(3, rounds / 10); i++) {
      check.accept(service.answer(1, "warm-up", request));
    }
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      byte[] body = service.answer(1, "bench", request);
      nanos[i] = System.nanoTime() - start;
      check.accept(body);
    }
    Arrays.sort(nanos);
    return nanos[rounds / 2] / 1e6;
  }

  private static double median(int rounds, Runnable work) {
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      work.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[rounds / 2] / 1e6;
  }

  private static void fiftyRows(byte[] body) throws Exception {
    NspiBodies.Response response = new NspiBodies.Response(body);
    assertThat(response.errorCode).isZero();
    response.state();
    assertThat(response.rows()).hasSize(50);
  }

  private static void resolved(byte[] body, int mid) throws Exception {
    NspiBodies.Response response = new NspiBodies.Response(body);
    assertThat(response.errorCode).isZero();
    response.u32();
    assertThat(response.mids()).containsExactly(mid, mid);
  }
}
