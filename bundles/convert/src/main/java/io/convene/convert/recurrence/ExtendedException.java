package io.convene.convert.recurrence;

import io.convene.convert.binary.OpaqueBytes;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One ExtendedException structure (MS-OXOCAL 2.2.1.44.3), the companion of the {@link
 * ExceptionInfo} at the same index: the change highlight and the Unicode subject and location.
 * The block of times and strings is present exactly when the ExceptionInfo overrides the subject
 * or the location; then {@code wideCharSubject}/{@code wideCharLocation} are present exactly when
 * the ExceptionInfo overrides that field.
 *
 * @param changeHighlight present exactly when WriterVersion2 is above 0x3008
 * @param reservedBlockEE1 ReservedBlockEE1
 * @param startDateTime repeated from the ExceptionInfo (null without the block)
 * @param endDateTime likewise
 * @param originalStartDate likewise
 * @param wideCharSubject WideCharSubject, or null
 * @param wideCharLocation WideCharLocation, or null
 * @param reservedBlockEE2 ReservedBlockEE2 (empty without the block)
 */
public record ExtendedException(
    ChangeHighlight changeHighlight,
    OpaqueBytes reservedBlockEE1,
    LocalDateTime startDateTime,
    LocalDateTime endDateTime,
    LocalDateTime originalStartDate,
    String wideCharSubject,
    String wideCharLocation,
    OpaqueBytes reservedBlockEE2) {

  public ExtendedException {
    Objects.requireNonNull(reservedBlockEE1, "reservedBlockEE1");
    Objects.requireNonNull(reservedBlockEE2, "reservedBlockEE2");
    boolean block = startDateTime != null;
    if (block != (endDateTime != null) || block != (originalStartDate != null)) {
      throw new IllegalArgumentException("the times of the Unicode block are all present or all absent");
    }
    if (!block && (wideCharSubject != null || wideCharLocation != null || reservedBlockEE2.length() > 0)) {
      throw new IllegalArgumentException("Unicode strings without the block's times");
    }
    if (block) {
      MapiMinutes.fromLocalDateTime(startDateTime);
      MapiMinutes.fromLocalDateTime(endDateTime);
      MapiMinutes.fromLocalDateTime(originalStartDate);
    }
    for (String s : new String[] {wideCharSubject, wideCharLocation}) {
      if (s != null && s.length() > 0xFFFF) {
        throw new IllegalArgumentException("a WideChar string has at most 65535 chars");
      }
    }
  }

  /** The ExtendedException Outlook writes for {@code info}: Unicode strings, no highlight bits. */
  public static ExtendedException of(ExceptionInfo info, String subject, String location, boolean withHighlight) {
    boolean block = info.has(ExceptionInfo.ARO_SUBJECT) || info.has(ExceptionInfo.ARO_LOCATION);
    return new ExtendedException(
        withHighlight ? new ChangeHighlight(0, OpaqueBytes.EMPTY) : null,
        OpaqueBytes.EMPTY,
        block ? info.startDateTime() : null,
        block ? info.endDateTime() : null,
        block ? info.originalStartDate() : null,
        info.has(ExceptionInfo.ARO_SUBJECT) ? subject : null,
        info.has(ExceptionInfo.ARO_LOCATION) ? location : null,
        OpaqueBytes.EMPTY);
  }

  /**
   * ChangeHighlight (MS-OXOCAL 2.2.1.44.3.1): which fields the organizer changed (BIT_CH_* bits).
   *
   * @param value ChangeHighlightValue
   * @param reserved the bytes after the value that ChangeHighlightSize covers
   */
  public record ChangeHighlight(int value, OpaqueBytes reserved) {
    public ChangeHighlight {
      Objects.requireNonNull(reserved, "reserved");
    }
  }
}
