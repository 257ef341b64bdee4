package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderEntryId;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PidTagAdditionalRenEntryIdsEx (MS-OXOSFLD 2.2.5) and PidTagFreeBusyEntryIds (2.2.6): the
 * PersistData encoding against a fixture from the spec's structure tables, bounded decoding, and
 * the provisioned folders they name, on the real store.
 */
class AdditionalSpecialFoldersTest {

  private static final UUID GUID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

  @TempDir static Path data;
  static Database database;
  static DerbyStore store;

  @BeforeAll
  static void open() {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  static byte[] fixture(String resource) throws IOException {
    try (InputStream in = AdditionalSpecialFoldersTest.class.getResourceAsStream("/spec/" + resource)) {
      StringBuilder hex = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.startsWith("#")) {
          hex.append(line.replace(" ", "").trim());
        }
      }
      return HexFormat.of().parseHex(hex.toString());
    }
  }

  @Test
  void persistDataBlocksMatchTheSpecStructureFieldByField() throws Exception {
    byte[] bytes = fixture("ms-oxosfld/2.2.5-additionalrenentryidsex.hex");
    Map<Integer, byte[]> decoded = PersistDataBlocks.decode(bytes);
    assertThat(decoded).containsOnlyKeys(PersistDataBlocks.RSF_PID_CONV_ACTIONS);
    FolderEntryId entryId = FolderEntryId.parse(decoded.get(PersistDataBlocks.RSF_PID_CONV_ACTIONS));
    assertThat(entryId.providerUid()).isEqualTo(GUID);
    assertThat(entryId.databaseGuid()).isEqualTo(GUID);
    assertThat(entryId.folderType()).isEqualTo(FolderEntryId.PRIVATE_FOLDER);
    assertThat(entryId.counter().value()).isEqualTo(0x0E8EDF36L);

    byte[] ours = FolderEntryId.ofPrivateFolder(GUID, GUID, FolderId.of(1, 0x0E8EDF36L)).toBytes();
    assertThat(PersistDataBlocks.encode(Map.of(PersistDataBlocks.RSF_PID_CONV_ACTIONS, ours))).isEqualTo(bytes);
  }

  @Test
  void decodingIsBoundedAndRandomBytesGiveAnErrorOrEntries() {
    assertThatThrownBy(() -> PersistDataBlocks.decode(new byte[] {0x06, (byte) 0x80, 0x36, 0x00, 0x01, 0x00}))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.INVALID_PARAMETER));
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[random.nextInt(80)];
      random.nextBytes(bytes);
      if (bytes.length > 4 && random.nextBoolean()) {
        bytes[3] = 0; // plausible small sizes reach the element loop more often
      }
      try {
        PersistDataBlocks.decode(bytes);
      } catch (StoreException expected) {
        assertThat(expected.error()).as("seed %d", seed).isEqualTo(StoreError.INVALID_PARAMETER);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", input " + HexFormat.of().formatHex(bytes), e);
      }
    }
  }

  @Test
  void newMailboxesCarryBothPropertiesNamingProvisionedFolders() throws Exception {
    store.provision(1);
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    assertCarried(mailbox);
  }

  @Test
  void olderMailboxesGetTheFoldersAndPropertiesOnUpgrade() throws Exception {
    store.provision(2);
    Mailbox mailbox = store.mailbox(2, Caller.account(2));
    try (Connection connection = database.connection()) {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM FOLDERS WHERE ACCOUNT_ID = 2 AND SPECIAL IN ('FREEBUSY_DATA', 'CONVERSATION_ACTIONS',"
              + " 'QUICK_STEP_SETTINGS', 'SUGGESTED_CONTACTS', 'IM_CONTACT_LIST', 'QUICK_CONTACTS')")) {
        assertThat(delete.executeUpdate()).isEqualTo(6);
      }
      connection.commit();
    }
    assertThatThrownBy(() -> mailbox.folder(SpecialFolder.FREEBUSY_DATA)).isInstanceOf(StoreException.class);

    assertThat(store.upgradeMailboxes()).isGreaterThanOrEqualTo(1);

    assertCarried(mailbox);
    assertThat(store.upgradeMailboxes()).isZero();
  }

  private static void assertCarried(Mailbox mailbox) throws StoreException {
    Map<PropTag, PropValue> root = mailbox.folderProperties(mailbox.folder(SpecialFolder.ROOT).id());
    Map<PropTag, PropValue> inbox = mailbox.folderProperties(mailbox.folder(SpecialFolder.INBOX).id());
    assertThat(root.get(SpecialFolderIds.ADDITIONAL_REN_EX).asBytes())
        .isEqualTo(inbox.get(SpecialFolderIds.ADDITIONAL_REN_EX).asBytes());
    Map<Integer, byte[]> blocks = PersistDataBlocks.decode(root.get(SpecialFolderIds.ADDITIONAL_REN_EX).asBytes());
    assertThat(blocks).containsOnlyKeys(0x8006, 0x8007, 0x8008, 0x800A, 0x800B);
    Map<Integer, SpecialFolder> expected = Map.of(0x8006, SpecialFolder.CONVERSATION_ACTIONS,
        0x8007, SpecialFolder.QUICK_STEP_SETTINGS, 0x8008, SpecialFolder.SUGGESTED_CONTACTS,
        0x800A, SpecialFolder.IM_CONTACT_LIST, 0x800B, SpecialFolder.QUICK_CONTACTS);
    for (Map.Entry<Integer, byte[]> block : blocks.entrySet()) {
      assertThat(target(mailbox, block.getValue())).isEqualTo(expected.get(block.getKey()));
    }
    List<?> freeBusy = root.get(SpecialFolderIds.FREEBUSY).asList();
    assertThat(inbox.get(SpecialFolderIds.FREEBUSY).asList()).hasSize(4);
    assertThat(freeBusy).hasSize(4);
    assertThat((byte[]) freeBusy.get(0)).isEmpty();
    assertThat(target(mailbox, (byte[]) freeBusy.get(3))).isEqualTo(SpecialFolder.FREEBUSY_DATA);
    assertThat(mailbox.folder(SpecialFolder.FREEBUSY_DATA).parentId()).contains(mailbox.folder(SpecialFolder.ROOT).id());
  }

  private static SpecialFolder target(Mailbox mailbox, byte[] bytes) throws StoreException {
    FolderEntryId entryId = FolderEntryId.parse(bytes);
    return mailbox.folder(new FolderId(DerbyStore.REPLICA_ID, entryId.counter())).special().orElseThrow();
  }
}
