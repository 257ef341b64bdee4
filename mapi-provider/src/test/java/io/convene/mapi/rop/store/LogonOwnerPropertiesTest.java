package io.convene.mapi.rop.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderRights;
import io.convene.api.store.SpecialFolder;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.objects.AccountName;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PidTagMailboxOwnerName/EntryId and PidTagUserName/EntryId on the logon, own and delegate. */
class LogonOwnerPropertiesTest {

  static final long ALICE = 61;
  static final long BOB = 62;
  static final String ALICE_DN = "/o=Convene/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice";
  static final String BOB_DN = "/o=Convene/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=bob";
  static final int[] TAGS = {
    StoreProperties.MAILBOX_OWNER_NAME, StoreProperties.MAILBOX_OWNER_ENTRY_ID,
    StoreProperties.USER_NAME, StoreProperties.USER_ENTRY_ID};

  /**
   * MS-OXCDATA 2.2.5.2 Address Book EntryID of a local mail user: Flags 00000000, ProviderUID
   * DCA740C8C042101AB4B908002B2FE182, Version 00000001, Type 00000000, then the DN, ASCII, NUL.
   */
  static final String AB_ENTRY_ID_HEAD = "00000000" + "dca740c8c042101ab4b908002b2fe182" + "01000000" + "00000000";

  @TempDir static Path directory;
  static TestStore store;

  static final MailboxResolver DIRECTORY = new MailboxResolver() {
    final Map<String, Long> byDn = Map.of(ALICE_DN, ALICE, BOB_DN, BOB);
    final Map<Long, AccountName> names = Map.of(
        ALICE, new AccountName("Alice Example", ALICE_DN), BOB, new AccountName("Bob Example", BOB_DN));

    @Override
    public OptionalLong accountOf(String essdn) {
      Long id = byDn.get(essdn);
      return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    @Override
    public Optional<AccountName> nameOf(long accountId) {
      return Optional.ofNullable(names.get(accountId));
    }
  };

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE, BOB);
    var alice = store.store().mailbox(ALICE, Caller.account(ALICE));
    alice.setPermission(alice.folder(SpecialFolder.INBOX).id(), BOB, FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  static java.util.List<PropertyRow.Cell> ownerProperties(TestSession session) throws Exception {
    LittleEndianWriter get = TestSession.request(0x07, 0).u16(0).u16(1).u16(TAGS.length);
    for (int tag : TAGS) {
      get.u32(tag & 0xffffffffL);
    }
    LittleEndianReader in = session.run(get.toByteArray());
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    return PropertyRow.read(in, TAGS, PropertyLimits.ROP);
  }

  static byte[] entryId(String dn) {
    return HexFormat.of().parseHex(AB_ENTRY_ID_HEAD + HexFormat.of().formatHex((dn + "\0").getBytes(
        java.nio.charset.StandardCharsets.US_ASCII)));
  }

  static void assertNames(java.util.List<PropertyRow.Cell> row, String owner, String ownerDn, String user, String userDn) {
    assertThat(row.get(0)).isEqualTo(new PropertyRow.Value(0x001F, owner));
    assertThat(row.get(1)).isInstanceOfSatisfying(PropertyRow.Value.class,
        value -> assertThat((byte[]) value.value()).isEqualTo(entryId(ownerDn)));
    assertThat(row.get(2)).isEqualTo(new PropertyRow.Value(0x001F, user));
    assertThat(row.get(3)).isInstanceOfSatisfying(PropertyRow.Value.class,
        value -> assertThat((byte[]) value.value()).isEqualTo(entryId(userDn)));
  }

  @Test
  void ownLogonNamesTheOwnerTwice() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE, DIRECTORY, "");
    assertNames(ownerProperties(session), "Alice Example", ALICE_DN, "Alice Example", ALICE_DN);
  }

  @Test
  void delegateLogonNamesOwnerAndUserApart() throws Exception {
    TestSession session = new TestSession(store.store(), BOB, DIRECTORY, ALICE_DN);
    assertNames(ownerProperties(session), "Alice Example", ALICE_DN, "Bob Example", BOB_DN);
  }

  @Test
  void theOwnerPropertiesCannotBeSet() throws Exception {
    TestSession session = new TestSession(store.store(), ALICE, DIRECTORY, "");
    LittleEndianWriter body = new LittleEndianWriter().u16(1);
    new io.convene.mapi.rop.data.TaggedPropertyValue(StoreProperties.USER_NAME, "Mallory").write(body);
    LittleEndianReader in = session.run(
        TestSession.request(0x0A, 0).u16(body.size()).bytes(body.toByteArray()).toByteArray());
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    assertThat(io.convene.mapi.rop.data.PropertyProblem.readArray(in)).containsExactly(
        new io.convene.mapi.rop.data.PropertyProblem(0, StoreProperties.USER_NAME, 0x8004011A));
    assertThat(ownerProperties(session).get(2)).isEqualTo(new PropertyRow.Value(0x001F, "Alice Example"));
  }
}
