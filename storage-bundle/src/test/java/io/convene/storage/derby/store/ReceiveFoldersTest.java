package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderDeletion;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.ReceiveFolder;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receive folders (MS-OXCSTOR 3.2.5.2-3.2.5.4) on the real Derby store; each test has its own mailbox. */
class ReceiveFoldersTest {

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

  private static Mailbox provisioned(long account) throws StoreException {
    store.provision(account);
    return store.mailbox(account, Caller.account(account));
  }

  @Test
  void newMailboxesHaveTheDefaultsAndClassesFallBackToTheirLongestParent() throws Exception {
    Mailbox mailbox = provisioned(1);
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId root = mailbox.folder(SpecialFolder.ROOT).id();

    assertThat(mailbox.receiveFolders()).extracting(ReceiveFolder::messageClass, ReceiveFolder::folder)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("", inbox),
            org.assertj.core.groups.Tuple.tuple("IPC", root),
            org.assertj.core.groups.Tuple.tuple("IPM", inbox),
            org.assertj.core.groups.Tuple.tuple("REPORT.IPM", inbox));

    FolderId orders = mailbox.createFolder(inbox, "Orders", "IPF.Note").id();
    mailbox.setReceiveFolder("IPM.Note", orders);
    assertThat(mailbox.receiveFolder("ipm.note.x")).satisfies(entry -> {
      assertThat(entry.folder()).isEqualTo(orders);
      assertThat(entry.messageClass()).isEqualTo("IPM.Note");
    });
    assertThat(mailbox.receiveFolder("IPM.Appointment").messageClass()).isEqualTo("IPM");
    assertThat(mailbox.receiveFolder("Something.Else").messageClass()).isEmpty();
    assertThat(mailbox.receiveFolder("Something.Else").folder()).isEqualTo(inbox);
    assertThat(mailbox.receiveFolder("IPC.Sync").folder()).isEqualTo(root);

    mailbox.setReceiveFolder("ipm.NOTE", null);
    assertThat(mailbox.receiveFolder("IPM.Note.X").messageClass()).isEqualTo("IPM");
  }

  @Test
  void theSpecsRulesAreEnforced() throws Exception {
    Mailbox mailbox = provisioned(2);
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    for (String malformed : new String[] {".IPM", "IPM.", "IPM..Note", "IPM\u00e9", "x".repeat(255)}) {
      assertThatThrownBy(() -> mailbox.receiveFolder(malformed)).as(malformed)
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.INVALID_PARAMETER));
    }
    for (String permanent : new String[] {"", "IPM", "Report.IPM"}) {
      assertThatThrownBy(() -> mailbox.setReceiveFolder(permanent, null)).as(permanent)
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.INVALID_PARAMETER));
    }
    assertThatThrownBy(() -> mailbox.setReceiveFolder("IPC.Custom", inbox))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.ACCESS_DENIED));
    assertThatThrownBy(() -> mailbox.setReceiveFolder("IPM.Note", FolderId.of(1, 999_999)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_FOUND));

    store.provision(3);
    Mailbox asDelegate = store.mailbox(2, Caller.account(3));
    mailbox.setPermission(inbox, 3, FolderRights.ALL);
    assertThatThrownBy(() -> asDelegate.setReceiveFolder("IPM.Note", inbox))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.ACCESS_DENIED));
    assertThat(mailbox.receiveFolders()).hasSize(4);
  }

  @Test
  void entriesOfADeletedFolderGoAndTheDefaultFallsBackToTheInbox() throws Exception {
    Mailbox mailbox = provisioned(4);
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId mine = mailbox.createFolder(inbox, "Mine", null).id();
    mailbox.setReceiveFolder("", mine);
    mailbox.setReceiveFolder("IPM.Custom", mine);
    assertThat(mailbox.receiveFolder("Other").folder()).isEqualTo(mine);

    assertThat(mailbox.deleteFolder(mine, FolderDeletion.EVERYTHING)).isTrue();

    assertThat(mailbox.receiveFolder("Other").folder()).isEqualTo(inbox);
    assertThat(mailbox.receiveFolder("IPM.Custom").messageClass()).isEqualTo("IPM");
    assertThat(mailbox.receiveFolders()).hasSize(4);
  }

  @Test
  void mailboxesProvisionedBeforeGetTheDefaultsOnUpgrade() throws Exception {
    Mailbox mailbox = provisioned(5);
    try (Connection connection = database.connection()) {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM RECEIVE_FOLDERS WHERE ACCOUNT_ID = 5")) {
        delete.executeUpdate();
      }
      connection.commit();
    }
    assertThat(mailbox.receiveFolders()).isEmpty();

    assertThat(store.upgradeMailboxes()).isGreaterThanOrEqualTo(1);

    assertThat(mailbox.receiveFolders()).hasSize(4);
    assertThat(mailbox.receiveFolder("REPORT.IPM.Note.NDR").folder()).isEqualTo(mailbox.folder(SpecialFolder.INBOX).id());
    assertThat(store.upgradeMailboxes()).isZero();
  }
}
