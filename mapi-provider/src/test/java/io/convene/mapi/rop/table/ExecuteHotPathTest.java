package io.convene.mapi.rop.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.Store;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.folder.FolderRequests.OpenFolderRequest;
import io.convene.mapi.rop.objects.TestSession;
import io.convene.mapi.rop.objects.TestStore;
import io.convene.mapi.rop.table.TableRequests.BareRequest;
import io.convene.mapi.rop.table.TableRequests.OpenTableRequest;
import io.convene.mapi.rop.table.TableRequests.QueryRowsRequest;
import io.convene.mapi.rop.table.TableRequests.SeekRowRequest;
import io.convene.mapi.rop.table.TableRequests.SetColumnsRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's Execute (OpenFolder + GetContentsTable + SetColumns + QueryRows) counts the folder
 * twice, not three times, and the positioning ROPs reuse the last read's count, while every
 * QueryRows still reads the store. Counted with a proxy in front of the Derby mailbox.
 */
class ExecuteHotPathTest {

  static final long ALICE = 71;
  static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  @TempDir static Path directory;
  static TestStore store;
  static Mailbox mailbox;
  static FolderInfo inbox;

  /** Store calls that count the folder's items: folder(id) and query(...). */
  final AtomicInteger folderReads = new AtomicInteger();
  final AtomicInteger queries = new AtomicInteger();
  TestSession session;

  @BeforeAll
  static void openStore() throws Exception {
    store = new TestStore(directory, ALICE);
    mailbox = store.store().mailbox(ALICE, Caller.account(ALICE));
    inbox = mailbox.folder(SpecialFolder.INBOX);
    List<List<PropValue>> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      items.add(List.of(PropValue.ofString(SUBJECT, "item " + i)));
    }
    mailbox.createItems(inbox.id(), items);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @BeforeEach
  void logOn() throws Exception {
    session = new TestSession(counting(store.store()), ALICE, new TableRops());
    folderReads.set(0); // what the logon read does not count
    queries.set(0);
  }

  Store counting(Store real) {
    return (Store) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> {
          Object result = invoke(method, real, args);
          return result instanceof Mailbox m ? countingMailbox(m) : result;
        });
  }

  Mailbox countingMailbox(Mailbox real) {
    return (Mailbox) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Mailbox.class},
        (proxy, method, args) -> {
          if (method.getName().equals("folder") && args[0] instanceof io.convene.api.store.FolderId) {
            folderReads.incrementAndGet();
          } else if (method.getName().equals("query")) {
            queries.incrementAndGet();
          }
          return invoke(method, real, args);
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static RopHeader h(int ropId, int index) {
    return new RopHeader(ropId, 0, index);
  }

  static byte[] openFolder(int output) {
    LittleEndianWriter out = new LittleEndianWriter();
    new OpenFolderRequest(new RopHeader(0x02, 0, 0), output, inbox.id().toLong(), 0).write(out);
    return out.toByteArray();
  }

  static final int[] COLUMNS = {SUBJECT.tag()};

  /** The benchmark's Execute: folder at 1, table at 2, 50 rows. */
  byte[][] contentsExecute() {
    return new byte[][] {
      openFolder(1),
      new OpenTableRequest(h(TableRopIds.GET_CONTENTS_TABLE, 1), 2, 0).encode(),
      new SetColumnsRequest(h(TableRopIds.SET_COLUMNS, 2), 0, COLUMNS).encode(),
      new QueryRowsRequest(h(TableRopIds.QUERY_ROWS, 2), 0, true, 50).encode()};
  }

  static long openTable(LittleEndianReader in) throws Exception {
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    return in.u32("RowCount");
  }

  static long[] position(LittleEndianReader in) throws Exception {
    in.skip(2, "RopId, index");
    assertThat(in.u32("ReturnValue")).isZero();
    return new long[] {in.u32("Numerator"), in.u32("Denominator")};
  }

  @Test
  void theContentsExecuteCountsTheFolderTwice() throws Exception {
    int items = mailbox.folder(inbox.id()).itemCount();
    LittleEndianReader in = session.run(contentsExecute());
    in.skip(8, "OpenFolder response");
    assertThat(openTable(in)).isEqualTo(items);
    in.skip(7, "SetColumns response");
    assertThat(TableHarness.queryRows(in, COLUMNS).rows()).hasSize(50);
    assertThat(folderReads.get()).as("OpenFolder's read serves GetContentsTable").isEqualTo(1);
    assertThat(queries.get()).as("QueryRows reads the store").isEqualTo(1);
  }

  @Test
  void positioningReusesTheLastCountAndQueryRowsSeesTheStore() throws Exception {
    session.run(contentsExecute());
    int items = mailbox.folder(inbox.id()).itemCount();
    int before = folderReads.get() + queries.get();

    LittleEndianReader in = session.run(new BareRequest(h(TableRopIds.QUERY_POSITION, 2)).encode(),
        new SeekRowRequest(h(TableRopIds.SEEK_ROW, 2), Bookmarks.BEGINNING, 0, false).encode(),
        new BareRequest(h(TableRopIds.QUERY_POSITION, 2)).encode());
    assertThat(position(in)).containsExactly(50, items);
    in.skip(11, "SeekRow response");
    assertThat(position(in)).containsExactly(0, items);
    assertThat(folderReads.get() + queries.get()).as("no store call").isEqualTo(before);

    mailbox.createItem(inbox.id(), List.of(PropValue.ofString(SUBJECT, "late")));
    in = session.run(new QueryRowsRequest(h(TableRopIds.QUERY_ROWS, 2), 0, true, 1).encode(),
        new BareRequest(h(TableRopIds.QUERY_POSITION, 2)).encode());
    TableHarness.queryRows(in, COLUMNS);
    assertThat(position(in)).as("the QueryRows saw the new item").containsExactly(1, items + 1);
  }

  @Test
  void aFolderOpenedInAnEarlierExecuteIsReadAgain() throws Exception {
    session.run(openFolder(1));
    mailbox.createItem(inbox.id(), List.of(PropValue.ofString(SUBJECT, "between")));
    int items = mailbox.folder(inbox.id()).itemCount();
    int reads = folderReads.get();
    LittleEndianReader in = session.run(new OpenTableRequest(h(TableRopIds.GET_CONTENTS_TABLE, 1), 2, 0).encode());
    assertThat(openTable(in)).isEqualTo(items);
    assertThat(folderReads.get()).isEqualTo(reads + 1);
  }
}
