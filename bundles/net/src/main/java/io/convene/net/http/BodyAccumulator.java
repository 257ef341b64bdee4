package io.convene.net.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Gathers request body bytes into {@link HttpBodyPart}s of at most {@code partSize} bytes, so a
 * small body is delivered whole and a large one streams without ever being held entirely.
 */
final class BodyAccumulator {

  private final int partSize;
  private byte[] buf;
  private int length;

  BodyAccumulator(int partSize) {
    this.partSize = partSize;
  }

  /**
   * Moves {@code count} bytes from {@code in}, emitting each part that fills up.
   *
   * @param expected how many body bytes are known to follow, including these, so the first
   *     allocation fits a small body exactly
   */
  void append(ByteBuffer in, int count, long expected, Consumer<? super HttpBodyPart> out) {
    while (count > 0) {
      if (buf == null) {
        buf = new byte[(int) Math.min(partSize, Math.max(expected, count))];
      } else if (length == buf.length) {
        // only reached while a chunked body grows a part below partSize
        long grown = Math.max((long) length * 2, (long) length + count);
        buf = Arrays.copyOf(buf, (int) Math.min(partSize, grown));
      }
      int n = Math.min(count, buf.length - length);
      in.get(buf, length, n);
      length += n;
      count -= n;
      expected -= n;
      if (length == partSize) {
        flush(out);
      }
    }
  }

  /** Emits what has been gathered, if anything. */
  void flush(Consumer<? super HttpBodyPart> out) {
    if (length == 0) {
      return;
    }
    byte[] bytes = length == buf.length ? buf : Arrays.copyOf(buf, length);
    buf = null;
    length = 0;
    out.accept(new HttpBodyPart(bytes));
  }

  /** Drops gathered bytes after an error. */
  void discard() {
    buf = null;
    length = 0;
  }
}
