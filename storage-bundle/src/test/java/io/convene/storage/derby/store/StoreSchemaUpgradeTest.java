package io.convene.storage.derby.store;

import static io.convene.storage.derby.store.RawSql.execute;
import static io.convene.storage.derby.store.RawSql.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.NamedProperty;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by the previous release (store schema version 4) opens, upgrades and serves every query. */
class StoreSchemaUpgradeTest {

  private static final long OWNER = 1;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final int PREVIOUS_VERSION = 4;

  @TempDir Path data;

  @Test
  void aVersionFourDatabaseUpgradesAndKeepsItsItemsAndChanges() throws Exception {
    Path directory = data.resolve("convene");
    PropertyBagCodec codec = new PropertyBagCodec();
    List<MessageId> notes = new ArrayList<>();
    MessageId appointment;
    long state;
    FolderId inbox;
    FolderId calendar;
    try (Database old = Database.open(directory, List.of(EarlierStoreSchema.atVersion(PREVIOUS_VERSION)))) {
      assertThat(version(old)).isEqualTo(PREVIOUS_VERSION);
      DerbyStore store = new DerbyStore(old, codec, Clock.systemUTC());
      // Provisioning now also writes receive folders (version 8): give it their table for that
      // call only, so the old database ends as the previous release left it, without them.
      execute(old, new StoreSchema().migrations().get(7).get(0));
      store.provision(OWNER);
      execute(old, "DROP TABLE RECEIVE_FOLDERS");
      Mailbox mailbox = store.mailbox(OWNER, Caller.account(OWNER));
      // only calls whose SQL the previous release shared: provisioning and named properties; items
      // and read states are written as that release wrote its rows (its columns, its counter)
      inbox = FolderId.fromLong(number(old, "SELECT FOLDER_ID FROM FOLDERS WHERE SPECIAL = '" + SpecialFolder.INBOX + "'"));
      calendar = FolderId.fromLong(number(old, "SELECT FOLDER_ID FROM FOLDERS WHERE SPECIAL = '" + SpecialFolder.CALENDAR + "'"));
      long counter = number(old, "SELECT NEXT_COUNTER FROM MAILBOXES WHERE ACCOUNT_ID = " + OWNER);
      for (int i = 0; i < 5; i++) {
        notes.add(insert(old, codec, inbox, counter, List.of(PropValue.ofString(SUBJECT, "note " + i)), null, null,
            i < 2 ? counter + 10 : counter + 1));
        counter += 2;
      }
      PropTag start = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D), true), PropType.PT_SYSTIME);
      PropTag end = PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820E), true), PropType.PT_SYSTIME);
      Instant from = Instant.parse("2026-11-30T09:00:00Z");
      Instant to = Instant.parse("2026-11-30T10:00:00Z");
      appointment = insert(old, codec, calendar, counter, List.of(PropValue.ofTime(start, from), PropValue.ofTime(end, to)),
          from, to, counter + 1);
      execute(old, "UPDATE FOLDERS SET MAX_SPAN = 3600000 WHERE ACCOUNT_ID = " + OWNER + " AND FOLDER_ID = " + calendar.toLong());
      execute(old, "UPDATE MAILBOXES SET NEXT_COUNTER = " + (counter + 20) + " WHERE ACCOUNT_ID = " + OWNER);
      state = number(old, "SELECT NEXT_COUNTER - 1 FROM MAILBOXES WHERE ACCOUNT_ID = " + OWNER);
      assertThat(state).isGreaterThan(counter);
    }

    try (Database upgraded = Database.open(directory, List.of(new StoreSchema()))) {
      assertThat(version(upgraded)).isEqualTo(new StoreSchema().version()).isGreaterThan(PREVIOUS_VERSION);
      Mailbox mailbox = new DerbyStore(upgraded, codec, Clock.systemUTC()).mailbox(OWNER, Caller.account(OWNER));
      assertThat(mailbox.items(inbox, 0, 50)).extracting(StoredItem::id).containsExactlyInAnyOrderElementsOf(notes);
      assertThat(mailbox.folder(inbox).itemCount()).isEqualTo(5);
      List<MessageId> byId = notes.stream().sorted(java.util.Comparator.comparingLong(MessageId::toLong)).toList();
      io.convene.api.store.QueryPage page = mailbox.query(inbox, null, io.convene.api.store.query.SortOrderSet.NONE, 1, 3);
      assertThat(page.rows()).extracting(StoredItem::id).containsExactlyElementsOf(byId.subList(1, 4));
      assertThat(page.totalMatches()).isEqualTo(5);
      assertThat(mailbox.folder(inbox).unreadCount()).isEqualTo(3);
      assertThat(mailbox.calendarItems(calendar, Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z")))
          .extracting(StoredItem::id).containsExactly(appointment);
      assertThat(mailbox.changesSince(inbox, 0).changed()).containsExactlyInAnyOrderElementsOf(notes);

      DerbyStore current = new DerbyStore(upgraded, codec, Clock.systemUTC());
      assertThat(mailbox.receiveFolders()).as("none before the mailbox upgrade").isEmpty();
      assertThat(current.upgradeMailboxes()).isEqualTo(1);
      assertThat(mailbox.receiveFolder("IPM.Note").folder()).isEqualTo(inbox);

      SavedItem next = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "after the upgrade")));
      assertThat(next.changeNumber().counter().value()).isGreaterThan(state);
      assertThat(mailbox.changesSince(inbox, state).changed()).containsExactly(next.id());
    }
  }

  /** An item row as the version-4 store wrote it: its columns only, read if {@code readCn} is past its change. */
  private static MessageId insert(Database database, PropertyBagCodec codec, FolderId folder, long counter,
      List<PropValue> properties, Instant start, Instant end, long readCn) throws Exception {
    MessageId id = MessageId.of(1, counter);
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO MESSAGES (ACCOUNT_ID, MESSAGE_ID, FOLDER_ID, CREATOR_ID, MESSAGE_CLASS, CHANGE_NUMBER, READ_CN,"
                + " IS_READ, START_TIME, END_TIME, LAST_MODIFIED, PROPS) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, OWNER);
      insert.setLong(2, id.toLong());
      insert.setLong(3, folder.toLong());
      insert.setLong(4, OWNER);
      insert.setLong(5, counter + 1);
      insert.setLong(6, readCn);
      insert.setShort(7, (short) (readCn > counter + 1 ? 1 : 0));
      if (start == null) {
        insert.setNull(8, java.sql.Types.BIGINT);
        insert.setNull(9, java.sql.Types.BIGINT);
      } else {
        insert.setLong(8, start.toEpochMilli());
        insert.setLong(9, end.toEpochMilli());
      }
      insert.setLong(10, System.currentTimeMillis());
      insert.setBytes(11, codec.encode(properties));
      insert.executeUpdate();
      connection.commit();
    }
    return id;
  }

  private static int version(Database database) throws Exception {
    return (int) number(database, "SELECT VERSION FROM CONVENE_SCHEMA WHERE PART = 'store'");
  }
}
