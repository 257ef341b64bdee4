package io.convene.convert.binary;

import java.nio.charset.StandardCharsets;

/**
 * Bounded reader over a blob: every read first checks the bytes left and fails with a {@link
 * BlobFormatException} naming the field and offset, so no read runs past the end and no length
 * taken from the input is used before it is checked.
 */
public final class LittleEndianReader {

  private final byte[] buf;
  private int pos;

  public LittleEndianReader(byte[] buf) {
    this.buf = buf;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return buf.length - pos;
  }

  public BlobFormatException error(String what) {
    return new BlobFormatException(what + " at offset " + pos);
  }

  private void require(long n, String what) throws BlobFormatException {
    if (n < 0 || n > remaining()) {
      throw error(what + " needs " + n + " bytes, " + remaining() + " left");
    }
  }

  public int u8(String what) throws BlobFormatException {
    require(1, what);
    return buf[pos++] & 0xFF;
  }

  public int u16(String what) throws BlobFormatException {
    require(2, what);
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
    pos += 2;
    return v;
  }

  public int i32(String what) throws BlobFormatException {
    require(4, what);
    int v =
        (buf[pos] & 0xFF)
            | (buf[pos + 1] & 0xFF) << 8
            | (buf[pos + 2] & 0xFF) << 16
            | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  /** A 32-bit count or size that must lie in [0, max]. */
  public int count32(int max, String what) throws BlobFormatException {
    int start = pos;
    long v = i32(what) & 0xFFFFFFFFL;
    if (v > max) {
      pos = start;
      throw error(what + " " + v + " is over the limit " + max);
    }
    return (int) v;
  }

  /** A 16-bit count or length that must lie in [0, max]. */
  public int count16(int max, String what) throws BlobFormatException {
    int start = pos;
    int v = u16(what);
    if (v > max) {
      pos = start;
      throw error(what + " " + v + " is over the limit " + max);
    }
    return v;
  }

  /** Reads a field that must hold one fixed value. */
  public void expect16(int expected, String what) throws BlobFormatException {
    int start = pos;
    int v = u16(what);
    if (v != expected) {
      pos = start;
      throw error(what + " is 0x" + Integer.toHexString(v) + ", not 0x" + Integer.toHexString(expected));
    }
  }

  public byte[] bytes(int n, String what) throws BlobFormatException {
    require(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** {@code n} 8-bit characters, each byte one char (ISO-8859-1), so the bytes survive as text. */
  public String bytesAsLatin1(int n, String what) throws BlobFormatException {
    require(n, what);
    String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
    pos += n;
    return s;
  }

  /** {@code chars} UTF-16LE code units, kept as they are (unpaired surrogates included). */
  public String utf16(int chars, String what) throws BlobFormatException {
    require(2L * chars, what);
    char[] out = new char[chars];
    for (int i = 0; i < chars; i++) {
      out[i] = (char) ((buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8);
      pos += 2;
    }
    return new String(out);
  }

  /** Fails unless the whole blob was consumed: trailing bytes mean the blob lied about a count. */
  public void expectEnd(String what) throws BlobFormatException {
    if (remaining() != 0) {
      throw error(remaining() + " bytes after the end of " + what);
    }
  }
}
