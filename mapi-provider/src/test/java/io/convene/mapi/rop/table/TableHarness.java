package io.convene.mapi.rop.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ReleaseRops;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopDispatcher;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.rop.RopSessionLimits;
import io.convene.mapi.rop.RopSessionState;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.objects.RopBuffers;
import io.convene.mapi.rop.permission.PermissionMembers;
import io.convene.mapi.rop.permission.PermissionRops;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs table ROPs against a real store: a session with logon 0 on a mailbox, the table and
 * permission families, and a test ROP 0x70 that opens a folder by id (standing in for
 * RopOpenFolder, which another family provides) so these tests depend on no other handler.
 */
public final class TableHarness {

  /** Test ROP: LogonId, InputHandleIndex, OutputHandleIndex, then the 8-byte folder id. */
  public static final int OPEN_FOLDER = 0x70;

  record OpenFolderRequest(RopHeader header, int outputHandleIndex, long folderId) implements RopRequest {
    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }
  }

  static final RopFamily OPEN_FOLDER_ROP =
      registry ->
          registry.add(
              RopDefinition.of(
                  OPEN_FOLDER,
                  "TestOpenFolder",
                  (header, in) -> new OpenFolderRequest(header, in.u8("out"), TableRequests.u64(in, "fid")),
                  (request, call) -> {
                    MailboxLogon logon = (MailboxLogon) call.logon().state();
                    call.putObject(request.outputHandleIndex(), new FolderObject(logon, FolderId.fromLong(request.folderId())));
                    call.out().u8(OPEN_FOLDER).u8(request.outputHandleIndex()).u32(0);
                  }));

  private final RopDispatcher engine;
  private final RopSessionState session;
  private final Mailbox mailbox;

  public TableHarness(io.convene.api.store.Store store, long owner, long caller, PermissionMembers members)
      throws StoreException {
    RopRegistry registry =
        RopRegistry.builder()
            .add(new ReleaseRops())
            .add(new TableRops())
            .add(new PermissionRops(members))
            .add(OPEN_FOLDER_ROP)
            .build();
    engine = new RopDispatcher(registry, RopSessionLimits.DEFAULT);
    session = engine.newSession(Long.toString(caller));
    mailbox = store.mailbox(owner, Caller.account(caller));
    session.openLogon(0, MailboxLogon.of(mailbox, Caller.account(caller)));
  }

  public Mailbox mailbox() {
    return mailbox;
  }

  public static byte[] openFolder(int in, int out, FolderId folder) {
    return TableRequests.u64(new LittleEndianWriter().u8(OPEN_FOLDER).u8(0).u8(in).u8(out), folder.toLong()).toByteArray();
  }

  /** Runs one buffer with a handle table of {@code handles} slots; returns the output. */
  public RopBuffers.Output run(int maxOutput, int[] handles, byte[]... requests) throws Exception {
    byte[] output = engine.execute(session, RopBuffers.input(handles, requests), maxOutput);
    assertThat(output.length).isLessThanOrEqualTo(maxOutput);
    return RopBuffers.Output.of(output);
  }

  /** The ReturnValue of the next response, leaving the reader after RopId, index and ReturnValue. */
  public static long status(LittleEndianReader in, int ropId) throws WireFormatException {
    assertThat(in.u8("RopId")).isEqualTo(ropId);
    in.u8("index");
    return in.u32("ReturnValue");
  }

  /** A successful RopQueryRows response decoded with the columns of the table. */
  public record Rows(int origin, List<List<PropertyRow.Cell>> rows) {}

  public static Rows queryRows(LittleEndianReader in, int[] columns) throws WireFormatException {
    assertThat(status(in, TableRopIds.QUERY_ROWS)).isZero();
    int origin = in.u8("Origin");
    int count = in.u16("RowCount");
    List<List<PropertyRow.Cell>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(PropertyRow.read(in, columns, PropertyLimits.ROP));
    }
    return new Rows(origin, rows);
  }

  public static Object value(PropertyRow.Cell cell) {
    assertThat(cell).isInstanceOf(PropertyRow.Value.class);
    return ((PropertyRow.Value) cell).value();
  }
}
