package io.convene.search.lucene.feed;

import static io.convene.search.lucene.SearchFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.search.ContactHit;
import io.convene.api.search.QueryOptions;
import io.convene.api.store.Caller;
import io.convene.api.store.MessageId;
import io.convene.search.lucene.SearchFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts, rebuilds and catch-up of the index over the real directory and store. */
class IndexLifecycleTest {

  @TempDir Path data;
  private SearchFixture world;
  private Account alice;
  private Caller asAlice;

  @BeforeEach
  void start() throws Exception {
    world = new SearchFixture(data);
    alice = world.user("alice@example.com", "Alice Anderson");
    world.room("kiosk@example.com", "Kiosk Room", 4, "Lobby");
    asAlice = Caller.account(alice.id());
    world.startIndex();
    world.contact(alice.id(), "Peter", "Persistent", "peter@example.com");
    eventually(() -> world.resolve(asAlice, "peter"), hits -> !hits.isEmpty());
  }

  @AfterEach
  void stop() throws Exception {
    world.close();
  }

  @Test
  void deletingTheIndexFolderRebuildsItFromTheDirectoryAndTheStore() throws Exception {
    world.stopIndex();
    deleteRecursively(world.indexDirectory());

    world.startIndex();

    assertThat(world.index().createdFresh()).isTrue();
    assertThat(world.resolve(asAlice, "peter")).containsExactly("Peter Persistent");
    assertThat(world.resolve(asAlice, "kiosk")).containsExactly("Kiosk Room");
    assertThat(world.resolve(asAlice, "alice")).containsExactly("Alice Anderson");
  }

  @Test
  void aCorruptIndexIsRebuilt() throws Exception {
    world.stopIndex();
    try (Stream<Path> files = Files.list(world.indexDirectory())) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, "not a Lucene commit".getBytes());
      }
    }

    world.startIndex();

    assertThat(world.index().createdFresh()).isTrue();
    assertThat(world.resolve(asAlice, "peter")).containsExactly("Peter Persistent");
  }

  @Test
  void afterARestartOnlyWhatChangedMeanwhileIsReadFromTheStore() throws Exception {
    MessageId renamed = world.contact(alice.id(), "Rita", "Before", "");
    MessageId removed = world.contact(alice.id(), "Doris", "Doomed", "");
    for (int i = 0; i < 5; i++) {
      world.contact(alice.id(), "Unchanged" + i, "Contact", "");
    }
    eventually(() -> world.resolve(asAlice, "unchanged"), hits -> hits.size() == 5);
    assertThat(world.resolve(asAlice, "rita")).containsExactly("Rita Before");
    assertThat(world.resolve(asAlice, "doris")).containsExactly("Doris Doomed");
    world.stopIndex();

    // while the index is away
    world.contact(alice.id(), "Nadia", "Newcomer", "");
    world.rename(alice.id(), renamed, "Rita After");
    world.mailbox(alice.id()).delete(world.contactsFolder(alice.id()), List.of(removed), true);
    Account added = world.user("late@example.com", "Larry Latecomer");
    world.directory.remove(world.directory.findBySmtp("kiosk@example.com").orElseThrow().id());
    world.directory.update(alice.id(), AccountUpdate.NONE.withEnabled(false));

    world.startIndex();

    assertThat(world.index().createdFresh()).isFalse();
    // the new and the renamed contact, nothing else: the watermark in the commit held
    assertThat(world.feeder().contactsWritten()).isEqualTo(2);
    assertThat(world.resolve(asAlice, "nadia")).containsExactly("Nadia Newcomer");
    assertThat(world.resolve(asAlice, "rita")).containsExactly("Rita After");
    assertThat(world.resolve(asAlice, "doris")).isEmpty();
    assertThat(world.resolve(asAlice, "unchanged")).hasSize(5);
    assertThat(world.resolve(Caller.account(added.id()), "larry")).containsExactly("Larry Latecomer");
    assertThat(world.resolve(asAlice, "kiosk")).isEmpty();
    // disabled meanwhile: out of the GAL, its contacts kept
    assertThat(world.resolve(asAlice, "alice")).isEmpty();
    assertThat(world.index().galAccounts()).doesNotContain(alice.id()).contains(added.id());
  }

  @Test
  void aRebuildLeavesDisabledAccountsOut() throws Exception {
    Account gone = world.user("gone@example.com", "Gina Gone");
    world.directory.update(gone.id(), AccountUpdate.NONE.withEnabled(false));
    world.stopIndex();
    deleteRecursively(world.indexDirectory());

    world.startIndex();

    assertThat(world.index().galAccounts()).doesNotContain(gone.id()).contains(alice.id());
    assertThat(world.resolve(asAlice, "gina")).isEmpty();
    assertThat(world.resolve(asAlice, "peter")).containsExactly("Peter Persistent");
  }

  @Test
  void aRebuildIndexesTheProfilesOfGalEntries() throws Exception {
    Account quinn = world.user("quinn@example.com", "Quinn Quartermaster");
    world.directory.setProfile(quinn.id(), AccountProfile.EMPTY.withDepartment("Logistics").withCompany("Supply Depot"));
    world.stopIndex();
    deleteRecursively(world.indexDirectory());

    world.startIndex();

    assertThat(world.search().search(asAlice, "logistics depot", QueryOptions.DEFAULT).hits())
        .extracting(ContactHit::displayName).containsExactly("Quinn Quartermaster");
  }

  @Test
  void reindexRebuildsEverything() throws Exception {
    int before = world.index().size();
    long written = world.feeder().contactsWritten();

    world.feeder().reindex().get(30, TimeUnit.SECONDS);

    assertThat(world.index().size()).isEqualTo(before);
    assertThat(world.feeder().contactsWritten() - written).isEqualTo(1);
    assertThat(world.resolve(asAlice, "peter")).containsExactly("Peter Persistent");
    assertThat(world.resolve(asAlice, "kiosk")).containsExactly("Kiosk Room");
  }

  @Test
  void aRemovedMailboxTakesItsContactsAlong() throws Exception {
    world.store.remove(alice.id());
    assertThat(eventually(() -> world.resolve(Caller.server(), "peter"), List::isEmpty)).isEmpty();
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
