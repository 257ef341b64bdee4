package io.convene.convert.binary;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes with value equality: reserved blocks and other fields that are kept
 * only so that a blob encodes back to the bytes it was decoded from.
 */
public final class OpaqueBytes {

  public static final OpaqueBytes EMPTY = new OpaqueBytes(new byte[0]);

  private final byte[] bytes;

  private OpaqueBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  public static OpaqueBytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new OpaqueBytes(bytes.clone());
  }

  public int length() {
    return bytes.length;
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpaqueBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
