package io.convene.mapi.rpc;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/**
 * The 8-byte header before each payload of an extended buffer (MS-OXCRPC 2.2.2.1).
 *
 * @param version always 0
 * @param flags {@link #COMPRESSED}, {@link #XOR_MAGIC}, {@link #LAST}
 * @param size payload bytes on the wire
 * @param sizeActual payload bytes once uncompressed
 */
public record RpcHeaderExt(int version, int flags, int size, int sizeActual) {

  public static final int LENGTH = 8;
  public static final int COMPRESSED = 0x0001;
  public static final int XOR_MAGIC = 0x0002;
  public static final int LAST = 0x0004;
  private static final int KNOWN_FLAGS = COMPRESSED | XOR_MAGIC | LAST;

  public boolean compressed() {
    return (flags & COMPRESSED) != 0;
  }

  public boolean obfuscated() {
    return (flags & XOR_MAGIC) != 0;
  }

  public boolean last() {
    return (flags & LAST) != 0;
  }

  /** Reads and validates one header against the rules of MS-OXCRPC 2.2.2.1. */
  static RpcHeaderExt read(LittleEndianReader in) throws WireFormatException {
    RpcHeaderExt header =
        new RpcHeaderExt(
            in.u16("RPC_HEADER_EXT.Version"),
            in.u16("RPC_HEADER_EXT.Flags"),
            in.u16("RPC_HEADER_EXT.Size"),
            in.u16("RPC_HEADER_EXT.SizeActual"));
    if (header.version != 0) {
      throw new WireFormatException("RPC_HEADER_EXT.Version " + header.version + " is not 0");
    }
    if ((header.flags & ~KNOWN_FLAGS) != 0) {
      throw new WireFormatException(
          "RPC_HEADER_EXT.Flags 0x" + Integer.toHexString(header.flags) + " has unknown bits");
    }
    if (header.compressed() ? header.size >= header.sizeActual : header.size != header.sizeActual) {
      throw new WireFormatException(
          "RPC_HEADER_EXT Size "
              + header.size
              + " and SizeActual "
              + header.sizeActual
              + " disagree with the Compressed flag");
    }
    return header;
  }

  void write(LittleEndianWriter out) {
    out.u16(version).u16(flags).u16(size).u16(sizeActual);
  }
}
