package io.convene.mapiclient.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-OXCRPC 2.2.2.1 RPC_HEADER_EXT framing of ROP buffers: Version (0), Flags (Compressed 0x0001,
 * XorMagic 0x0002, Last 0x0004), Size and SizeActual, then the payload, compressed with Plain LZ77
 * (MS-OXCRPC 3.1.4.1.1.2) and/or XORed with 0xA5 (3.1.4.1.1.3), in that order when both apply.
 */
public final class ExtendedBuffer {

  public static final int FLAG_COMPRESSED = 0x0001;
  public static final int FLAG_XOR_MAGIC = 0x0002;
  public static final int FLAG_LAST = 0x0004;
  private static final int XOR_MAGIC = 0xA5;
  private static final int HEADER_SIZE = 8;
  /** Size and SizeActual are 16-bit: one payload carries at most 64 KiB - 1. */
  public static final int MAX_PAYLOAD = 0xFFFF;

  private ExtendedBuffer() {}

  /** One payload as a whole buffer with Last set; compressed only when that makes it smaller. */
  public static byte[] encode(byte[] payload, boolean compress, boolean obfuscate) {
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
    }
    int flags = FLAG_LAST;
    byte[] body = payload;
    if (compress) {
      byte[] compressed = PlainLz77.compress(payload);
      if (compressed.length < payload.length) {
        body = compressed;
        flags |= FLAG_COMPRESSED;
      }
    }
    if (obfuscate) {
      body = xor(body == payload ? payload.clone() : body);
      flags |= FLAG_XOR_MAGIC;
    }
    WireWriter out = new WireWriter().u16(0).u16(flags).u16(body.length).u16(payload.length);
    return out.bytes(body).toByteArray();
  }

  /** A decoded payload and the flags its header carried. */
  public record Payload(byte[] data, int flags) {
    public boolean compressed() {
      return (flags & FLAG_COMPRESSED) != 0;
    }

    public boolean obfuscated() {
      return (flags & FLAG_XOR_MAGIC) != 0;
    }
  }

  /**
   * Decodes a chain of headers and payloads up to the one flagged Last; the buffer must end there.
   * {@code maxTotal} bounds the sum of the decompressed payloads.
   */
  public static List<Payload> decode(byte[] buffer, int maxTotal) throws MapiWireException {
    WireReader in = new WireReader(buffer);
    List<Payload> payloads = new ArrayList<>();
    int total = 0;
    while (true) {
      int version = in.u16("RPC_HEADER_EXT Version");
      if (version != 0) {
        throw new MapiWireException("RPC_HEADER_EXT Version " + version + ", expected 0");
      }
      int flags = in.u16("RPC_HEADER_EXT Flags");
      if ((flags & ~(FLAG_COMPRESSED | FLAG_XOR_MAGIC | FLAG_LAST)) != 0) {
        throw new MapiWireException("RPC_HEADER_EXT Flags 0x" + Integer.toHexString(flags) + " has unknown bits");
      }
      int size = in.u16("RPC_HEADER_EXT Size");
      int sizeActual = in.u16("RPC_HEADER_EXT SizeActual");
      byte[] body = in.bytes(size, "RPC_HEADER_EXT payload");
      if ((flags & FLAG_XOR_MAGIC) != 0) {
        xor(body);
      }
      byte[] data;
      if ((flags & FLAG_COMPRESSED) != 0) {
        data = PlainLz77.decompress(body, sizeActual);
        if (data.length != sizeActual) {
          throw new MapiWireException("RPC_HEADER_EXT SizeActual " + sizeActual + " but the payload decompresses to " + data.length);
        }
      } else {
        if (size != sizeActual) {
          throw new MapiWireException("RPC_HEADER_EXT uncompressed payload with Size " + size + " != SizeActual " + sizeActual);
        }
        data = body;
      }
      total += data.length;
      if (total > maxTotal) {
        throw new MapiWireException("RPC_HEADER_EXT payloads exceed " + maxTotal + " bytes");
      }
      payloads.add(new Payload(data, flags));
      if ((flags & FLAG_LAST) != 0) {
        if (in.remaining() != 0) {
          throw new MapiWireException(in.remaining() + " bytes after the payload flagged Last");
        }
        return payloads;
      }
    }
  }

  /** All payloads of a chain, joined (the data of an Execute response). */
  public static byte[] join(List<Payload> payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    payloads.forEach(p -> out.writeBytes(p.data()));
    return out.toByteArray();
  }

  private static byte[] xor(byte[] data) {
    for (int i = 0; i < data.length; i++) {
      data[i] ^= (byte) XOR_MAGIC;
    }
    return data;
  }
}
