package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three kinds of ACL member: Default (authenticated accounts), Anonymous and named accounts. */
class AnonymousAccessTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final int READ = FolderRights.READ_ANY | FolderRights.FOLDER_VISIBLE;

  @TempDir Path data;
  private Database database;
  private DerbyStore store;
  private Mailbox owner;
  private FolderId calendar;
  private MessageId meeting;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
    store.provision(ALICE);
    owner = store.mailbox(ALICE, Caller.account(ALICE));
    calendar = owner.folder(SpecialFolder.CALENDAR).id();
    meeting = owner.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "board meeting"))).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anAnonymousCallerIsNeitherAnAccountNorTheServer() {
    Caller anonymous = Caller.anonymous();
    assertThat(anonymous.isAnonymous()).isTrue();
    assertThat(anonymous.system()).isFalse();
    assertThat(anonymous.accountId()).isEqualTo(FolderRights.ANONYMOUS_MEMBER);
    assertThat(Caller.account(BOB).isAnonymous()).isFalse();
    assertThat(Caller.server().isAnonymous()).isFalse();
    assertThatThrownBy(() -> Caller.account(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Caller.account(-2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutAnAnonymousEntryAnonymousCallersGetNothingEvenWhenDefaultGrantsReading() throws StoreException {
    owner.setPermission(calendar, FolderRights.DEFAULT_MEMBER, READ);
    Mailbox anonymous = store.mailbox(ALICE, Caller.anonymous());
    Mailbox bob = store.mailbox(ALICE, Caller.account(BOB));

    assertThat(bob.item(meeting).property(SUBJECT).orElseThrow().asString()).isEqualTo("board meeting");
    assertDenied(() -> anonymous.item(meeting));
    assertDenied(() -> anonymous.folder(calendar));
    assertDenied(() -> anonymous.items(calendar, 0, 10));
  }

  @Test
  void theAnonymousEntryAppliesToAnonymousCallersOnly() throws StoreException {
    owner.setPermission(calendar, FolderRights.ANONYMOUS_MEMBER, READ);
    Mailbox anonymous = store.mailbox(ALICE, Caller.anonymous());
    Mailbox bob = store.mailbox(ALICE, Caller.account(BOB));

    assertThat(anonymous.item(meeting).property(SUBJECT).orElseThrow().asString()).isEqualTo("board meeting");
    assertThat(anonymous.folder(calendar).itemCount()).isEqualTo(1);
    // an authenticated account without an entry gets Default (free/busy only), not Anonymous
    assertDenied(() -> bob.item(meeting));
    // reading is not writing
    assertDenied(() -> anonymous.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "spam"))));
    assertDenied(() -> anonymous.updateItem(meeting, List.of(PropValue.ofString(SUBJECT, "defaced")), List.of()));
    assertDenied(() -> anonymous.delete(calendar, List.of(meeting), true));
    assertDenied(() -> anonymous.setPermission(calendar, FolderRights.ANONYMOUS_MEMBER, FolderRights.ALL));
    assertThat(owner.item(meeting).property(SUBJECT).orElseThrow().asString()).isEqualTo("board meeting");
    assertThat(owner.permissions(calendar)).containsEntry(FolderRights.ANONYMOUS_MEMBER, READ);
  }

  @Test
  void aNamedEntryWinsOverDefaultAndAnonymousGetsNoneOfIt() throws StoreException {
    owner.setPermission(calendar, BOB, READ | FolderRights.CREATE | FolderRights.EDIT_OWNED);
    owner.setPermission(calendar, FolderRights.ANONYMOUS_MEMBER, FolderRights.FREE_BUSY_SIMPLE);
    Mailbox bob = store.mailbox(ALICE, Caller.account(BOB));
    Mailbox anonymous = store.mailbox(ALICE, Caller.anonymous());

    MessageId bobs = bob.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "bob's"))).id();
    bob.updateItem(bobs, List.of(PropValue.ofString(SUBJECT, "bob's, edited")), List.of());
    assertDenied(() -> anonymous.item(bobs));
    assertDenied(() -> anonymous.updateItem(bobs, List.of(PropValue.ofString(SUBJECT, "x")), List.of()));
    assertThat(owner.item(bobs).property(SUBJECT).orElseThrow().asString()).isEqualTo("bob's, edited");
  }

  @Test
  void itemsCreatedAnonymouslyAreOwnedByNobody() throws StoreException {
    owner.setPermission(calendar, FolderRights.ANONYMOUS_MEMBER, READ | FolderRights.CREATE | FolderRights.EDIT_OWNED);
    Mailbox anonymous = store.mailbox(ALICE, Caller.anonymous());
    MessageId dropped = anonymous.createItem(calendar, List.of(PropValue.ofString(SUBJECT, "dropped in"))).id();
    // every anonymous caller is the same member: "owned" would let any of them rewrite the others' items
    assertDenied(() -> anonymous.updateItem(dropped, List.of(PropValue.ofString(SUBJECT, "rewritten")), List.of()));
    owner.setPermission(calendar, FolderRights.ANONYMOUS_MEMBER, READ | FolderRights.EDIT_ANY);
    anonymous.updateItem(dropped, List.of(PropValue.ofString(SUBJECT, "rewritten")), List.of());
    assertThat(owner.item(dropped).property(SUBJECT).orElseThrow().asString()).isEqualTo("rewritten");
  }

  private static void assertDenied(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).error()).isEqualTo(StoreError.ACCESS_DENIED);
  }
}
