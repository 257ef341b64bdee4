package io.convene.mapi.rpc;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.compress.PlainLz77;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes extended buffers: chains of RPC_HEADER_EXT + payload, each payload
 * optionally compressed (Plain LZ77) and then XOR-obfuscated (MS-OXCRPC 3.1.4.1.1.1 and
 * 3.1.4.2.1.1). Stateless.
 */
public final class ExtendedBuffer {

  /** The largest payload one segment can declare (16-bit Size and SizeActual). */
  public static final int MAX_SEGMENT_PAYLOAD = 0xffff;

  private ExtendedBuffer() {}

  /**
   * The decoded segments of one buffer.
   *
   * @param payloads each segment's payload, reverted and uncompressed
   * @param compressed whether any segment was compressed
   * @param obfuscated whether any segment was obfuscated
   */
  public record Decoded(List<byte[]> payloads, boolean compressed, boolean obfuscated) {}

  /**
   * Decodes a whole buffer. The last segment must carry the Last flag and end the buffer exactly.
   *
   * @throws WireFormatException for a bad header, a truncated payload, a corrupt compressed stream,
   *     a missing Last flag, trailing bytes or a limit exceeded
   */
  public static Decoded decode(byte[] buffer, ExtendedBufferLimits limits)
      throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(buffer);
    List<byte[]> payloads = new ArrayList<>();
    boolean compressed = false;
    boolean obfuscated = false;
    int total = 0;
    while (true) {
      if (payloads.size() == limits.maxSegments()) {
        throw new WireFormatException("more than " + limits.maxSegments() + " RPC_HEADER_EXT segments");
      }
      RpcHeaderExt header = RpcHeaderExt.read(in);
      if (header.sizeActual() > limits.maxTotalPayload() - total) {
        throw new WireFormatException(
            "payloads exceed the limit of " + limits.maxTotalPayload() + " bytes");
      }
      byte[] wire = in.bytes(header.size(), "RPC_HEADER_EXT payload");
      if (header.obfuscated()) {
        XorMagic.apply(wire, 0, wire.length);
      }
      byte[] payload =
          header.compressed()
              ? PlainLz77.decompress(wire, 0, wire.length, header.sizeActual())
              : wire;
      payloads.add(payload);
      total += payload.length;
      compressed |= header.compressed();
      obfuscated |= header.obfuscated();
      if (header.last()) {
        break;
      }
      if (!in.hasRemaining()) {
        throw new WireFormatException("the last RPC_HEADER_EXT segment lacks the Last flag");
      }
    }
    if (in.hasRemaining()) {
      throw new WireFormatException(in.remaining() + " bytes after the segment flagged Last");
    }
    return new Decoded(List.copyOf(payloads), compressed, obfuscated);
  }

  /**
   * Encodes payloads as one chain, the last flagged Last. A payload is sent compressed only when
   * compression makes it smaller, because MS-OXCRPC 2.2.2.1 requires Size below SizeActual.
   *
   * @throws IllegalArgumentException if a payload exceeds {@link #MAX_SEGMENT_PAYLOAD}
   */
  public static byte[] encode(List<byte[]> payloads, boolean compress, boolean obfuscate) {
    if (payloads.isEmpty()) {
      throw new IllegalArgumentException("an extended buffer has at least one segment");
    }
    LittleEndianWriter out = new LittleEndianWriter();
    for (int i = 0; i < payloads.size(); i++) {
      byte[] payload = payloads.get(i);
      if (payload.length > MAX_SEGMENT_PAYLOAD) {
        throw new IllegalArgumentException("payload of " + payload.length + " bytes in one segment");
      }
      int flags = i == payloads.size() - 1 ? RpcHeaderExt.LAST : 0;
      byte[] wire = payload;
      if (compress) {
        byte[] packed = PlainLz77.compress(payload, 0, payload.length);
        if (packed.length < payload.length) {
          wire = packed;
          flags |= RpcHeaderExt.COMPRESSED;
        }
      }
      if (obfuscate) {
        wire = wire == payload ? payload.clone() : wire;
        XorMagic.apply(wire, 0, wire.length);
        flags |= RpcHeaderExt.XOR_MAGIC;
      }
      new RpcHeaderExt(0, flags, wire.length, payload.length).write(out);
      out.bytes(wire);
    }
    return out.toByteArray();
  }
}
