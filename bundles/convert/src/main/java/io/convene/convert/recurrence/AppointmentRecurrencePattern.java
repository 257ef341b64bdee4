package io.convene.convert.recurrence;

import io.convene.convert.binary.OpaqueBytes;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The AppointmentRecurrencePattern structure (MS-OXOCAL 2.2.1.44.2), the value of
 * PidLidAppointmentRecur: the {@link RecurrencePattern}, the instances' time of day, and the
 * modified instances ({@link ExceptionInfo} with its {@link ExtendedException} at the same index).
 * Immutable; reserved blocks are kept so that a decoded value encodes back to the same bytes.
 *
 * @param pattern the recurrence rule and the deleted/modified dates
 * @param readerVersion2 ReaderVersion2 (0x3006)
 * @param writerVersion2 WriterVersion2 (0x3008 or 0x3009; above 0x3008 the exceptions carry a
 *     ChangeHighlight)
 * @param startTimeOffset minutes after midnight at which each instance starts
 * @param endTimeOffset minutes after midnight of the start date at which it ends
 * @param exceptions the modified instances, ordered as stored
 * @param reservedBlock1 ReservedBlock1
 * @param extendedExceptions one per exception
 * @param reservedBlock2 ReservedBlock2
 */
public record AppointmentRecurrencePattern(
    RecurrencePattern pattern,
    int readerVersion2,
    int writerVersion2,
    int startTimeOffset,
    int endTimeOffset,
    List<ExceptionInfo> exceptions,
    OpaqueBytes reservedBlock1,
    List<ExtendedException> extendedExceptions,
    OpaqueBytes reservedBlock2) {

  public static final int READER_VERSION_2 = 0x3006;
  public static final int WRITER_VERSION_2 = 0x3009;
  /** Writers above this version store a ChangeHighlight in every ExtendedException. */
  static final int LAST_WRITER_WITHOUT_HIGHLIGHT = 0x3008;

  public AppointmentRecurrencePattern {
    Objects.requireNonNull(pattern, "pattern");
    exceptions = List.copyOf(exceptions);
    extendedExceptions = List.copyOf(extendedExceptions);
    Objects.requireNonNull(reservedBlock1, "reservedBlock1");
    Objects.requireNonNull(reservedBlock2, "reservedBlock2");
    if (readerVersion2 != READER_VERSION_2) {
      throw new IllegalArgumentException("ReaderVersion2 0x" + Integer.toHexString(readerVersion2));
    }
    if (writerVersion2 < READER_VERSION_2) {
      throw new IllegalArgumentException("WriterVersion2 0x" + Integer.toHexString(writerVersion2));
    }
    if (exceptions.size() != pattern.modifiedInstanceDates().size()) {
      throw new IllegalArgumentException(
          "ExceptionCount " + exceptions.size() + " differs from ModifiedInstanceCount "
              + pattern.modifiedInstanceDates().size());
    }
    if (extendedExceptions.size() != exceptions.size()) {
      throw new IllegalArgumentException("one ExtendedException per ExceptionInfo");
    }
    if (exceptions.size() > 0xFFFF) {
      throw new IllegalArgumentException("ExceptionCount is a 16-bit field");
    }
    boolean highlight = writerVersion2 > LAST_WRITER_WITHOUT_HIGHLIGHT;
    for (int i = 0; i < exceptions.size(); i++) {
      ExceptionInfo info = exceptions.get(i);
      ExtendedException ext = extendedExceptions.get(i);
      if ((ext.changeHighlight() != null) != highlight) {
        throw new IllegalArgumentException("ChangeHighlight must be present exactly when WriterVersion2 > 0x3008");
      }
      boolean block = info.has(ExceptionInfo.ARO_SUBJECT) || info.has(ExceptionInfo.ARO_LOCATION);
      if (block != (ext.startDateTime() != null)
          || block && (info.has(ExceptionInfo.ARO_SUBJECT) != (ext.wideCharSubject() != null)
              || info.has(ExceptionInfo.ARO_LOCATION) != (ext.wideCharLocation() != null))) {
        throw new IllegalArgumentException("ExtendedException " + i + " does not match its ExceptionInfo's flags");
      }
    }
  }

  /** The exception whose instance originally started at {@code originalStart}, or null. */
  public ExceptionInfo exceptionAt(LocalDateTime originalStart) {
    for (ExceptionInfo e : exceptions) {
      if (e.originalStartDate().equals(originalStart)) {
        return e;
      }
    }
    return null;
  }
}
