package io.convene.storage.derby.store;

import static io.convene.storage.derby.store.RawSql.execute;
import static io.convene.storage.derby.store.RawSql.messagesIndexes;
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
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoredItem;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 11 replaces the start and series-end indexes by one calendar index parted by
 * IS_SERIES and widens RECUR_END to the end of a series' last day: a version-10 database keeps
 * answering week queries with its single appointments and recurring masters, now including a
 * series on the day of its last instance, and Derby keeps the new columns on later writes (a
 * single turned into a series moves to the series part).
 */
class CalendarIndexMigrationTest {

  private static final long OWNER = 1;
  private static final int PREVIOUS_VERSION = 10;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final Instant WEEK = Instant.parse("2026-11-30T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path data;

  @Test
  void aVersionTenDatabaseUpgradesAndKeepsItsSinglesAndSeries() throws Exception {
    Path directory = data.resolve("convene");
    PropertyBagCodec codec = new PropertyBagCodec();
    FolderId calendar;
    MessageId inWeek;
    MessageId before;
    MessageId series;
    MessageId endedSeries;
    MessageId lastDay;
    MessageId note;
    PropTag start;
    PropTag end;
    PropTag recurring;
    PropTag clipEnd;
    try (Database old = Database.open(directory, List.of(EarlierStoreSchema.atVersion(PREVIOUS_VERSION)))) {
      DerbyStore store = new DerbyStore(old, codec, Clock.systemUTC());
      store.provision(OWNER);
      Mailbox mailbox = store.mailbox(OWNER, Caller.account(OWNER));
      start = appointmentTag(mailbox, 0x820D, PropType.PT_SYSTIME);
      end = appointmentTag(mailbox, 0x820E, PropType.PT_SYSTIME);
      recurring = appointmentTag(mailbox, 0x8223, PropType.PT_BOOLEAN);
      clipEnd = appointmentTag(mailbox, 0x8236, PropType.PT_SYSTIME);
      calendar = FolderId.fromLong(number(old, "SELECT FOLDER_ID FROM FOLDERS WHERE SPECIAL = '" + SpecialFolder.CALENDAR + "'"));
      long counter = number(old, "SELECT NEXT_COUNTER FROM MAILBOXES WHERE ACCOUNT_ID = " + OWNER);
      Instant tuesday = WEEK.plus(Duration.ofDays(1)).plus(Duration.ofHours(9));
      Instant lastMonth = WEEK.minus(Duration.ofDays(30));
      Times times = new Times(start, end, recurring, clipEnd);
      inWeek = insert(old, codec, calendar, counter, times, tuesday, tuesday.plus(HOUR), null);
      before = insert(old, codec, calendar, counter + 2, times, lastMonth, lastMonth.plus(HOUR), null);
      series = insert(old, codec, calendar, counter + 4, times, lastMonth.plus(HOUR), lastMonth.plus(HOUR).plus(HOUR),
          WEEK.plus(Duration.ofDays(90)));
      endedSeries = insert(old, codec, calendar, counter + 6, times, lastMonth, lastMonth.plus(HOUR), WEEK.minus(Duration.ofDays(3)));
      // a daily series whose last instance is on the Monday the week starts with: release 10 found
      // it by PidLidClipEnd (that Monday's midnight) only for ranges starting before that midnight
      lastDay = insert(old, codec, calendar, counter + 8, times, lastMonth.plus(Duration.ofHours(10)),
          lastMonth.plus(Duration.ofHours(11)), WEEK);
      note = insert(old, codec, calendar, counter + 10, times, null, null, null);
      execute(old, "UPDATE FOLDERS SET MAX_SPAN = " + HOUR.toMillis() + " WHERE ACCOUNT_ID = " + OWNER
          + " AND FOLDER_ID = " + calendar.toLong());
      execute(old, "UPDATE MAILBOXES SET NEXT_COUNTER = " + (counter + 100) + " WHERE ACCOUNT_ID = " + OWNER);
      assertThat(messagesIndexes(old)).contains("MESSAGES_FOLDER_START", "MESSAGES_FOLDER_RECUR").doesNotContain("MESSAGES_FOLDER_CALENDAR");
    }

    try (Database upgraded = Database.open(directory, List.of(new StoreSchema()))) {
      assertThat(number(upgraded, "SELECT VERSION FROM CONVENE_SCHEMA WHERE PART = 'store'")).isGreaterThan(PREVIOUS_VERSION);
      assertThat(messagesIndexes(upgraded)).contains("MESSAGES_FOLDER_CALENDAR").doesNotContain("MESSAGES_FOLDER_START", "MESSAGES_FOLDER_RECUR");
      Mailbox mailbox = new DerbyStore(upgraded, codec, Clock.systemUTC()).mailbox(OWNER, Caller.account(OWNER));
      assertThat(ids(mailbox.calendarItems(calendar, WEEK, WEEK.plus(Duration.ofDays(7)))))
          .as("the running series, the one ending on the week's first day (both started earlier) and the single of the week;"
              + " not the ended series, the old single, the note")
          .containsExactly(series, lastDay, inWeek);
      assertThat(ids(mailbox.calendarItems(calendar, WEEK.plus(Duration.ofHours(9)), WEEK.plus(Duration.ofHours(12)))))
          .as("the morning of that day holds the last instance (10:00-11:00)").contains(lastDay);
      assertThat(ids(mailbox.calendarItems(calendar, WEEK.plus(Duration.ofDays(2)), WEEK.plus(Duration.ofDays(3)))))
          .as("two days later the series is over").doesNotContain(lastDay);
      assertThat(ids(mailbox.calendarItems(calendar, WEEK.minus(Duration.ofDays(30)), WEEK.minus(Duration.ofDays(29)))))
          .containsExactlyInAnyOrder(before, endedSeries, series, lastDay);
      assertThat(mailbox.items(calendar, 0, 50)).extracting(StoredItem::id).contains(note);

      // a later write turns the single of the week into a series that runs into next month: Derby
      // moves it to the series part of the index, where a week with no occurrence start finds it
      Instant nextMonth = WEEK.plus(Duration.ofDays(35));
      mailbox.updateItem(inWeek, List.of(PropValue.ofBoolean(recurring, true),
          PropValue.ofTime(clipEnd, nextMonth.plus(Duration.ofDays(7)))), List.of());
      assertThat(ids(mailbox.calendarItems(calendar, nextMonth, nextMonth.plus(Duration.ofDays(7))))).containsExactlyInAnyOrder(series, inWeek);
      // and back: a single again, found by its start only
      mailbox.updateItem(inWeek, List.of(PropValue.ofBoolean(recurring, false)), List.of());
      assertThat(ids(mailbox.calendarItems(calendar, nextMonth, nextMonth.plus(Duration.ofDays(7))))).containsExactly(series);
      assertThat(ids(mailbox.calendarItems(calendar, WEEK, WEEK.plus(Duration.ofDays(7))))).containsExactly(series, lastDay, inWeek);
      assertThat(number(upgraded, "SELECT COUNT(*) FROM MESSAGES WHERE IS_SERIES = 1")).isEqualTo(3);

      // a series saved now: its last instance (on the day its PidLidClipEnd marks) is in range
      Instant lastMonday = nextMonth.plus(Duration.ofDays(14));
      Instant firstInstance = WEEK.plus(Duration.ofHours(14));
      MessageId saved = mailbox.createItem(calendar, List.of(PropValue.ofTime(start, firstInstance),
          PropValue.ofTime(end, firstInstance.plus(HOUR)), PropValue.ofBoolean(recurring, true),
          PropValue.ofTime(clipEnd, lastMonday))).id();
      assertThat(ids(mailbox.calendarItems(calendar, lastMonday.plus(Duration.ofHours(13)), lastMonday.plus(Duration.ofHours(16)))))
          .containsExactly(series, saved);
      assertThat(plan(upgraded, "SELECT MESSAGE_ID FROM MESSAGES --DERBY-PROPERTIES index=MESSAGES_FOLDER_CALENDAR\n"
          + " WHERE ACCOUNT_ID = 1 AND FOLDER_ID = " + calendar.toLong() + " AND IS_SERIES = 0 AND CAL_KEY < "
          + WEEK.plus(Duration.ofDays(7)).toEpochMilli() + " AND CAL_KEY >= " + WEEK.toEpochMilli()))
          .as("a week is a start and a stop position on all four columns, not a scan of the folder")
          .contains("using index MESSAGES_FOLDER_CALENDAR")
          .containsPattern("start position:\\s+>= on first 4 column\\(s\\)") // Derby words "stop before" as >= too
          .containsPattern("stop position:\\s+>= on first 4 column\\(s\\)");
    }
  }

  private static List<MessageId> ids(List<StoredItem> items) {
    return items.stream().map(StoredItem::id).toList();
  }

  private static PropTag appointmentTag(Mailbox mailbox, int lid, PropType type) throws Exception {
    return PropTag.of(mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, lid), true), type);
  }

  /** The appointment properties the store promotes to columns. */
  private record Times(PropTag start, PropTag end, PropTag recurring, PropTag clipEnd) {}

  /** An item row as release 10 wrote it: its times in its bag and promoted to START_TIME, END_TIME and RECUR_END. */
  private static MessageId insert(Database database, PropertyBagCodec codec, FolderId folder, long counter, Times tags,
      Instant start, Instant end, Instant seriesEnd) throws Exception {
    MessageId id = MessageId.of(1, counter);
    try (Connection connection = database.connection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO MESSAGES (ACCOUNT_ID, MESSAGE_ID, FOLDER_ID, CREATOR_ID, MESSAGE_CLASS, CHANGE_NUMBER, READ_CN,"
                + " IS_READ, START_TIME, END_TIME, RECUR_END, LAST_MODIFIED, PROPS, ASSOCIATED)"
                + " VALUES (?, ?, ?, ?, 'IPM.Appointment', ?, ?, 0, ?, ?, ?, ?, ?, 0)")) {
      insert.setLong(1, OWNER);
      insert.setLong(2, id.toLong());
      insert.setLong(3, folder.toLong());
      insert.setLong(4, OWNER);
      insert.setLong(5, counter + 1);
      insert.setLong(6, counter + 1);
      setTime(insert, 7, start);
      setTime(insert, 8, end);
      setTime(insert, 9, seriesEnd);
      insert.setLong(10, System.currentTimeMillis());
      List<PropValue> bag = new ArrayList<>(List.of(PropValue.ofString(SUBJECT, "item " + counter)));
      bag.add(PropValue.ofLong(Tags.MID, id.toLong()));
      bag.add(PropValue.ofLong(Tags.CHANGE_NUMBER, counter + 1));
      if (start != null) {
        bag.add(PropValue.ofTime(tags.start(), start));
        bag.add(PropValue.ofTime(tags.end(), end));
      }
      if (seriesEnd != null) {
        bag.add(PropValue.ofBoolean(tags.recurring(), true));
        bag.add(PropValue.ofTime(tags.clipEnd(), seriesEnd));
      }
      insert.setBytes(11, codec.encode(bag));
      insert.executeUpdate();
      connection.commit();
    }
    return id;
  }

  private static void setTime(PreparedStatement statement, int index, Instant time) throws Exception {
    if (time == null) {
      statement.setNull(index, java.sql.Types.BIGINT);
    } else {
      statement.setLong(index, time.toEpochMilli());
    }
  }

  /** Derby's runtime statistics of running {@code sql}: the index and the positions its scan used. */
  private static String plan(Database database, String sql) throws Exception {
    try (Connection connection = database.connection()) {
      try (PreparedStatement on = connection.prepareStatement("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)")) {
        on.execute();
      }
      try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          // drain: the statistics describe the finished scan
        }
      }
      String plan;
      try (PreparedStatement statistics = connection.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()");
          ResultSet row = statistics.executeQuery()) {
        row.next();
        plan = row.getString(1);
      }
      try (PreparedStatement off = connection.prepareStatement("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)")) {
        off.execute();
      }
      connection.commit();
      return plan;
    }
  }
}
