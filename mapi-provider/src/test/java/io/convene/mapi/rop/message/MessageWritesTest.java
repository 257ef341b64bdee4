package io.convene.mapi.rop.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoredItem;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyProblem;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.message.MessageRops.OpenMessageRequest;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.property.PropertyRequests.SetPropertiesRequest;
import io.convene.mapi.rop.store.StoreErrors;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message write path on Derby: SetProperties / DeleteProperties buffered on the open message,
 * RopSaveChangesMessage committing them (SaveFlags, ecObjectModified, ForceSave), read-only opens,
 * computed properties, the rights check of OpenMessage and the snapshot an open message reads.
 */
class MessageWritesTest {

  static final long ALICE = 51;
  static final long BOB = 52;
  static final String ALICE_DN = "/o=Convene/cn=alice";
  static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  static final PropTag IMPORTANCE = PropTag.of(0x0017, PropType.PT_LONG);
  static final PropTag CATEGORIES_LIKE = PropTag.of(0x1000, PropType.PT_UNICODE); // PidTagBody
  static final int MID = 0x674A0014;
  static final int LAST_MODIFICATION_TIME = 0x30080040;

  @TempDir static Path directory;
  static TestStore store;
  static Mailbox alice;
  static FolderInfo inbox;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE, BOB);
    alice = store.store().mailbox(ALICE, Caller.account(ALICE));
    inbox = alice.folder(SpecialFolder.INBOX);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  static MessageId newMessage() throws Exception {
    SavedItem saved = alice.createItem(inbox.id(), List.of(
        PropValue.ofString(SUBJECT, "Budget"), PropValue.ofInt(IMPORTANCE, 1),
        PropValue.ofString(CATEGORIES_LIKE, "text")));
    return saved.id();
  }

  static byte[] open(int output, MessageId id, int mode) {
    LittleEndianWriter out = new LittleEndianWriter();
    new OpenMessageRequest(new RopHeader(0x03, 0, 0), output, 0x0FFF, inbox.id().toLong(), mode, id.toLong())
        .write(out);
    return out.toByteArray();
  }

  static byte[] set(int input, TaggedPropertyValue... values) {
    LittleEndianWriter out = new LittleEndianWriter();
    new SetPropertiesRequest(new RopHeader(0x0A, 0, input), List.of(values)).write(out);
    return out.toByteArray();
  }

  static byte[] delete(int input, int... tags) {
    LittleEndianWriter out = TestSession.request(0x0B, input).u16(tags.length);
    for (int tag : tags) {
      out.u32(tag & 0xffffffffL);
    }
    return out.toByteArray();
  }

  static byte[] save(int input, int flags) {
    LittleEndianWriter out = new LittleEndianWriter();
    new SaveChangesMessage.Request(new RopHeader(0x0C, 0, input), 0, flags).write(out);
    return out.toByteArray();
  }

  static byte[] get(int input, int... tags) {
    LittleEndianWriter out = TestSession.request(0x07, input).u16(0).u16(1).u16(tags.length);
    for (int tag : tags) {
      out.u32(tag & 0xffffffffL);
    }
    return out.toByteArray();
  }

  static void skipOpen(LittleEndianReader in) throws Exception {
    assertThat(in.u8("RopId")).isEqualTo(0x03);
    in.u8("OutputHandleIndex");
    assertThat(in.u32("ReturnValue")).isZero();
    in.u8("HasNamedProperties");
    for (int i = 0; i < 2; i++) {
      if (in.u8("StringType") == 0x04) {
        io.convene.mapi.rop.data.PropertyValueCodec.read(in, 0x001F, PropertyLimits.ROP);
      }
    }
    in.skip(5, "RecipientCount, ColumnCount, RowCount");
  }

  static List<PropertyProblem> problems(LittleEndianReader in) throws Exception {
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    return PropertyProblem.readArray(in);
  }

  static int error(LittleEndianReader in) throws Exception {
    in.skip(2, "RopId, index");
    return (int) in.u32("ReturnValue");
  }

  static List<PropertyRow.Cell> row(LittleEndianReader in, int... tags) throws Exception {
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    return PropertyRow.read(in, tags, PropertyLimits.ROP);
  }

  static MessageId saved(LittleEndianReader in, int input) throws Exception {
    assertThat(in.u8("RopId")).isEqualTo(0x0C);
    assertThat(in.u8("ResponseHandleIndex")).isZero();
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(in.u8("InputHandleIndex")).isEqualTo(input);
    return MessageId.fromLong(in.u32("MessageId") | in.u32("MessageId") << 32);
  }

  @Test
  void setAndDeleteAreBufferedUntilSaveChangesMessage() throws Exception {
    MessageId id = newMessage();
    StoredItem before = alice.item(id);
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(1, id, MessageObjectModes.READ_WRITE),
        set(1, new TaggedPropertyValue(SUBJECT.tag(), "Budget 2027"), new TaggedPropertyValue(IMPORTANCE.tag(), 2)),
        delete(1, CATEGORIES_LIKE.tag()),
        get(1, SUBJECT.tag(), IMPORTANCE.tag(), CATEGORIES_LIKE.tag()));
    skipOpen(in);
    assertThat(problems(in)).isEmpty();
    assertThat(problems(in)).isEmpty();
    assertThat(row(in, SUBJECT.tag(), IMPORTANCE.tag(), CATEGORIES_LIKE.tag())).containsExactly(
        new PropertyRow.Value(0x001F, "Budget 2027"), new PropertyRow.Value(0x0003, 2),
        new PropertyRow.Error(StoreErrors.NOT_FOUND));
    // the store has not seen any of it yet
    assertThat(alice.item(id).changeNumber()).isEqualTo(before.changeNumber());
    assertThat(alice.item(id).property(SUBJECT).orElseThrow().asString()).isEqualTo("Budget");

    in = session.run(save(1, SaveChangesMessage.KEEP_OPEN_READ_WRITE), get(1, SUBJECT.tag()));
    assertThat(saved(in, 1)).isEqualTo(id);
    assertThat(row(in, SUBJECT.tag())).containsExactly(new PropertyRow.Value(0x001F, "Budget 2027"));
    StoredItem after = alice.item(id);
    assertThat(after.changeNumber()).isNotEqualTo(before.changeNumber());
    assertThat(after.property(SUBJECT).orElseThrow().asString()).isEqualTo("Budget 2027");
    assertThat(after.property(IMPORTANCE).orElseThrow().asInt()).isEqualTo(2);
    assertThat(after.property(CATEGORIES_LIKE)).isEmpty();
  }

  @Test
  void specExampleSaveFlagsKeepTheMessageWritable() throws Exception {
    MessageId id = newMessage();
    TestSession session = new TestSession(store.store(), ALICE);
    // 0x0A as in MS-OXCMSG 4.8.1: KeepOpenReadWrite with an undefined bit the server ignores
    LittleEndianReader in = session.run(open(1, id, MessageObjectModes.BEST_ACCESS),
        set(1, new TaggedPropertyValue(IMPORTANCE.tag(), 0)), save(1, 0x0A),
        set(1, new TaggedPropertyValue(IMPORTANCE.tag(), 2)), save(1, SaveChangesMessage.KEEP_OPEN_READ_ONLY),
        set(1, new TaggedPropertyValue(IMPORTANCE.tag(), 1)), save(1, SaveChangesMessage.KEEP_OPEN_READ_WRITE));
    skipOpen(in);
    assertThat(problems(in)).isEmpty();
    assertThat(saved(in, 1)).isEqualTo(id);
    assertThat(problems(in)).isEmpty();
    assertThat(saved(in, 1)).isEqualTo(id);
    // KeepOpenReadOnly left the message read-only
    assertThat(error(in)).isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(error(in)).isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(alice.item(id).property(IMPORTANCE).orElseThrow().asInt()).isEqualTo(2);
  }

  @Test
  void computedPropertiesAreRefusedOneByOne() throws Exception {
    MessageId id = newMessage();
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(1, id, MessageObjectModes.READ_WRITE),
        set(1, new TaggedPropertyValue(MID, 42L), new TaggedPropertyValue(IMPORTANCE.tag(), 2)),
        delete(1, LAST_MODIFICATION_TIME, SUBJECT.tag()),
        save(1, SaveChangesMessage.KEEP_OPEN_READ_WRITE));
    skipOpen(in);
    assertThat(problems(in)).containsExactly(new PropertyProblem(0, MID, 0x8004011A));
    assertThat(problems(in)).containsExactly(new PropertyProblem(0, LAST_MODIFICATION_TIME, 0x8004011A));
    saved(in, 1);
    StoredItem item = alice.item(id);
    assertThat(item.property(IMPORTANCE).orElseThrow().asInt()).isEqualTo(2);
    assertThat(item.property(SUBJECT)).isEmpty();
    assertThat(item.id()).isEqualTo(id);
  }

  @Test
  void readOnlyMessageRefusesEveryWrite() throws Exception {
    MessageId id = newMessage();
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(1, id, MessageObjectModes.READ_ONLY),
        set(1, new TaggedPropertyValue(IMPORTANCE.tag(), 2)), delete(1, SUBJECT.tag()),
        save(1, SaveChangesMessage.KEEP_OPEN_READ_WRITE));
    skipOpen(in);
    assertThat(error(in)).isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(error(in)).isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(error(in)).isEqualTo(StoreErrors.ACCESS_DENIED);
    assertThat(in.hasRemaining()).isFalse(); // a failed save answers RopId, index, ReturnValue only
    assertThat(alice.item(id).property(IMPORTANCE).orElseThrow().asInt()).isEqualTo(1);
  }

  @Test
  void aSaveOnAStaleHandleIsObjectModifiedUnlessForced() throws Exception {
    MessageId id = newMessage();
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(1, id, MessageObjectModes.READ_WRITE),
        open(2, id, MessageObjectModes.READ_WRITE),
        set(1, new TaggedPropertyValue(IMPORTANCE.tag(), 2)), save(1, SaveChangesMessage.KEEP_OPEN_READ_WRITE),
        set(2, new TaggedPropertyValue(SUBJECT.tag(), "second")), save(2, SaveChangesMessage.KEEP_OPEN_READ_WRITE),
        get(2, IMPORTANCE.tag()));
    skipOpen(in);
    skipOpen(in);
    problems(in);
    saved(in, 1);
    problems(in);
    assertThat(error(in)).isEqualTo(SaveChangesMessage.OBJECT_MODIFIED);
    // the other handle's committed change stays invisible to this snapshot
    assertThat(row(in, IMPORTANCE.tag())).containsExactly(new PropertyRow.Value(0x0003, 1));
    assertThat(alice.item(id).property(SUBJECT).orElseThrow().asString()).isEqualTo("Budget");

    in = session.run(save(2, SaveChangesMessage.FORCE_SAVE));
    assertThat(saved(in, 2)).isEqualTo(id);
    StoredItem item = alice.item(id);
    assertThat(item.property(SUBJECT).orElseThrow().asString()).isEqualTo("second");
    // ForceSave writes this handle's changes over the store, which keeps the other save's value
    assertThat(item.property(IMPORTANCE).orElseThrow().asInt()).isEqualTo(2);
  }

  @Test
  void anOpenMessageIsASnapshotUntilReopened() throws Exception {
    MessageId id = newMessage();
    TestSession session = new TestSession(store.store(), ALICE);
    LittleEndianReader in = session.run(open(1, id, MessageObjectModes.READ_ONLY));
    skipOpen(in);
    alice.updateItem(id, List.of(PropValue.ofString(SUBJECT, "changed elsewhere")), List.of());
    in = session.run(get(1, SUBJECT.tag()), open(2, id, MessageObjectModes.READ_ONLY), get(2, SUBJECT.tag()));
    assertThat(row(in, SUBJECT.tag())).containsExactly(new PropertyRow.Value(0x001F, "Budget"));
    skipOpen(in);
    assertThat(row(in, SUBJECT.tag())).containsExactly(new PropertyRow.Value(0x001F, "changed elsewhere"));
  }

  @Test
  void openMessageChecksTheEditRightsOfADelegate() throws Exception {
    MessageId id = newMessage();
    alice.setPermission(inbox.id(), BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE);
    TestSession bob = new TestSession(store.store(), BOB,
        dn -> dn.equalsIgnoreCase(ALICE_DN) ? OptionalLong.of(ALICE) : OptionalLong.empty(), ALICE_DN);
    LittleEndianReader in = bob.run(open(1, id, MessageObjectModes.READ_WRITE), open(2, id, MessageObjectModes.BEST_ACCESS),
        set(2, new TaggedPropertyValue(IMPORTANCE.tag(), 2)));
    assertThat(error(in)).isEqualTo(StoreErrors.ACCESS_DENIED);
    skipOpen(in);
    assertThat(error(in)).isEqualTo(StoreErrors.ACCESS_DENIED); // BestAccess fell back to read-only

    alice.setPermission(inbox.id(), BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE | FolderRights.EDIT_ANY);
    in = bob.run(open(3, id, MessageObjectModes.READ_WRITE), set(3, new TaggedPropertyValue(IMPORTANCE.tag(), 2)),
        save(3, SaveChangesMessage.KEEP_OPEN_READ_WRITE));
    skipOpen(in);
    assertThat(problems(in)).isEmpty();
    assertThat(saved(in, 3)).isEqualTo(id);
    assertThat(alice.item(id).property(IMPORTANCE).orElseThrow().asInt()).isEqualTo(2);
  }

  /** OpenModeFlags, named here so the tests read as the spec does. */
  static final class MessageObjectModes {
    static final int READ_ONLY = io.convene.mapi.rop.objects.MessageObject.READ_ONLY;
    static final int READ_WRITE = io.convene.mapi.rop.objects.MessageObject.READ_WRITE;
    static final int BEST_ACCESS = io.convene.mapi.rop.objects.MessageObject.BEST_ACCESS;
  }
}
