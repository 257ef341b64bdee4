package io.convene.mapi.rop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine against test ROPs: 0x70 "open" creates an object (OutputHandleIndex, like
 * RopOpenFolder), 0x71 "echo" answers its input object's name plus a payload of the requested
 * size, 0x72 is defined without a handler.
 */
class RopDispatcherTest {

  static final int OPEN = 0x70;
  static final int ECHO = 0x71;
  static final int UNIMPLEMENTED = 0x72;

  record OpenRequest(RopHeader header, int outputHandleIndex, String name) implements RopRequest {
    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }
  }

  record EchoRequest(RopHeader header, int payload) implements RopRequest {}

  static final RopFamily TEST_ROPS =
      registry ->
          registry
              .add(
                  RopDefinition.of(
                      OPEN,
                      "TestOpen",
                      (header, in) ->
                          new OpenRequest(header, in.u8("OutputHandleIndex"), in.asciiz(32, "name")),
                      (request, call) -> {
                        call.putObject(request.outputHandleIndex(), request.name());
                        call.out().u8(OPEN).u8(request.outputHandleIndex()).u32(0);
                      }))
              .add(
                  RopDefinition.of(
                      ECHO,
                      "TestEcho",
                      (header, in) -> new EchoRequest(header, in.u16("payload")),
                      (request, call) -> {
                        String name = call.inputObject(String.class);
                        call.out().u8(ECHO).u8(request.header().inputHandleIndex()).u32(0);
                        call.out().asciiz(name).bytes(new byte[request.payload()]);
                      }))
              .add(
                  RopDefinition.decodeOnly(
                      UNIMPLEMENTED, "TestUnimplemented", (header, in) -> new EchoRequest(header, 0)));

  private final RopDispatcher engine =
      new RopDispatcher(
          RopRegistry.builder().add(new ReleaseRops()).add(TEST_ROPS).build(),
          new RopSessionLimits(3, 8));
  private final RopSessionState session = engine.newSession("7");

  /** Builds a ROP input buffer: RopSize, the ROPs, then the handle table. */
  static byte[] buffer(List<byte[]> rops, int... handles) {
    LittleEndianWriter out = new LittleEndianWriter();
    out.u16(0);
    rops.forEach(out::bytes);
    out.patchU16(0, out.size());
    for (int handle : handles) {
      out.u32(handle & 0xffffffffL);
    }
    return out.toByteArray();
  }

  static byte[] open(int logon, int in, int outIndex, String name) {
    return new LittleEndianWriter().u8(OPEN).u8(logon).u8(in).u8(outIndex).asciiz(name).toByteArray();
  }

  static byte[] echo(int logon, int in, int payload) {
    return new LittleEndianWriter().u8(ECHO).u8(logon).u8(in).u16(payload).toByteArray();
  }

  static byte[] release(int logon, int in) {
    return new byte[] {RopIds.RELEASE, (byte) logon, (byte) in};
  }

  record Output(List<byte[]> responses, int[] handles, byte[] raw) {}

  /** Splits an output buffer with the sizes the test ROPs are known to have. */
  static Output parse(byte[] raw, int handleCount) throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(raw);
    int ropSize = in.u16("RopSize");
    byte[] rops = new LittleEndianReader(raw, 2, ropSize - 2).rest();
    in.skip(ropSize - 2, "rops");
    int[] handles = new int[handleCount];
    for (int i = 0; i < handleCount; i++) {
      handles[i] = (int) in.u32("handle");
    }
    assertThat(in.hasRemaining()).isFalse();
    return new Output(List.of(rops), handles, raw);
  }

  @Test
  void createsUsesAndReleasesObjects() throws Exception {
    session.openLogon(0, "mailbox");
    byte[] input =
        buffer(List.of(open(0, 0, 1, "inbox"), echo(0, 1, 0), release(0, 1)), -1, -1);
    byte[] output = engine.execute(session, input, 0x8000);
    LittleEndianReader in = new LittleEndianReader(output);
    int ropSize = in.u16("RopSize");
    assertThat(in.u8("id")).isEqualTo(OPEN);
    assertThat(in.u8("index")).isEqualTo(1);
    assertThat(in.u32("rv")).isZero();
    assertThat(in.u8("id")).isEqualTo(ECHO);
    assertThat(in.u8("index")).isEqualTo(1);
    assertThat(in.u32("rv")).isZero();
    assertThat(in.asciiz(32, "name")).isEqualTo("inbox");
    // RopRelease has no response, and the released slot reads 0xFFFFFFFF
    assertThat(in.position()).isEqualTo(ropSize);
    assertThat(in.u32("h0")).isEqualTo(0xffffffffL);
    assertThat(in.u32("h1")).isEqualTo(0xffffffffL);
    assertThat(session.logon(0).orElseThrow().objectCount()).isZero();
  }

  @Test
  void handlesSurviveBetweenBuffersAndAreScopedToTheirLogon() throws Exception {
    session.openLogon(0, "mine");
    session.openLogon(1, "other");
    byte[] first = engine.execute(session, buffer(List.of(open(0, 0, 1, "calendar")), -1, -1), 0x8000);
    int handle = (int) new LittleEndianReader(first, first.length - 4, 4).u32("h1");

    byte[] reuse = engine.execute(session, buffer(List.of(echo(0, 0, 0)), handle), 0x8000);
    assertThat(reuse[2]).isEqualTo((byte) ECHO);
    assertThat(new LittleEndianReader(reuse, 4, 4).u32("rv")).isZero();

    // The same handle used under another logon is not found there: ecNullObject
    byte[] foreign = engine.execute(session, buffer(List.of(echo(1, 0, 0)), handle), 0x8000);
    assertThat(new LittleEndianReader(foreign, 4, 4).u32("rv")).isEqualTo(ErrorCodes.NULL_OBJECT);
  }

  @Test
  void invalidHandleIndexFailsOnlyThatRop() throws Exception {
    session.openLogon(0, "mine");
    byte[] output =
        engine.execute(session, buffer(List.of(echo(0, 5, 0), open(0, 0, 0, "x")), -1), 0x8000);
    LittleEndianReader in = new LittleEndianReader(output);
    in.u16("RopSize");
    assertThat(in.u8("id")).isEqualTo(ECHO);
    assertThat(in.u8("index")).isEqualTo(5);
    assertThat(in.u32("rv")).isEqualTo(ErrorCodes.NULL_OBJECT);
    assertThat(in.u8("id")).isEqualTo(OPEN);
    assertThat(in.u32("index+rv") >>> 8).isZero();
  }

  @Test
  void definedButUnimplementedRopAnswersNotSupportedAndTheBufferGoesOn() throws Exception {
    session.openLogon(0, "mine");
    byte[] unimplemented = {(byte) UNIMPLEMENTED, 0, 0};
    byte[] output =
        engine.execute(session, buffer(List.of(unimplemented, open(0, 0, 0, "x")), -1), 0x8000);
    LittleEndianReader in = new LittleEndianReader(output);
    in.u16("RopSize");
    assertThat(in.u8("id")).isEqualTo(UNIMPLEMENTED);
    assertThat(in.u8("index")).isZero();
    assertThat(in.u32("rv")).isEqualTo(ErrorCodes.NOT_SUPPORTED & 0xffffffffL);
    assertThat(in.u8("id")).isEqualTo(OPEN);
  }

  @Test
  void unknownRopIdFailsTheBufferBeforeAnythingRuns() {
    session.openLogon(0, "mine");
    byte[] input = buffer(List.of(open(0, 0, 0, "x"), new byte[] {0x00, 0, 0}), -1);
    assertThatThrownBy(() -> engine.execute(session, input, 0x8000))
        .isInstanceOf(RopBufferException.class)
        .satisfies(e -> assertThat(((RopBufferException) e).errorCode()).isEqualTo(ErrorCodes.RPC_FORMAT));
    assertThat(session.logon(0).orElseThrow().objectCount()).isZero();
  }

  @Test
  void lyingSizesAreRpcFormatErrors() {
    assertRpcFormat(new byte[] {1});
    assertRpcFormat(new byte[] {(byte) 0xff, 0x7f, 0, 0});
    assertRpcFormat(new byte[] {1, 0, 0});
    // a ROP cut short by RopSize
    byte[] cut = buffer(List.of(echo(0, 0, 0)));
    cut[0] = 4;
    assertRpcFormat(java.util.Arrays.copyOf(cut, 4));
    // a handle table that is not a whole number of handles
    byte[] ragged = buffer(List.of(release(0, 0)), 1);
    assertRpcFormat(java.util.Arrays.copyOf(ragged, ragged.length - 1));
    // more handle table entries than allowed
    assertRpcFormat(buffer(List.of(release(0, 0)), 1, 2, 3, 4, 5, 6, 7, 8, 9));
  }

  @Test
  void responseThatDoesNotFitEndsWithRopBufferTooSmall() throws Exception {
    session.openLogon(0, "mine");
    byte[] open = open(0, 0, 0, "inbox");
    byte[] bigEcho = echo(0, 0, 500);
    byte[] smallEcho = echo(0, 0, 0);
    byte[] input = buffer(List.of(open, bigEcho, smallEcho), -1);
    byte[] output = engine.execute(session, input, 200);
    LittleEndianReader in = new LittleEndianReader(output);
    int ropSize = in.u16("RopSize");
    in.skip(6, "open response");
    assertThat(in.u8("RopId")).isEqualTo(RopIds.BUFFER_TOO_SMALL);
    assertThat(in.u16("SizeNeeded")).isGreaterThan(500);
    byte[] pending = in.bytes(ropSize - in.position(), "RequestBuffers");
    byte[] expected = new LittleEndianWriter().bytes(bigEcho).bytes(smallEcho).toByteArray();
    assertThat(pending).isEqualTo(expected);
    assertThat(output.length).isLessThanOrEqualTo(200);
  }

  @Test
  void noRoomEvenForRopBufferTooSmallFailsTheBuffer() {
    session.openLogon(0, "mine");
    byte[] input = buffer(List.of(open(0, 0, 0, "a-rather-long-name-for-a-folder")), -1);
    assertThatThrownBy(() -> engine.execute(session, input, 10))
        .isInstanceOf(RopBufferException.class)
        .satisfies(
            e -> assertThat(((RopBufferException) e).errorCode()).isEqualTo(ErrorCodes.BUFFER_TOO_SMALL));
  }

  @Test
  void objectsPerLogonAreBounded() throws Exception {
    session.openLogon(0, "mine");
    List<byte[]> opens = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      opens.add(open(0, 0, i, "f" + i));
    }
    byte[] output = engine.execute(session, buffer(opens, -1, -1, -1, -1), 0x8000);
    LittleEndianReader in = new LittleEndianReader(output, 2 + 3 * 6, 6);
    assertThat(in.u8("id")).isEqualTo(OPEN);
    assertThat(in.u8("index")).isEqualTo(3);
    assertThat(in.u32("rv")).isEqualTo(ErrorCodes.OUT_OF_MEMORY & 0xffffffffL);
    assertThat(session.logon(0).orElseThrow().objectCount()).isEqualTo(3);
  }

  @Test
  void handlerBugBecomesGeneralFailureForThatRopOnly() throws Exception {
    RopDispatcher faulty =
        new RopDispatcher(
            RopRegistry.builder()
                .add(
                    RopDefinition.<EchoRequest>of(
                        ECHO,
                        "Broken",
                        (header, in) -> new EchoRequest(header, in.u16("payload")),
                        (request, call) -> {
                          throw new IllegalStateException("bug");
                        }))
                .build(),
            RopSessionLimits.DEFAULT);
    RopSessionState state = faulty.newSession("7");
    byte[] output = faulty.execute(state, buffer(List.of(echo(0, 0, 0), echo(0, 0, 0)), -1), 0x8000);
    LittleEndianReader in = new LittleEndianReader(output);
    assertThat(in.u16("RopSize")).isEqualTo(14);
    in.skip(2, "id+index");
    assertThat(in.u32("rv")).isEqualTo(ErrorCodes.GENERAL_FAILURE & 0xffffffffL);
  }

  @Test
  void registryRefusesDuplicatesAndTheBufferTooSmallId() {
    RopRegistry.Builder builder = RopRegistry.builder().add(new ReleaseRops());
    assertThatThrownBy(() -> builder.add(new ReleaseRops()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RopRelease");
    assertThatThrownBy(
            () ->
                builder.add(
                    RopDefinition.decodeOnly(0xff, "x", (header, in) -> new EchoRequest(header, 0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertRpcFormat(byte[] input) {
    assertThatThrownBy(() -> engine.execute(session, input, 0x8000))
        .isInstanceOf(RopBufferException.class)
        .satisfies(e -> assertThat(((RopBufferException) e).errorCode()).isEqualTo(ErrorCodes.RPC_FORMAT));
  }
}
