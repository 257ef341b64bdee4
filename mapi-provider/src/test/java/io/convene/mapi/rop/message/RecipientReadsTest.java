package io.convene.mapi.rop.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.PropertyValueCodec;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.store.StoreErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RopOpenMessage's recipient rows and RopReadRecipients through the ROP engine, on Derby. */
class RecipientReadsTest {

  static final long ALICE = 1;
  static final PropTag RECIPIENT_TYPE = PropTag.of(0x0C15, PropType.PT_LONG);
  static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  static final PropTag ADDRESS_TYPE = PropTag.of(0x3002, PropType.PT_UNICODE);
  static final PropTag EMAIL_ADDRESS = PropTag.of(0x3003, PropType.PT_UNICODE);
  static final PropTag SMTP_ADDRESS = PropTag.of(0x39FE, PropType.PT_UNICODE);
  static final PropTag ENTRY_ID = PropTag.of(0x0FFF, PropType.PT_BINARY);
  static final int TO = 1;
  static final int CC = 2;
  static final int BCC = 3;
  static final String BOB_DN = "/o=Convene/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=bob";

  @TempDir static Path directory;
  static TestStore store;
  static FolderInfo inbox;
  static SavedItem meeting;
  static SavedItem crowded;
  static SavedItem lonely;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE);
    Mailbox mailbox = store.store().mailbox(ALICE, Caller.account(ALICE));
    inbox = mailbox.folder(SpecialFolder.INBOX);
    meeting = mailbox.createItem(inbox.id(), List.of(PropValue.ofString(MessageRops.NORMALIZED_SUBJECT, "Planning")));
    mailbox.setRecipients(meeting.id(), List.of(
        List.of(PropValue.ofInt(RECIPIENT_TYPE, TO), PropValue.ofString(DISPLAY_NAME, "Bob Example"),
            PropValue.ofString(ADDRESS_TYPE, "EX"), PropValue.ofString(EMAIL_ADDRESS, BOB_DN),
            PropValue.ofString(SMTP_ADDRESS, "bob@example.test"), PropValue.ofBytes(ENTRY_ID, new byte[] {0, 0, 0, 0, 7})),
        List.of(PropValue.ofInt(RECIPIENT_TYPE, CC), PropValue.ofString(DISPLAY_NAME, "Carol"),
            PropValue.ofString(ADDRESS_TYPE, "SMTP"), PropValue.ofString(EMAIL_ADDRESS, "carol@elsewhere.test")),
        List.of(PropValue.ofInt(RECIPIENT_TYPE, BCC), PropValue.ofString(DISPLAY_NAME, "Dave"),
            PropValue.ofString(ADDRESS_TYPE, "SMTP"), PropValue.ofString(SMTP_ADDRESS, "dave@elsewhere.test"))));
    crowded = mailbox.createItem(inbox.id(), List.of(PropValue.ofString(MessageRops.NORMALIZED_SUBJECT, "All hands")));
    List<List<PropValue>> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(List.of(PropValue.ofInt(RECIPIENT_TYPE, TO), PropValue.ofString(DISPLAY_NAME, longName(i)),
          PropValue.ofString(ADDRESS_TYPE, "SMTP"), PropValue.ofString(EMAIL_ADDRESS, "user" + i + "@example.test")));
    }
    mailbox.setRecipients(crowded.id(), many);
    lonely = mailbox.createItem(inbox.id(), List.of(PropValue.ofString(MessageRops.NORMALIZED_SUBJECT, "Note to self")));
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  static String longName(int i) {
    return "Participant number " + i + " of the quarterly all-hands meeting";
  }

  /** A decoded OpenRecipientRow or ReadRecipientRow. */
  record Row(long rowId, int recipientType, RecipientRow row) {}

  record Opened(int recipientCount, int[] columns, List<Row> rows) {}

  static Opened readOpen(LittleEndianReader in) throws Exception {
    assertThat(in.u8("RopId")).isEqualTo(MessageRops.OPEN_MESSAGE);
    in.skip(1, "OutputHandleIndex");
    assertThat(in.u32("ReturnValue")).isZero();
    in.skip(1, "HasNamedProperties");
    for (int i = 0; i < 2; i++) {
      if (in.u8("StringType") == 0x04) {
        PropertyValueCodec.read(in, 0x001F, PropertyLimits.ROP);
      }
    }
    int count = in.u16("RecipientCount");
    int[] columns = new int[in.u16("ColumnCount")];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = (int) in.u32("RecipientColumns");
    }
    int rowCount = in.u8("RowCount");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < rowCount; i++) {
      rows.add(readRow(in, -1, columns));
    }
    return new Opened(count, columns, rows);
  }

  static List<Row> readRecipients(LittleEndianReader in, int[] columns) throws Exception {
    assertThat(in.u8("RopId")).isEqualTo(ReadRecipients.ROP_ID);
    in.skip(1, "InputHandleIndex");
    assertThat(in.u32("ReturnValue")).isZero();
    int rowCount = in.u8("RowCount");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < rowCount; i++) {
      rows.add(readRow(in, in.u32("RowId"), columns));
    }
    return rows;
  }

  private static Row readRow(LittleEndianReader in, long rowId, int[] columns) throws Exception {
    int type = in.u8("RecipientType");
    assertThat(in.u16("CodePageId")).isEqualTo(RecipientRows.CODE_PAGE);
    assertThat(in.u16("Reserved")).isZero();
    int size = in.u16("RecipientRowSize");
    int start = in.position();
    RecipientRow row = RecipientRow.read(in, columns, PropertyLimits.ROP);
    assertThat(in.position() - start).isEqualTo(size);
    return new Row(rowId, type, row);
  }

  static byte[] open(SavedItem item) {
    LittleEndianWriter out = new LittleEndianWriter();
    new MessageRops.OpenMessageRequest(new RopHeader(0x03, 0, 0), 1, 0x0FFF, inbox.id().toLong(), 0, item.id().toLong())
        .write(out);
    return out.toByteArray();
  }

  static byte[] read(long rowId) {
    LittleEndianWriter out = new LittleEndianWriter();
    new ReadRecipients.Request(new RopHeader(ReadRecipients.ROP_ID, 0, 1), rowId, 0).write(out);
    return out.toByteArray();
  }

  @Test
  void openMessageAnswersToCcAndBccRows() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    Opened opened = readOpen(session.run(open(meeting)));
    assertThat(opened.recipientCount()).isEqualTo(3);
    assertThat(opened.columns()).containsExactly(ENTRY_ID.tag(), SMTP_ADDRESS.tag());
    assertThat(opened.rows()).extracting(Row::recipientType).containsExactly(TO, CC, BCC);

    RecipientRow bob = opened.rows().get(0).row();
    assertThat(bob.type()).isEqualTo(RecipientRow.X500DN);
    assertThat(bob.x500dn()).isEqualTo(BOB_DN);
    assertThat(bob.displayName()).isEqualTo("Bob Example");
    assertThat(bob.properties().get(0)).isInstanceOfSatisfying(PropertyRow.Value.class,
        v -> assertThat((byte[]) v.value()).containsExactly(0, 0, 0, 0, 7));
    assertThat(bob.properties().get(1)).isEqualTo(new PropertyRow.Value(0x001F, "bob@example.test"));

    RecipientRow carol = opened.rows().get(1).row();
    assertThat(carol.type()).isEqualTo(RecipientRow.SMTP);
    assertThat(carol.emailAddress()).isEqualTo("carol@elsewhere.test");
    assertThat(carol.displayName()).isEqualTo("Carol");

    RecipientRow dave = opened.rows().get(2).row();
    assertThat(dave.type()).isEqualTo(RecipientRow.SMTP);
    assertThat(dave.emailAddress()).isEqualTo("dave@elsewhere.test"); // from PidTagSmtpAddress
  }

  @Test
  void readRecipientsFromARowIdReturnsTheRest() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(meeting), read(1), read(0));
    Opened opened = readOpen(in);
    List<Row> rest = readRecipients(in, opened.columns());
    assertThat(rest).extracting(Row::rowId).containsExactly(1L, 2L);
    assertThat(rest).extracting(Row::recipientType).containsExactly(CC, BCC);
    assertThat(rest).extracting(r -> r.row().displayName()).containsExactly("Carol", "Dave");
    List<Row> all = readRecipients(in, opened.columns());
    assertThat(all).extracting(r -> r.row().displayName()).containsExactly("Bob Example", "Carol", "Dave");
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void rowsBeyondTheBufferAreReadWithReadRecipients() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    Opened opened = readOpen(session.run(open(crowded)));
    assertThat(opened.recipientCount()).isEqualTo(300);
    assertThat(opened.rows().size()).isBetween(1, 254); // the 32 KiB test buffer holds fewer than all
    List<String> names = new ArrayList<>();
    opened.rows().forEach(r -> names.add(r.row().displayName()));
    while (names.size() < 300) {
      List<Row> next = readRecipients(session.run(read(names.size())), opened.columns());
      assertThat(next).isNotEmpty();
      assertThat(next.get(0).rowId()).isEqualTo(names.size());
      next.forEach(r -> names.add(r.row().displayName()));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      expected.add(longName(i));
    }
    assertThat(names).isEqualTo(expected);
  }

  @Test
  void readRecipientsPastTheLastRowIsNotFound() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(meeting), read(3));
    readOpen(in);
    in.skip(2, "RopId, InputHandleIndex");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.NOT_FOUND);
  }

  @Test
  void aMessageWithoutRecipientsHasNoRowsAndReadRecipientsIsNotFound() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(lonely), read(0));
    Opened opened = readOpen(in);
    assertThat(opened.recipientCount()).isZero();
    assertThat(opened.columns()).isEmpty();
    assertThat(opened.rows()).isEmpty();
    in.skip(2, "RopId, InputHandleIndex");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.NOT_FOUND);
  }

  @Test
  void readRecipientsOnAFolderIsNullObject() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianWriter openFolder = TestSession.request(0x02, 0).u8(1);
    TestSession.u64(openFolder, inbox.id().toLong());
    openFolder.u8(0);
    LittleEndianReader in = session.run(openFolder.toByteArray(), read(0));
    in.skip(2, "RopId, OutputHandleIndex");
    assertThat(in.u32("ReturnValue")).isZero();
    in.skip(2, "HasRules, IsGhosted");
    assertThat(in.u8("RopId")).isEqualTo(ReadRecipients.ROP_ID);
    in.skip(1, "InputHandleIndex");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(ErrorCodes.NULL_OBJECT);
  }
}
