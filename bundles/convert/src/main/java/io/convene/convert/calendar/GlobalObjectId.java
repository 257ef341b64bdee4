package io.convene.convert.calendar;

import io.convene.api.store.FileTimes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * PidLidGlobalObjectId / PidLidCleanGlobalObjectId (MS-OXOCAL 2.2.1.27, 2.2.1.28) and their
 * iCalendar UID form (MS-OXCICAL 2.1.3.1.1.20.26).
 *
 * <p>Layout: the 16-byte Byte Array ID, the exception's original date (year big-endian, month,
 * day; zero for a series or single item), the creation FILETIME, 8 reserved zero bytes, a
 * little-endian 32-bit size and the data. A UID that is the hex form of such a blob is the blob
 * itself; any other UID is wrapped as data {@code "vCal-Uid" 01 00 00 00 <UTF-8 UID> 00}.
 */
public final class GlobalObjectId {

  /** The Byte Array ID every GOID starts with. */
  static final byte[] BYTE_ARRAY_ID =
      HexFormat.of().parseHex("040000008200E00074C5B7101A82E008");

  static final int HEADER_SIZE = 40;
  private static final byte[] VCAL_UID = "vCal-Uid".getBytes(StandardCharsets.US_ASCII);
  private static final int VCAL_HEADER = 12; // "vCal-Uid" + 01 00 00 00

  /** Longest UID accepted (MS-OXCICAL sets none; this bounds the blob). */
  public static final int MAX_UID_LENGTH = 1024;

  private GlobalObjectId() {}

  /** Whether the bytes have the GOID header and a size field matching their length. */
  public static boolean isValid(byte[] goid) {
    if (goid == null || goid.length < HEADER_SIZE
        || !Arrays.equals(goid, 0, 16, BYTE_ARRAY_ID, 0, 16)) {
      return false;
    }
    long size = ByteBuffer.wrap(goid, 36, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    return size == goid.length - HEADER_SIZE;
  }

  /** The same GOID with the instance date zeroed: the PidLidCleanGlobalObjectId. */
  public static byte[] clean(byte[] goid) {
    byte[] copy = goid.clone();
    Arrays.fill(copy, 16, 20, (byte) 0);
    return copy;
  }

  /** The GOID of an exception: the series GOID with the original date of the instance. */
  public static byte[] forInstance(byte[] goid, LocalDate originalDate) {
    byte[] copy = goid.clone();
    copy[16] = (byte) (originalDate.getYear() >>> 8);
    copy[17] = (byte) originalDate.getYear();
    copy[18] = (byte) originalDate.getMonthValue();
    copy[19] = (byte) originalDate.getDayOfMonth();
    return copy;
  }

  /** The creation time field. */
  public static Instant creationTime(byte[] goid) {
    return FileTimes.toInstant(ByteBuffer.wrap(goid, 20, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
  }

  /**
   * The UID of a GOID: the wrapped UID of a {@code vCal-Uid} GOID, otherwise the hex form of the
   * clean GOID (MS-OXCICAL; MS-ASEMAIL 4.3 shows both cases).
   */
  public static String toUid(byte[] goid) {
    if (!isValid(goid)) {
      throw new IllegalArgumentException("not a Global Object ID");
    }
    int dataLength = goid.length - HEADER_SIZE;
    if (dataLength > VCAL_HEADER
        && Arrays.equals(goid, HEADER_SIZE, HEADER_SIZE + 8, VCAL_UID, 0, 8)) {
      int end = goid.length;
      if (goid[end - 1] == 0) {
        end--;
      }
      return new String(goid, HEADER_SIZE + VCAL_HEADER, end - HEADER_SIZE - VCAL_HEADER, StandardCharsets.UTF_8);
    }
    return HexFormat.of().withUpperCase().formatHex(clean(goid));
  }

  /**
   * The GOID for a UID: the decoded blob if the UID is a hex GOID, otherwise a {@code vCal-Uid}
   * wrapper with a zero creation time (so the same UID always gives the same GOID).
   */
  public static byte[] fromUid(String uid) {
    if (uid.length() > MAX_UID_LENGTH) {
      throw new IllegalArgumentException("UID longer than " + MAX_UID_LENGTH);
    }
    if (uid.length() >= 2 * HEADER_SIZE && uid.length() % 2 == 0
        && uid.regionMatches(true, 0, "040000008200E00074C5B7101A82E008", 0, 32)) {
      try {
        byte[] bytes = HexFormat.of().parseHex(uid.toUpperCase(Locale.ROOT));
        if (isValid(bytes)) {
          return bytes;
        }
      } catch (IllegalArgumentException notHex) {
        // falls through: a third-party UID that happens to start like a GOID
      }
    }
    byte[] utf8 = uid.getBytes(StandardCharsets.UTF_8);
    int dataSize = VCAL_HEADER + utf8.length + 1;
    ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + dataSize).order(ByteOrder.LITTLE_ENDIAN);
    out.put(BYTE_ARRAY_ID).putInt(0).putLong(0).putLong(0).putInt(dataSize);
    out.put(VCAL_UID).putInt(1).put(utf8).put((byte) 0);
    return out.array();
  }
}
