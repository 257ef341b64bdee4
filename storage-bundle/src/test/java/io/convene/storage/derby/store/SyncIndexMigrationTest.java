package io.convene.storage.derby.store;

import static io.convene.storage.derby.store.RawSql.execute;
import static io.convene.storage.derby.store.RawSql.messagesIndexes;
import static io.convene.storage.derby.store.RawSql.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderChanges;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoredItem;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 10 replaces the change-number and read-state indexes by one on SYNC_CN: a version-9
 * database keeps its items, order, counts and both kinds of sync changes, and Derby keeps the new
 * column on later writes.
 */
class SyncIndexMigrationTest {

  private static final long OWNER = 1;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final int PREVIOUS_VERSION = 9;

  @TempDir Path data;

  @Test
  void aVersionNineDatabaseUpgradesAndKeepsContentAndReadChanges() throws Exception {
    Path directory = data.resolve("convene");
    PropertyBagCodec codec = new PropertyBagCodec();
    List<MessageId> notes = new ArrayList<>();
    FolderId inbox;
    long first;
    try (Database old = Database.open(directory, List.of(EarlierStoreSchema.atVersion(PREVIOUS_VERSION)))) {
      new DerbyStore(old, codec, Clock.systemUTC()).provision(OWNER);
      inbox = FolderId.fromLong(number(old, "SELECT FOLDER_ID FROM FOLDERS WHERE SPECIAL = '" + SpecialFolder.INBOX + "'"));
      first = number(old, "SELECT NEXT_COUNTER FROM MAILBOXES WHERE ACCOUNT_ID = " + OWNER);
      // rows as release 9 wrote them (change number c + 1): read later (read cn c + 30), edited
      // later (change number c + 40, read cn as created), unchanged, and one folder-associated
      long[][] rows = {
        {first + 1, first + 30, 1, 0}, // read at first + 30
        {first + 40, first + 3, 0, 0}, // content changed at first + 40
        {first + 5, first + 5, 0, 0},
        {first + 7, first + 7, 0, 1}, // associated
      };
      for (int i = 0; i < rows.length; i++) {
        notes.add(insert(old, codec, inbox, first + 2L * i, rows[i][0], rows[i][1], rows[i][2] == 1, rows[i][3] == 1));
      }
      execute(old, "UPDATE MAILBOXES SET NEXT_COUNTER = " + (first + 100) + " WHERE ACCOUNT_ID = " + OWNER);
      assertThat(messagesIndexes(old)).contains("MESSAGES_FOLDER_CN", "MESSAGES_FOLDER_READ").doesNotContain("MESSAGES_FOLDER_SYNC");
    }

    try (Database upgraded = Database.open(directory, List.of(new StoreSchema()))) {
      assertThat(number(upgraded, "SELECT VERSION FROM CONVENE_SCHEMA WHERE PART = 'store'")).isGreaterThanOrEqualTo(10);
      assertThat(messagesIndexes(upgraded)).contains("MESSAGES_FOLDER_SYNC").doesNotContain("MESSAGES_FOLDER_CN", "MESSAGES_FOLDER_READ");
      // existing rows got the later of their two change numbers
      assertThat(number(upgraded, "SELECT SYNC_CN FROM MESSAGES WHERE MESSAGE_ID = " + notes.get(0).toLong())).isEqualTo(first + 30);
      assertThat(number(upgraded, "SELECT SYNC_CN FROM MESSAGES WHERE MESSAGE_ID = " + notes.get(1).toLong())).isEqualTo(first + 40);
      assertThat(number(upgraded, "SELECT SYNC_CN FROM MESSAGES WHERE MESSAGE_ID = " + notes.get(2).toLong())).isEqualTo(first + 5);

      Mailbox mailbox = new DerbyStore(upgraded, codec, Clock.systemUTC()).mailbox(OWNER, Caller.account(OWNER));
      List<MessageId> normal = notes.subList(0, 3);
      assertThat(mailbox.items(inbox, 0, 50)).extracting(StoredItem::id)
          .containsExactlyElementsOf(normal.stream().sorted(java.util.Comparator.comparingLong(MessageId::toLong)).toList());
      assertThat(mailbox.folder(inbox).itemCount()).isEqualTo(3);
      assertThat(mailbox.folder(inbox).unreadCount()).isEqualTo(2);
      assertThat(mailbox.folder(inbox).associatedCount()).isEqualTo(1);

      FolderChanges all = mailbox.changesSince(inbox, 0);
      assertThat(all.changed()).containsExactly(notes.get(0), notes.get(2), notes.get(3), notes.get(1)); // by change number
      // after first + 20: the content change of note 1 only; the read change of note 0 only
      FolderChanges later = mailbox.changesSince(inbox, first + 20);
      assertThat(later.changed()).containsExactly(notes.get(1));
      assertThat(later.readChanged()).containsExactly(new FolderChanges.ReadState(notes.get(0), true));
      FolderChanges none = mailbox.changesSince(inbox, first + 40);
      assertThat(none.changed()).isEmpty();
      assertThat(none.readChanged()).isEmpty();

      // Derby keeps SYNC_CN on later writes: a read change, then a content change
      long state = mailbox.changesSince(inbox, 0).highestChangeNumber();
      mailbox.setRead(inbox, List.of(notes.get(2)), true);
      FolderChanges read = mailbox.changesSince(inbox, state);
      assertThat(read.changed()).isEmpty();
      assertThat(read.readChanged()).containsExactly(new FolderChanges.ReadState(notes.get(2), true));
      SavedItem edited = mailbox.updateItem(notes.get(0), List.of(PropValue.ofString(SUBJECT, "edited")), List.of());
      FolderChanges edit = mailbox.changesSince(inbox, read.highestChangeNumber());
      assertThat(edit.changed()).containsExactly(edited.id());
      assertThat(edit.readChanged()).isEmpty();
      assertThat(number(upgraded, "SELECT SYNC_CN FROM MESSAGES WHERE MESSAGE_ID = " + notes.get(0).toLong()))
          .isEqualTo(edited.changeNumber().counter().value());
      assertThat(mailbox.folder(inbox).unreadCount()).isEqualTo(1);
    }
  }

  /** An item row as release 9 wrote it. */
  private static MessageId insert(Database database, PropertyBagCodec codec, FolderId folder, long counter,
      long changeNumber, long readCn, boolean read, boolean associated) throws Exception {
    MessageId id = MessageId.of(1, counter);
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO MESSAGES (ACCOUNT_ID, MESSAGE_ID, FOLDER_ID, CREATOR_ID, MESSAGE_CLASS, CHANGE_NUMBER, READ_CN,"
                + " IS_READ, START_TIME, END_TIME, RECUR_END, LAST_MODIFIED, PROPS, ASSOCIATED)"
                + " VALUES (?, ?, ?, ?, 'IPM.Note', ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)")) {
      insert.setLong(1, OWNER);
      insert.setLong(2, id.toLong());
      insert.setLong(3, folder.toLong());
      insert.setLong(4, OWNER);
      insert.setLong(5, changeNumber);
      insert.setLong(6, readCn);
      insert.setShort(7, (short) (read ? 1 : 0));
      insert.setLong(8, System.currentTimeMillis());
      List<PropValue> bag = new ArrayList<>(List.of(PropValue.ofString(SUBJECT, "note " + counter)));
      bag.add(PropValue.ofLong(Tags.MID, id.toLong()));
      bag.add(PropValue.ofLong(Tags.CHANGE_NUMBER, changeNumber));
      insert.setBytes(9, codec.encode(bag));
      insert.setShort(10, (short) (associated ? 1 : 0));
      insert.executeUpdate();
      connection.commit();
    }
    return id;
  }
}
