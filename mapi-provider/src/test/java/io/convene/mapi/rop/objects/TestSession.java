package io.convene.mapi.rop.objects;

import io.convene.api.store.Store;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ReleaseRops;
import io.convene.mapi.rop.RopDispatcher;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.RopSessionLimits;
import io.convene.mapi.rop.RopSessionState;
import io.convene.mapi.rop.folder.FolderRops;
import io.convene.mapi.rop.message.MessageRops;
import io.convene.mapi.rop.notify.NotifyRops;
import io.convene.mapi.rop.property.PropertyRops;
import io.convene.mapi.rop.store.MailboxResolver;
import io.convene.mapi.rop.store.StoreRops;
import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A ROP session over the real engine with engineer G's families, logged on to the caller's own
 * mailbox (logon 0, handle index 0). {@link #run} sends one buffer and keeps the handle table.
 */
public final class TestSession {

  private final RopDispatcher engine;
  private final RopSessionState session;
  private int[] handles = RopBuffers.emptyHandles(8);

  public TestSession(Store store, long account, RopFamily... more) throws Exception {
    this(store, account, dn -> OptionalLong.empty(), "", more);
  }

  /** A session logged on to the mailbox {@code resolver} finds for {@code essdn} ("" for the caller's own). */
  public TestSession(Store store, long account, MailboxResolver resolver, String essdn, RopFamily... more)
      throws Exception {
    RopRegistry.Builder registry = RopRegistry.builder()
        .add(new ReleaseRops())
        .add(new StoreRops(store, resolver, Clock.systemUTC()))
        .add(new FolderRops())
        .add(new PropertyRops())
        .add(new MessageRops())
        .add(new NotifyRops());
    Arrays.stream(more).forEach(registry::add);
    engine = new RopDispatcher(registry.build(), RopSessionLimits.DEFAULT);
    session = engine.newSession(Long.toString(account));
    LittleEndianWriter logon = new LittleEndianWriter();
    byte[] dn = essdn.isEmpty() ? new byte[0] : (essdn + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    logon.u8(0xFE).u8(0).u8(0).u8(0x01).u32(0x01000404L).u32(0).u16(dn.length).bytes(dn);
    LittleEndianReader out = run(logon.toByteArray());
    out.skip(2, "RopId, index");
    if (out.u32("ReturnValue") != 0) {
      throw new IllegalStateException("logon failed");
    }
  }

  public RopSessionState state() {
    return session;
  }

  public MailboxLogon logon() {
    return (MailboxLogon) session.logon(0).orElseThrow().state();
  }

  /** Runs the requests (concatenated) and answers a reader over the responses. */
  public LittleEndianReader run(byte[]... requests) throws Exception {
    byte[] output = engine.execute(session, RopBuffers.input(handles, requests), 0x8000);
    RopBuffers.Output out = RopBuffers.Output.of(output);
    handles = out.handles();
    return out.responses();
  }

  /** A request: RopId, LogonId 0, InputHandleIndex, then {@code rest}. */
  public static LittleEndianWriter request(int ropId, int inputIndex) {
    return new LittleEndianWriter().u8(ropId).u8(0).u8(inputIndex);
  }

  public static void u64(LittleEndianWriter out, long value) {
    out.u32(value & 0xffffffffL).u32(value >>> 32);
  }
}
