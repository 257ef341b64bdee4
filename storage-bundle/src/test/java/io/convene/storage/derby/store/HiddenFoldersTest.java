package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.HierarchyRow;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PidTagAttributeHidden on the configuration folders, at provisioning and on start. */
class HiddenFoldersTest {

  @TempDir Path data;
  private Database database;
  private DerbyStore store;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
    store.provision(1);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static Boolean hidden(Mailbox mailbox, SpecialFolder folder) throws StoreException {
    PropValue value = mailbox.folderProperties(mailbox.folder(folder).id()).get(HiddenFolders.ATTRIBUTE_HIDDEN);
    return value == null ? null : (Boolean) value.value();
  }

  @Test
  void provisioningHidesTheConfigurationFoldersOnly() throws StoreException {
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    for (SpecialFolder folder : List.of(SpecialFolder.CONVERSATION_ACTIONS, SpecialFolder.QUICK_STEP_SETTINGS,
        SpecialFolder.IM_CONTACT_LIST, SpecialFolder.QUICK_CONTACTS, SpecialFolder.FREEBUSY_DATA)) {
      assertThat(hidden(mailbox, folder)).as(folder.name()).isTrue();
    }
    for (SpecialFolder folder : List.of(SpecialFolder.SUGGESTED_CONTACTS, SpecialFolder.INBOX, SpecialFolder.CALENDAR)) {
      assertThat(hidden(mailbox, folder)).as(folder.name()).isNull();
    }
  }

  @Test
  void hierarchyRowsCarryTheFlagSoClientsCanHideTheFoldersInTheirLists() throws StoreException {
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    FolderId quickSteps = mailbox.folder(SpecialFolder.QUICK_STEP_SETTINGS).id();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();

    List<HierarchyRow> rows =
        mailbox.hierarchy(mailbox.folder(SpecialFolder.ROOT).id(), true, null, SortOrderSet.NONE, 0, 1_000).rows();

    assertThat(rows).filteredOn(row -> row.folder().id().equals(quickSteps)).singleElement()
        .satisfies(row -> assertThat(row.properties().get(HiddenFolders.ATTRIBUTE_HIDDEN).value()).isEqualTo(true));
    assertThat(rows).filteredOn(row -> row.folder().id().equals(inbox)).singleElement()
        .satisfies(row -> assertThat(row.properties()).doesNotContainKey(HiddenFolders.ATTRIBUTE_HIDDEN));
  }

  @Test
  void mailboxesFromBeforeAreMarkedOnStartOnceAndAClientsChoiceStays() throws StoreException {
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    FolderId quickSteps = mailbox.folder(SpecialFolder.QUICK_STEP_SETTINGS).id();
    FolderId conversations = mailbox.folder(SpecialFolder.CONVERSATION_ACTIONS).id();
    mailbox.setFolderProperties(quickSteps, List.of(), List.of(HiddenFolders.ATTRIBUTE_HIDDEN));
    mailbox.setFolderProperties(conversations, List.of(PropValue.ofBoolean(HiddenFolders.ATTRIBUTE_HIDDEN, false)), List.of());
    long before = mailbox.folder(quickSteps).changeNumber().counter().value();

    assertThat(store.upgradeMailboxes()).isEqualTo(1);

    assertThat(hidden(mailbox, SpecialFolder.QUICK_STEP_SETTINGS)).isTrue();
    assertThat(mailbox.folder(quickSteps).changeNumber().counter().value())
        .as("a folder change, so hierarchy sync sends it").isGreaterThan(before);
    assertThat(hidden(mailbox, SpecialFolder.CONVERSATION_ACTIONS)).isFalse();
    assertThat(store.upgradeMailboxes()).isZero();
  }
}
