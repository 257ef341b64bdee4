package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.QueryPage;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
import io.convene.api.store.query.BitmaskRelop;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link DerbyMailbox#query} leaves to SQL gives the pages of the in-memory query, and decodes less. */
class QueryPagesTest {

  private static final long OWNER = 1;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag NUMBER = PropTag.of(0x6001, PropType.PT_LONG);

  private static final PropTag DELIVERY_TIME = PropTag.of(0x0E06, PropType.PT_SYSTIME);
  private static final PropTag LAST_MODIFIED = PropTag.of(0x3008, PropType.PT_SYSTIME);
  private static final List<String> CLASSES = List.of("IPM.Note", "IPM.Appointment", "IPM.Note.Receipt");

  private static final List<Relop> RELOPS = List.of(Relop.LT, Relop.LE, Relop.GT, Relop.GE, Relop.EQ, Relop.NE);

  @TempDir Path data;
  private Database database;
  private DerbyMailbox mailbox;
  private FolderId inbox;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    DerbyStore store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
    store.provision(OWNER);
    mailbox = (DerbyMailbox) store.mailbox(OWNER, Caller.account(OWNER));
    inbox = mailbox.folder(SpecialFolder.INBOX).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void sqlPagesEqualInMemoryPagesForRandomViews() throws StoreException {
    long seed = Long.getLong("query.pages.seed", new Random().nextLong());
    System.out.println("QueryPagesTest seed " + seed);
    Random random = new Random(seed);
    FolderId archive = mailbox.createFolder(mailbox.folder(SpecialFolder.IPM_SUBTREE).id(), "Archive", "IPF.Note").id();
    List<List<PropValue>> items = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      List<PropValue> item = new ArrayList<>(List.of(PropValue.ofString(SUBJECT, "s" + random.nextInt(20)),
          PropValue.ofInt(NUMBER, random.nextInt(5)), PropValue.ofString(Tags.MESSAGE_CLASS, CLASSES.get(random.nextInt(3)))));
      if (random.nextInt(4) != 0) { // some items have no delivery time: missing values sort apart
        item.add(PropValue.ofTime(DELIVERY_TIME, Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50))));
      }
      items.add(item);
    }
    List<MessageId> ids = mailbox.createItems(inbox, items).stream().map(SavedItem::id).toList();
    // deleted and moved items must be missing from both
    mailbox.delete(inbox, List.of(ids.get(3), ids.get(40)), false);
    mailbox.delete(inbox, List.of(ids.get(7)), true);
    mailbox.move(inbox, List.of(ids.get(11), ids.get(90)), archive);
    mailbox.setRead(inbox, ids.stream().filter(id -> random.nextBoolean()).filter(id -> !gone(ids, id)).toList(), true);
    List<SortOrderSet> sorts = List.of(SortOrderSet.NONE, SortOrderSet.of(SortOrder.ascending(Tags.MID)),
        SortOrderSet.of(SortOrder.descending(Tags.MID)),
        SortOrderSet.of(SortOrder.descending(Tags.MID), SortOrder.ascending(SUBJECT)),
        SortOrderSet.of(SortOrder.ascending(SUBJECT)), SortOrderSet.of(SortOrder.descending(NUMBER), SortOrder.ascending(Tags.MID)),
        SortOrderSet.of(SortOrder.descending(DELIVERY_TIME)), SortOrderSet.of(SortOrder.ascending(DELIVERY_TIME)),
        SortOrderSet.of(SortOrder.descending(LAST_MODIFIED)),
        SortOrderSet.of(SortOrder.ascending(SUBJECT.withType(PropType.PT_STRING8)), SortOrder.descending(DELIVERY_TIME)));
    for (int round = 0; round < 60; round++) {
      SortOrderSet sort = sorts.get(random.nextInt(sorts.size()));
      Restriction number = new Restriction.Property(RELOPS.get(random.nextInt(RELOPS.size())), NUMBER,
          PropValue.ofInt(NUMBER, random.nextInt(5)));
      Restriction readState = new Restriction.Bitmask(random.nextBoolean() ? BitmaskRelop.EQZ : BitmaskRelop.NEZ,
          Tags.MESSAGE_FLAGS, random.nextInt(3) == 0 ? 0x3 : Tags.MSGFLAG_READ);
      Restriction messageClass = new Restriction.Property(Relop.EQ, Tags.MESSAGE_CLASS,
          PropValue.ofString(Tags.MESSAGE_CLASS, CLASSES.get(random.nextInt(3))));
      Restriction delivered = new Restriction.Property(RELOPS.get(random.nextInt(RELOPS.size())), DELIVERY_TIME,
          PropValue.ofTime(DELIVERY_TIME, Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50))));
      Restriction restriction = switch (random.nextInt(10)) {
        case 0 -> number;
        case 1 -> readState;
        case 2 -> new Restriction.And(List.of(readState, number));
        case 3 -> new Restriction.And(List.of(number, readState));
        case 4 -> messageClass;
        case 5 -> new Restriction.Or(List.of(messageClass, new Restriction.Not(Restriction.exist(DELIVERY_TIME))));
        case 6 -> new Restriction.And(List.of(delivered, new Restriction.Count(1 + random.nextInt(30), number)));
        default -> null;
      };
      int offset = random.nextInt(130);
      int limit = 1 + random.nextInt(60);
      QueryPage sql = mailbox.query(inbox, restriction, sort, offset, limit);
      QueryPage memory = mailbox.queryInMemory(inbox, restriction, sort, offset, limit);
      String view = "seed " + seed + ", " + sort + ", " + restriction + ", offset " + offset + ", limit " + limit;
      assertThat(sql.totalMatches()).as(view).isEqualTo(memory.totalMatches());
      assertThat(sql.rows()).as(view).usingElementComparator(SAME_ITEM).isEqualTo(memory.rows());
    }
  }

  @Test
  void anIdOrderedPageDecodesOnlyItsOwnRows() throws Exception {
    List<List<PropValue>> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(List.of(PropValue.ofString(SUBJECT, "s" + i)));
    }
    List<Long> ids = mailbox.createItems(inbox, items).stream().map(saved -> saved.id().toLong()).sorted().toList();
    // the first item in id order gets a bag no decoder accepts: a page that skips it must not read it
    corrupt(ids.get(0));

    QueryPage page = mailbox.query(inbox, null, SortOrderSet.NONE, 1, 5);

    assertThat(page.rows()).extracting(item -> item.id().toLong()).containsExactlyElementsOf(ids.subList(1, 6));
    assertThat(page.totalMatches()).isEqualTo(10);
    assertThatThrownBy(() -> mailbox.queryInMemory(inbox, null, SortOrderSet.NONE, 1, 5)).as("the scan decodes it")
        .isInstanceOf(StoreException.class);
  }

  @Test
  void anUnreadViewDecodesNoReadItem() throws Exception {
    List<MessageId> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, "s" + i))).id());
    }
    mailbox.setRead(inbox, ids.subList(0, 3), true);
    corrupt(ids.get(0).toLong());
    Restriction unread = new Restriction.And(List.of(
        new Restriction.Bitmask(BitmaskRelop.EQZ, Tags.MESSAGE_FLAGS, Tags.MSGFLAG_READ), Restriction.exist(SUBJECT)));

    QueryPage page = mailbox.query(inbox, unread, SortOrderSet.of(SortOrder.ascending(SUBJECT)), 0, 10);

    assertThat(page.rows()).extracting(StoredItem::id).containsExactlyElementsOf(ids.subList(3, 6));
    assertThat(page.totalMatches()).isEqualTo(3);
    assertThatThrownBy(() -> mailbox.queryInMemory(inbox, unread, SortOrderSet.NONE, 0, 10)).as("the scan decodes it")
        .isInstanceOf(StoreException.class);
  }

  @Test
  void aSortedViewDecodesOnlyTheValuesItReadsAndItsPageWhole() throws Exception {
    List<List<PropValue>> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(List.of(PropValue.ofString(SUBJECT, i == 0 ? "zz" : "s" + i), PropValue.ofInt(NUMBER, i)));
    }
    List<MessageId> ids = mailbox.createItems(inbox, items).stream().map(SavedItem::id).toList();
    // the subject of the item with the lowest number becomes invalid UTF-8: a view that neither
    // sorts nor filters on the subject, and whose page leaves the item out, must not decode it
    CorruptBags.corruptString(database, ids.get(0).toLong(), "zz");
    SortOrderSet byNumber = SortOrderSet.of(SortOrder.descending(NUMBER));

    QueryPage page = mailbox.query(inbox, null, byNumber, 0, 5);

    assertThat(page.rows()).extracting(StoredItem::id).containsExactlyElementsOf(List.of(ids.get(9), ids.get(8),
        ids.get(7), ids.get(6), ids.get(5)));
    assertThat(page.rows().get(0).properties()).containsEntry(SUBJECT, PropValue.ofString(SUBJECT, "s9"))
        .containsKey(Tags.CHANGE_KEY);
    assertThat(page.totalMatches()).isEqualTo(10);
    assertThatThrownBy(() -> mailbox.queryInMemory(inbox, null, byNumber, 0, 5)).as("the whole decode reads it")
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> mailbox.query(inbox, null, SortOrderSet.of(SortOrder.ascending(SUBJECT)), 0, 5))
        .as("a view on the subject reads it").isInstanceOf(StoreException.class);
  }

  private static boolean gone(List<MessageId> ids, MessageId id) {
    return List.of(ids.get(3), ids.get(40), ids.get(7), ids.get(11), ids.get(90)).contains(id);
  }

  /** Gives an item a bag no decoder accepts. */
  private void corrupt(long id) throws Exception {
    try (Connection connection = database.connection();
        PreparedStatement update = connection.prepareStatement("UPDATE MESSAGES SET PROPS = ? WHERE MESSAGE_ID = ?")) {
      update.setBytes(1, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
      update.setLong(2, id);
      update.executeUpdate();
      connection.commit();
    }
  }

  private static final Comparator<StoredItem> SAME_ITEM = (a, b) ->
      a.id().equals(b.id()) && a.changeNumber().equals(b.changeNumber()) && a.read() == b.read()
          && a.properties().equals(b.properties()) ? 0 : 1;
}
