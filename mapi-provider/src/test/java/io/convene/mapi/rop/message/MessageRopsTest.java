package io.convene.mapi.rop.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyName;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.PropertyTagArray;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.message.MessageRops.OpenMessageRequest;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.property.PropertyRequests.GetPropertyIdsFromNamesRequest;
import io.convene.mapi.rop.store.StoreErrors;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenMessage, GetValidAttachments, the property reads on a message and the named property ROPs, on Derby. */
class MessageRopsTest {

  static final long ALICE = 1;
  static final PropTag SUBJECT_PREFIX = PropTag.of(0x003D, PropType.PT_UNICODE);
  static final PropTag NORMALIZED_SUBJECT = PropTag.of(0x0E1D, PropType.PT_UNICODE);
  static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);

  @TempDir static Path directory;
  static TestStore store;
  static FolderInfo inbox;
  static SavedItem message;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE);
    Mailbox mailbox = store.store().mailbox(ALICE, io.convene.api.store.Caller.account(ALICE));
    inbox = mailbox.folder(SpecialFolder.INBOX);
    message = mailbox.createItem(inbox.id(), List.of(
        PropValue.ofString(SUBJECT_PREFIX, "RE: "),
        PropValue.ofString(NORMALIZED_SUBJECT, "Budget"),
        PropValue.ofInt(IMPORTANCE, 2)));
    mailbox.addAttachment(message.id(), List.of(), new ByteArrayInputStream(new byte[] {1, 2, 3}));
    mailbox.addAttachment(message.id(), List.of(), new ByteArrayInputStream(new byte[] {4}));
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  static byte[] openMessage(int output, long folderId, long messageId) {
    LittleEndianWriter out = new LittleEndianWriter();
    new OpenMessageRequest(new RopHeader(0x03, 0, 0), output, 0x0FFF, folderId, 0, messageId).write(out);
    return out.toByteArray();
  }

  @Test
  void openMessageAnswersSubjectPartsAndRecipientCount() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(
        openMessage(1, inbox.id().toLong(), message.id().toLong()),
        TestSession.request(0x52, 1).toByteArray());
    assertThat(in.u8("RopId")).isEqualTo(0x03);
    assertThat(in.u8("OutputHandleIndex")).isEqualTo(1);
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.u8("HasNamedProperties")).isZero();
    assertThat(in.u8("StringType")).isEqualTo(0x04);
    assertThat(io.convene.mapi.rop.data.PropertyValueCodec.read(in, 0x001F, PropertyLimits.ROP)).isEqualTo("RE: ");
    assertThat(in.u8("StringType")).isEqualTo(0x04);
    assertThat(io.convene.mapi.rop.data.PropertyValueCodec.read(in, 0x001F, PropertyLimits.ROP)).isEqualTo("Budget");
    assertThat(in.u16("RecipientCount")).isZero();
    assertThat(in.u16("ColumnCount")).isZero();
    assertThat(in.u8("RowCount")).isZero();

    assertThat(in.u8("RopId")).isEqualTo(0x52);
    in.skip(1, "index");
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.u16("AttachmentIdCount")).isEqualTo(2);
    List<Long> numbers = List.of(in.u32("id"), in.u32("id"));
    assertThat(numbers).doesNotHaveDuplicates();
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void openMessageInAnotherFolderIsNotFound() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    long calendar = session.logon().mailbox().folder(SpecialFolder.CALENDAR).id().toLong();
    LittleEndianReader in = session.run(openMessage(1, calendar, message.id().toLong()));
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.NOT_FOUND);
  }

  @Test
  void propertyReadsOnAMessage() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    int[] tags = {NORMALIZED_SUBJECT.tag(), IMPORTANCE.tag(), 0x0E1D0000 /* unspecified */, 0x0E1D001E, 0x10000003};
    LittleEndianWriter specific = TestSession.request(0x07, 1).u16(0).u16(0).u16(tags.length);
    PropertyTagArray.writeTags(specific, tags);
    LittleEndianWriter limited = TestSession.request(0x07, 1).u16(4).u16(1).u16(1).u32(NORMALIZED_SUBJECT.tag());
    LittleEndianReader in = session.run(openMessage(1, inbox.id().toLong(), message.id().toLong()),
        specific.toByteArray(), limited.toByteArray(),
        TestSession.request(0x08, 1).u16(0).u16(1).toByteArray(),
        TestSession.request(0x09, 1).toByteArray());
    skipOpen(in);

    in.skip(6, "GetPropertiesSpecific header");
    List<PropertyRow.Cell> row = PropertyRow.read(in, tags, PropertyLimits.ROP);
    assertThat(row).containsExactly(
        new PropertyRow.Value(0x001F, "Budget"),
        new PropertyRow.Value(0x0003, 2),
        new PropertyRow.Value(0x001E, "Budget"), // PtypUnspecified without WantUnicode: 8-bit
        new PropertyRow.Value(0x001E, "Budget"),
        new PropertyRow.Error(0x8004010F));

    in.skip(6, "GetPropertiesSpecific header");
    assertThat(PropertyRow.read(in, new int[] {NORMALIZED_SUBJECT.tag()}, PropertyLimits.ROP))
        .containsExactly(new PropertyRow.Error(0x8007000E));

    in.skip(6, "GetPropertiesAll header");
    int count = in.u16("PropertyValueCount");
    List<TaggedPropertyValue> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(TaggedPropertyValue.read(in, PropertyLimits.ROP));
    }
    assertThat(all).contains(new TaggedPropertyValue(NORMALIZED_SUBJECT.tag(), "Budget"),
        new TaggedPropertyValue(IMPORTANCE.tag(), 2));

    in.skip(6, "GetPropertiesList header");
    int[] listed = PropertyTagArray.read(in, PropertyLimits.ROP);
    assertThat(listed).contains(NORMALIZED_SUBJECT.tag(), IMPORTANCE.tag()).hasSize(count);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void namedPropertiesMapBothWays() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    List<PropertyName> names = List.of(
        PropertyName.of(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D)),
        PropertyName.of(NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "Keywords")),
        new PropertyName(PropertyName.KIND_LID, NamedProperty.PS_MAPI, 0x0037, null));
    LittleEndianWriter lookup = new LittleEndianWriter();
    new GetPropertyIdsFromNamesRequest(new RopHeader(0x56, 0, 0), 0, names).write(lookup);
    LittleEndianWriter create = new LittleEndianWriter();
    new GetPropertyIdsFromNamesRequest(new RopHeader(0x56, 0, 0), 0x02, names).write(create);
    LittleEndianReader in = session.run(lookup.toByteArray(), create.toByteArray());

    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(0x00040380); // unmapped names without create
    assertThat(in.u16("count")).isEqualTo(3);
    assertThat(new int[] {in.u16("id"), in.u16("id"), in.u16("id")}).containsExactly(0, 0, 0x0037);
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.u16("count")).isEqualTo(3);
    int appointment = in.u16("id");
    int keywords = in.u16("id");
    assertThat(in.u16("id")).isEqualTo(0x0037);
    assertThat(appointment).isBetween(0x8000, 0xFFFE);
    assertThat(keywords).isBetween(0x8000, 0xFFFE).isNotEqualTo(appointment);

    LittleEndianWriter back = TestSession.request(0x55, 0).u16(4).u16(appointment).u16(keywords).u16(0x0037).u16(0xFFFE);
    in = session.run(back.toByteArray());
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.u16("PropertyNameCount")).isEqualTo(4);
    assertThat(List.of(PropertyName.read(in), PropertyName.read(in), PropertyName.read(in), PropertyName.read(in)))
        .containsExactly(names.get(0), names.get(1), names.get(2), PropertyName.NONE);
  }

  @Test
  void writesOnAMessageOpenedReadOnlyAreDenied() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianWriter set = TestSession.request(0x0A, 1);
    LittleEndianWriter body = new LittleEndianWriter().u16(1);
    new TaggedPropertyValue(IMPORTANCE.tag(), 1).write(body);
    set.u16(body.size()).bytes(body.toByteArray());
    LittleEndianReader in = session.run(openMessage(1, inbox.id().toLong(), message.id().toLong()), set.toByteArray(),
        TestSession.request(0x0B, 1).u16(1).u32(IMPORTANCE.tag()).toByteArray());
    skipOpen(in);
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.ACCESS_DENIED);
    in.skip(2, "RopId, index");
    assertThat((int) in.u32("ReturnValue")).isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(session.logon().mailbox().item(message.id()).property(IMPORTANCE).orElseThrow().asInt()).isEqualTo(2);
  }

  @Test
  void entryIdsAndKeysOfAMessage() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    int[] tags = {MessageKeys.ENTRY_ID, MessageKeys.RECORD_KEY, MessageKeys.PARENT_ENTRY_ID, 0x65E00102 /* source key */,
        0x65E10102 /* parent source key */, 0x674A0014 /* PidTagMid */, 0x67480014 /* PidTagFolderId */};
    LittleEndianWriter specific = TestSession.request(0x07, 1).u16(0).u16(1).u16(tags.length);
    PropertyTagArray.writeTags(specific, tags);
    LittleEndianReader in = session.run(openMessage(1, inbox.id().toLong(), message.id().toLong()), specific.toByteArray());
    skipOpen(in);
    in.skip(6, "GetPropertiesSpecific header");
    List<PropertyRow.Cell> row = PropertyRow.read(in, tags, PropertyLimits.ROP);
    java.util.UUID replica = session.logon().replicaGuid();
    byte[] entryId = (byte[]) ((PropertyRow.Value) row.get(0)).value();
    assertThat(io.convene.api.store.MessageEntryId.parse(entryId)).isEqualTo(new io.convene.api.store.MessageEntryId(
        replica, 0x0007, replica, inbox.id().counter(), replica, message.id().counter()));
    assertThat(bytes(row.get(1))).isEqualTo(entryId);
    assertThat(bytes(row.get(2))).isEqualTo(io.convene.mapi.rop.objects.FolderEntryIds.of(session.logon(), inbox.id()));
    assertThat(bytes(row.get(3))).isEqualTo(io.convene.mapi.rop.objects.FolderEntryIds.sourceKey(replica, message.id().counter()));
    assertThat(bytes(row.get(4))).isEqualTo(io.convene.mapi.rop.objects.FolderEntryIds.sourceKey(replica, inbox.id().counter()));
    assertThat(row.get(5)).isEqualTo(new PropertyRow.Value(0x0014, message.id().toLong()));
    assertThat(row.get(6)).isEqualTo(new PropertyRow.Value(0x0014, inbox.id().toLong()));
  }

  static byte[] bytes(PropertyRow.Cell cell) {
    assertThat(cell).isInstanceOf(PropertyRow.Value.class);
    return (byte[]) ((PropertyRow.Value) cell).value();
  }

  static void skipOpen(LittleEndianReader in) throws Exception {
    in.skip(7, "OpenMessage header, HasNamedProperties");
    for (int i = 0; i < 2; i++) {
      if (in.u8("StringType") == 0x04) {
        io.convene.mapi.rop.data.PropertyValueCodec.read(in, 0x001F, PropertyLimits.ROP);
      }
    }
    in.skip(5, "RecipientCount, ColumnCount, RowCount");
  }
}
