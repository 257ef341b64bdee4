package io.convene.mapi.rop.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyName;
import io.convene.mapi.rop.data.PropertyProblem;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.folder.FolderRequests.OpenFolderRequest;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.property.PropertyRequests.DeletePropertiesRequest;
import io.convene.mapi.rop.property.PropertyRequests.SetPropertiesRequest;
import io.convene.mapi.testing.SpecFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SetProperties, DeleteProperties and QueryNamedProperties on Folder and Logon objects, on Derby. */
class PropertyWritesTest {

  static final long ALICE = 41;
  static final long BOB = 42;
  static final long CAROL = 43;
  static final int COMMENT = 0x3004001F;
  static final int DISPLAY_NAME = 0x3001001F;
  static final int CONTENT_COUNT = 0x36020003;

  @TempDir static Path directory;
  static TestStore store;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE, BOB, CAROL);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  private static byte[] set(int ropId, int input, TaggedPropertyValue... values) {
    LittleEndianWriter out = new LittleEndianWriter();
    new SetPropertiesRequest(new RopHeader(ropId, 0, input), List.of(values)).write(out);
    return out.toByteArray();
  }

  private static byte[] openFolder(int input, int output, FolderId id) {
    LittleEndianWriter out = new LittleEndianWriter();
    new OpenFolderRequest(new RopHeader(0x02, 0, input), output, id.toLong(), 0).write(out);
    return out.toByteArray();
  }

  private static byte[] getSpecific(int input, int... tags) {
    LittleEndianWriter get = TestSession.request(0x07, input).u16(0).u16(1).u16(tags.length);
    for (int tag : tags) {
      get.u32(tag & 0xffffffffL);
    }
    return get.toByteArray();
  }

  private static List<PropertyProblem> problems(LittleEndianReader in, int ropId) throws Exception {
    assertThat(in.u8("RopId")).isEqualTo(ropId);
    in.u8("InputHandleIndex");
    assertThat(in.u32("ReturnValue")).isZero();
    return PropertyProblem.readArray(in);
  }

  @Test
  void theSpecsSetPropertiesBufferOnAFolderStoresItsValues() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    Mailbox mailbox = session.logon().mailbox();
    FolderId folder = mailbox.createFolder(mailbox.folder(SpecialFolder.INBOX).id(), "Spec", null).id();
    // MS-OXCPRPT section 4's request, addressed at handle index 0: re-pointed at the folder (index 1).
    byte[] spec = SpecFixtures.hex("ms-oxcprpt/4-setproperties-request.hex");
    spec[2] = 1;

    LittleEndianReader in = session.run(openFolder(0, 1, folder), spec,
        getSpecific(1, 0x003D001F, 0x0E1D001F));

    in.skip(8, "OpenFolder response");
    assertThat(problems(in, 0x0A)).isEmpty();
    in.skip(6, "GetPropertiesSpecific header");
    assertThat(PropertyRow.read(in, new int[] {0x003D001F, 0x0E1D001F}, PropertyLimits.ROP))
        .containsExactly(new PropertyRow.Value(0x001F, ""), new PropertyRow.Value(0x001F, "Hello World"));
  }

  @Test
  void folderWritesRenameRefuseComputedOnesAndDeleteProperties() throws Exception {
    TestSession session = new TestSession(store.store(), BOB);
    Mailbox mailbox = session.logon().mailbox();
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    FolderId folder = mailbox.createFolder(inbox, "Old", null).id();
    mailbox.createFolder(inbox, "Taken", null);
    long changeBefore = mailbox.folder(folder).changeNumber().counter().value();

    LittleEndianWriter delete = new LittleEndianWriter();
    new DeletePropertiesRequest(new RopHeader(0x7A, 0, 1), new int[] {CONTENT_COUNT, COMMENT}).write(delete);
    LittleEndianReader in = session.run(openFolder(0, 1, folder),
        set(0x0A, 1, new TaggedPropertyValue(COMMENT, "note"), new TaggedPropertyValue(CONTENT_COUNT, 5),
            new TaggedPropertyValue(DISPLAY_NAME, "New")),
        getSpecific(1, COMMENT, DISPLAY_NAME, CONTENT_COUNT),
        set(0x79, 1, new TaggedPropertyValue(DISPLAY_NAME, "Taken")),
        delete.toByteArray(),
        getSpecific(1, COMMENT));

    in.skip(8, "OpenFolder response");
    assertThat(problems(in, 0x0A)).containsExactly(new PropertyProblem(1, CONTENT_COUNT, PropertyWrites.COMPUTED));
    in.skip(6, "GetPropertiesSpecific header");
    assertThat(PropertyRow.read(in, new int[] {COMMENT, DISPLAY_NAME, CONTENT_COUNT}, PropertyLimits.ROP))
        .containsExactly(new PropertyRow.Value(0x001F, "note"), new PropertyRow.Value(0x001F, "New"),
            new PropertyRow.Value(0x0003, 0));
    assertThat(in.u8("RopId")).isEqualTo(0x79);
    in.u8("InputHandleIndex");
    assertThat((int) in.u32("ReturnValue")).as("duplicate name").isEqualTo(0x80040604);
    assertThat(problems(in, 0x7A)).containsExactly(new PropertyProblem(0, CONTENT_COUNT, PropertyWrites.COMPUTED));
    in.skip(6, "GetPropertiesSpecific header");
    assertThat(PropertyRow.read(in, new int[] {COMMENT}, PropertyLimits.ROP))
        .containsExactly(new PropertyRow.Error(PropertyRops.NOT_FOUND));
    assertThat(in.hasRemaining()).isFalse();
    assertThat(mailbox.folder(folder).displayName()).isEqualTo("New");
    assertThat(mailbox.folder(folder).changeNumber().counter().value()).isGreaterThan(changeBefore);
  }

  @Test
  void logonPropertiesAreKeptDurablyAndComputedOnesRefused() throws Exception {
    TestSession session = new TestSession(store.store(), CAROL);
    int custom = 0x6702001F;
    LittleEndianReader in = session.run(
        set(0x0A, 0, new TaggedPropertyValue(custom, "kept"), new TaggedPropertyValue(0x340E0003, 1)),
        getSpecific(0, custom, 0x340E0003));
    assertThat(problems(in, 0x0A)).containsExactly(new PropertyProblem(1, 0x340E0003, PropertyWrites.COMPUTED));
    in.skip(6, "GetPropertiesSpecific header");
    assertThat(PropertyRow.read(in, new int[] {custom, 0x340E0003}, PropertyLimits.ROP))
        .containsExactly(new PropertyRow.Value(0x001F, "kept"), new PropertyRow.Value(0x0003, 0));

    TestSession again = new TestSession(store.store(), CAROL);
    in = again.run(getSpecific(0, custom));
    in.skip(6, "GetPropertiesSpecific header");
    assertThat(PropertyRow.read(in, new int[] {custom}, PropertyLimits.ROP))
        .containsExactly(new PropertyRow.Value(0x001F, "kept"));
  }

  @Test
  void queryNamedPropertiesFiltersByKindAndGuidAsTheSpecsExample() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE);
    Mailbox mailbox = session.logon().mailbox();
    NamedProperty keywords = NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "Keywords");
    int keywordsId = mailbox.namedPropertyId(keywords, true);
    int startId = mailbox.namedPropertyId(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D), true);
    mailbox.namedPropertyId(NamedProperty.ofName(NamedProperty.PSETID_COMMON, "Other"), true);

    byte[] spec = SpecFixtures.hex("ms-oxcprpt/2.2.6-ropquerynamedproperties.hex");
    byte[] request = java.util.Arrays.copyOf(spec, 21);
    LittleEndianReader in = session.run(request,
        TestSession.request(0x5F, 0).u8(QueryNamedProperties.NO_STRINGS).u8(0).toByteArray());

    byte[] answer = in.rest();
    LittleEndianReader responses = new LittleEndianReader(answer);
    responses.skip(6, "header");
    QueryNamedProperties.Response strings = QueryNamedProperties.Response.read(responses);
    assertThat(strings.ids()).containsExactly(keywordsId);
    assertThat(strings.names()).containsExactly(PropertyName.of(keywords));
    // Keywords is the mailbox's first mapping, 0x8000: the answer is the fixture's response byte for byte.
    assertThat(keywordsId).isEqualTo(0x8000);
    assertThat(java.util.Arrays.copyOf(answer, spec.length - 21)).isEqualTo(java.util.Arrays.copyOfRange(spec, 21, spec.length));
    assertThat(responses.u8("RopId")).isEqualTo(0x5F);
    responses.skip(5, "index, ReturnValue");
    QueryNamedProperties.Response lids = QueryNamedProperties.Response.read(responses);
    assertThat(lids.ids()).containsExactly(startId);
    assertThat(lids.names().get(0).lid()).isEqualTo(0x820D);
  }
}
