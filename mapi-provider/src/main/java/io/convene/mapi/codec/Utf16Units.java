package io.convene.mapi.codec;

/**
 * UTF-16LE as raw code units. MAPI strings are arrays of 16-bit units and may hold an unpaired
 * surrogate; the JDK's UTF-16 charset would replace it ('?' or U+FFFD) and so change a value the
 * client stored, so strings cross the wire unit by unit.
 */
public final class Utf16Units {

  private Utf16Units() {}

  public static byte[] encode(String value) {
    byte[] bytes = new byte[value.length() * 2];
    for (int i = 0; i < value.length(); i++) {
      char unit = value.charAt(i);
      bytes[2 * i] = (byte) unit;
      bytes[2 * i + 1] = (byte) (unit >>> 8);
    }
    return bytes;
  }

  /** The string of the {@code length} bytes at {@code offset}; {@code length} must be even. */
  public static String decode(byte[] bytes, int offset, int length) {
    if (length % 2 != 0) {
      throw new IllegalArgumentException("odd UTF-16 byte count " + length);
    }
    char[] units = new char[length / 2];
    for (int i = 0; i < units.length; i++) {
      units[i] = (char) ((bytes[offset + 2 * i] & 0xff) | (bytes[offset + 2 * i + 1] & 0xff) << 8);
    }
    return new String(units);
  }
}
