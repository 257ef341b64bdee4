package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderEntryId;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Guids;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The special-folder entry ids of MS-OXOSFLD 2.2 on the root and the Inbox. */
class SpecialFolderIdsTest {

  private static final Map<Integer, SpecialFolder> SINGLE = Map.of(
      0x36D0, SpecialFolder.CALENDAR,
      0x36D1, SpecialFolder.CONTACTS,
      0x36D2, SpecialFolder.JOURNAL,
      0x36D3, SpecialFolder.NOTES,
      0x36D4, SpecialFolder.TASKS,
      0x36D5, SpecialFolder.REMINDERS,
      0x36D7, SpecialFolder.DRAFTS);

  @TempDir Path data;
  private Database database;
  private DerbyStore store;
  private final PropertyBagCodec codec = new PropertyBagCodec();

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, codec, Clock.systemUTC());
    store.provision(1);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void provisioningPutsEntryIdsOfTheRightFoldersOnRootAndInbox() throws StoreException {
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    for (SpecialFolder carrier : List.of(SpecialFolder.ROOT, SpecialFolder.INBOX)) {
      assertPointToTheirFolders(mailbox, mailbox.folderProperties(mailbox.folder(carrier).id()));
    }
  }

  @Test
  void eachEntryIdFollowsTheFolderEntryIdLayoutFieldByField() throws StoreException {
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    byte[] calendar = mailbox.folderProperties(mailbox.folder(SpecialFolder.ROOT).id())
        .get(SpecialFolderIds.APPOINTMENT).asBytes();
    FolderId calendarId = mailbox.folder(SpecialFolder.CALENDAR).id();
    byte[] guid = Guids.toBytes(mailbox.replicaGuid());
    assertThat(calendar).hasSize(46);
    assertThat(Arrays.copyOfRange(calendar, 0, 4)).as("Flags").containsExactly(0, 0, 0, 0);
    assertThat(Arrays.copyOfRange(calendar, 4, 20)).as("Provider UID: the mailbox GUID").isEqualTo(guid);
    assertThat(Arrays.copyOfRange(calendar, 20, 22)).as("FolderType: eitLTPrivateFolder").containsExactly(0x01, 0x00);
    assertThat(Arrays.copyOfRange(calendar, 22, 38)).as("DatabaseGuid: the replica of replica id 1").isEqualTo(guid);
    assertThat(Arrays.copyOfRange(calendar, 38, 44)).as("GlobalCounter").isEqualTo(calendarId.counter().toBytes());
    assertThat(Arrays.copyOfRange(calendar, 44, 46)).as("Pad").containsExactly(0, 0);
  }

  @Test
  void mailboxesFromBeforeTheEntryIdsGetThemOnStartAndOnlyOnce() throws Exception {
    store.provision(2);
    stripEntryIds(1);
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    FolderInfo rootBefore = mailbox.folder(SpecialFolder.ROOT);
    assertThat(mailbox.folderProperties(rootBefore.id())).doesNotContainKey(SpecialFolderIds.APPOINTMENT);

    assertThat(store.upgradeMailboxes()).isEqualTo(1);

    FolderInfo rootAfter = mailbox.folder(SpecialFolder.ROOT);
    assertThat(rootAfter.changeNumber().counter().value())
        .as("a folder change, so hierarchy sync sends it").isGreaterThan(rootBefore.changeNumber().counter().value());
    for (SpecialFolder carrier : List.of(SpecialFolder.ROOT, SpecialFolder.INBOX)) {
      assertPointToTheirFolders(mailbox, mailbox.folderProperties(mailbox.folder(carrier).id()));
    }
    assertThat(store.upgradeMailboxes()).isZero();
    assertThat(mailbox.folder(SpecialFolder.ROOT).changeNumber()).isEqualTo(rootAfter.changeNumber());
  }

  private static void assertPointToTheirFolders(Mailbox mailbox, Map<PropTag, PropValue> properties) throws StoreException {
    for (Map.Entry<Integer, SpecialFolder> single : SINGLE.entrySet()) {
      PropValue value = properties.get(PropTag.of(single.getKey(), io.convene.api.store.PropType.PT_BINARY));
      assertThat(value).as("0x%04X", single.getKey()).isNotNull();
      assertThat(target(mailbox, value.asBytes())).as("0x%04X", single.getKey()).isEqualTo(single.getValue());
    }
    List<SpecialFolder> additional = new ArrayList<>();
    for (Object entryId : properties.get(SpecialFolderIds.ADDITIONAL_REN).asList()) {
      additional.add(target(mailbox, (byte[]) entryId));
    }
    assertThat(additional).containsExactly(SpecialFolder.CONFLICTS, SpecialFolder.SYNC_ISSUES,
        SpecialFolder.LOCAL_FAILURES, SpecialFolder.SERVER_FAILURES, SpecialFolder.JUNK);
  }

  /** The special folder an entry id names, resolved through the mailbox as a client would. */
  private static SpecialFolder target(Mailbox mailbox, byte[] bytes) throws StoreException {
    FolderEntryId entryId = FolderEntryId.parse(bytes);
    assertThat(entryId.providerUid()).isEqualTo(mailbox.replicaGuid());
    assertThat(entryId.databaseGuid()).isEqualTo(mailbox.replicaGuid());
    assertThat(entryId.folderType()).isEqualTo(FolderEntryId.PRIVATE_FOLDER);
    return mailbox.folder(new FolderId(DerbyStore.REPLICA_ID, entryId.counter())).special().orElseThrow();
  }

  /** Makes mailbox {@code account} look as an older Convene provisioned it. */
  private void stripEntryIds(long account) throws Exception {
    try (Connection connection = database.connection()) {
      for (SpecialFolder carrier : List.of(SpecialFolder.ROOT, SpecialFolder.INBOX)) {
        byte[] props;
        try (PreparedStatement query = connection.prepareStatement(
            "SELECT PROPS FROM FOLDERS WHERE ACCOUNT_ID = ? AND SPECIAL = ?")) {
          query.setLong(1, account);
          query.setString(2, carrier.name());
          try (ResultSet row = query.executeQuery()) {
            row.next();
            props = row.getBytes(1);
          }
        }
        List<PropValue> kept = codec.decode(props).stream()
            .filter(value -> value.tag().id() < 0x36D0 || value.tag().id() > 0x36D9).toList();
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE FOLDERS SET PROPS = ? WHERE ACCOUNT_ID = ? AND SPECIAL = ?")) {
          update.setBytes(1, codec.encode(kept));
          update.setLong(2, account);
          update.setString(3, carrier.name());
          update.executeUpdate();
        }
      }
      connection.commit();
    }
  }
}
