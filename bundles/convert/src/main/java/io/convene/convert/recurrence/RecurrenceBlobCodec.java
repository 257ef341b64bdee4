package io.convene.convert.recurrence;

import io.convene.convert.binary.BlobFormatException;
import io.convene.convert.binary.LittleEndianReader;
import io.convene.convert.binary.LittleEndianWriter;
import io.convene.convert.binary.OpaqueBytes;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes RecurrencePattern and AppointmentRecurrencePattern blobs (MS-OXOCAL 2.2.1.44).
 * Decoding is strict and bounded by {@link RecurrenceLimits}: a truncated blob, a count over a
 * limit, a value the specification does not allow, a length field that contradicts another, or
 * bytes after the end all give a {@link BlobFormatException}. Encoding a decoded value gives back
 * the bytes it came from. Thread-safe.
 */
public final class RecurrenceBlobCodec {

  static final int VERSION = 0x3004;

  private final RecurrenceLimits limits;

  public RecurrenceBlobCodec(RecurrenceLimits limits) {
    this.limits = limits;
  }

  public RecurrenceBlobCodec() {
    this(RecurrenceLimits.DEFAULT);
  }

  /** A blob that is one RecurrencePattern, as in PidLidTaskRecurrence. */
  public RecurrencePattern decodePattern(byte[] blob) throws BlobFormatException {
    LittleEndianReader r = new LittleEndianReader(blob);
    RecurrencePattern p = readPattern(r);
    r.expectEnd("the RecurrencePattern");
    return p;
  }

  /** A PidLidAppointmentRecur blob. */
  public AppointmentRecurrencePattern decodeAppointment(byte[] blob) throws BlobFormatException {
    LittleEndianReader r = new LittleEndianReader(blob);
    RecurrencePattern pattern = readPattern(r);
    int readerVersion2 = r.i32("ReaderVersion2");
    int writerVersion2 = r.i32("WriterVersion2");
    if (readerVersion2 != AppointmentRecurrencePattern.READER_VERSION_2) {
      throw new BlobFormatException("ReaderVersion2 is 0x" + Integer.toHexString(readerVersion2) + ", not 0x3006");
    }
    int startTimeOffset = r.i32("StartTimeOffset");
    int endTimeOffset = r.i32("EndTimeOffset");
    int exceptionCount = r.count16(limits.maxExceptions(), "ExceptionCount");
    List<ExceptionInfo> exceptions = new ArrayList<>(exceptionCount);
    for (int i = 0; i < exceptionCount; i++) {
      exceptions.add(readExceptionInfo(r, i));
    }
    OpaqueBytes reserved1 = reserved(r, "ReservedBlock1");
    boolean highlight = writerVersion2 > AppointmentRecurrencePattern.LAST_WRITER_WITHOUT_HIGHLIGHT;
    List<ExtendedException> extended = new ArrayList<>(exceptionCount);
    for (int i = 0; i < exceptionCount; i++) {
      extended.add(readExtendedException(r, exceptions.get(i), highlight, i));
    }
    OpaqueBytes reserved2 = reserved(r, "ReservedBlock2");
    r.expectEnd("the AppointmentRecurrencePattern");
    try {
      return new AppointmentRecurrencePattern(
          pattern, readerVersion2, writerVersion2, startTimeOffset, endTimeOffset,
          exceptions, reserved1, extended, reserved2);
    } catch (IllegalArgumentException e) {
      throw new BlobFormatException("AppointmentRecurrencePattern: " + e.getMessage());
    }
  }

  public byte[] encode(RecurrencePattern pattern) {
    LittleEndianWriter w = new LittleEndianWriter(64 + 4 * pattern.deletedInstanceDates().size());
    writePattern(w, pattern);
    return w.toByteArray();
  }

  public byte[] encode(AppointmentRecurrencePattern a) {
    LittleEndianWriter w = new LittleEndianWriter(128 + 64 * a.exceptions().size());
    writePattern(w, a.pattern());
    w.i32(a.readerVersion2()).i32(a.writerVersion2());
    w.i32(a.startTimeOffset()).i32(a.endTimeOffset());
    w.u16(a.exceptions().size());
    for (ExceptionInfo e : a.exceptions()) {
      writeExceptionInfo(w, e);
    }
    w.i32(a.reservedBlock1().length()).bytes(a.reservedBlock1().toByteArray());
    for (int i = 0; i < a.exceptions().size(); i++) {
      writeExtendedException(w, a.exceptions().get(i), a.extendedExceptions().get(i));
    }
    w.i32(a.reservedBlock2().length()).bytes(a.reservedBlock2().toByteArray());
    return w.toByteArray();
  }

  private RecurrencePattern readPattern(LittleEndianReader r) throws BlobFormatException {
    r.expect16(VERSION, "ReaderVersion");
    r.expect16(VERSION, "WriterVersion");
    int freqCode = r.u16("RecurFrequency");
    RecurFrequency frequency = RecurFrequency.ofCode(freqCode);
    if (frequency == null) {
      throw r.error("unknown RecurFrequency 0x" + Integer.toHexString(freqCode));
    }
    int typeCode = r.u16("PatternType");
    PatternType type = PatternType.ofCode(typeCode);
    if (type == null) {
      throw r.error("unknown PatternType 0x" + Integer.toHexString(typeCode));
    }
    int calCode = r.u16("CalendarType");
    CalendarType calendar = CalendarType.ofCode(calCode);
    if (calendar == null) {
      throw r.error("unknown CalendarType 0x" + Integer.toHexString(calCode));
    }
    int firstDateTime = r.i32("FirstDateTime");
    int period = r.i32("Period");
    int sliding = r.i32("SlidingFlag");
    Set<java.time.DayOfWeek> days = Set.of();
    int dayOfMonth = 0;
    int nth = 0;
    if (type.hasDays()) {
      int mask = r.i32("PatternTypeSpecific.DaysOfWeek");
      if ((mask & ~0x7F) != 0) {
        throw r.error("DaysOfWeek mask 0x" + Integer.toHexString(mask) + " has bits that are no day");
      }
      days = RecurrencePattern.daysOfMask(mask);
      if (type.hasNth()) {
        nth = r.i32("PatternTypeSpecific.N");
      }
    } else if (type.hasDayOfMonth()) {
      dayOfMonth = r.i32("PatternTypeSpecific.Day");
    }
    int endCode = r.i32("EndType");
    EndType endType = EndType.ofCode(endCode);
    if (endType == null) {
      throw r.error("unknown EndType 0x" + Integer.toHexString(endCode));
    }
    int occurrenceCount = r.i32("OccurrenceCount");
    int firstDow = r.i32("FirstDOW");
    if (firstDow < 0 || firstDow > 6) {
      throw r.error("FirstDOW " + firstDow + " is not a day");
    }
    List<LocalDateTime> deleted = dates(r, "DeletedInstance");
    List<LocalDateTime> modified = dates(r, "ModifiedInstance");
    LocalDateTime startDate = MapiMinutes.toLocalDateTime(r.i32("StartDate"));
    LocalDateTime endDate = MapiMinutes.toLocalDateTime(r.i32("EndDate"));
    try {
      return new RecurrencePattern(
          frequency, type, calendar, firstDateTime, period, sliding, days, dayOfMonth, nth,
          endType, occurrenceCount, RecurrencePattern.dowOfCode(firstDow), deleted, modified,
          startDate, endDate);
    } catch (IllegalArgumentException e) {
      throw new BlobFormatException("RecurrencePattern: " + e.getMessage());
    }
  }

  private List<LocalDateTime> dates(LittleEndianReader r, String what) throws BlobFormatException {
    int n = r.count32(limits.maxInstanceDates(), what + "Count");
    if (4L * n > r.remaining()) {
      throw r.error(what + "Count " + n + " claims more dates than the blob holds");
    }
    List<LocalDateTime> dates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dates.add(MapiMinutes.toLocalDateTime(r.i32(what + "Dates")));
    }
    return dates;
  }

  private ExceptionInfo readExceptionInfo(LittleEndianReader r, int index) throws BlobFormatException {
    String at = "ExceptionInfo[" + index + "].";
    LocalDateTime start = MapiMinutes.toLocalDateTime(r.i32(at + "StartDateTime"));
    LocalDateTime end = MapiMinutes.toLocalDateTime(r.i32(at + "EndDateTime"));
    LocalDateTime original = MapiMinutes.toLocalDateTime(r.i32(at + "OriginalStartDate"));
    int flags = r.u16(at + "OverrideFlags");
    if ((flags & ~ExceptionInfo.KNOWN_FLAGS) != 0) {
      throw r.error(at + "OverrideFlags 0x" + Integer.toHexString(flags) + " has unknown bits");
    }
    String subject = (flags & ExceptionInfo.ARO_SUBJECT) != 0 ? ansi(r, at + "Subject") : null;
    Integer meetingType = optional32(r, flags, ExceptionInfo.ARO_MEETINGTYPE, at + "MeetingType");
    Integer reminderDelta = optional32(r, flags, ExceptionInfo.ARO_REMINDERDELTA, at + "ReminderDelta");
    Integer reminderSet = optional32(r, flags, ExceptionInfo.ARO_REMINDER, at + "ReminderSet");
    String location = (flags & ExceptionInfo.ARO_LOCATION) != 0 ? ansi(r, at + "Location") : null;
    Integer busy = optional32(r, flags, ExceptionInfo.ARO_BUSYSTATUS, at + "BusyStatus");
    Integer attachment = optional32(r, flags, ExceptionInfo.ARO_ATTACHMENT, at + "Attachment");
    Integer subType = optional32(r, flags, ExceptionInfo.ARO_SUBTYPE, at + "SubType");
    Integer color = optional32(r, flags, ExceptionInfo.ARO_APPTCOLOR, at + "AppointmentColor");
    try {
      return new ExceptionInfo(
          start, end, original, flags, subject, meetingType, reminderDelta, reminderSet,
          location, busy, attachment, subType, color);
    } catch (IllegalArgumentException e) {
      throw new BlobFormatException(at + " " + e.getMessage());
    }
  }

  /** Length (chars + 1), Length2 (chars), then the 8-bit chars: the two lengths must agree. */
  private String ansi(LittleEndianReader r, String what) throws BlobFormatException {
    int length = r.u16(what + "Length");
    int length2 = r.count16(limits.maxStringChars(), what + "Length2");
    if (length != length2 + 1) {
      throw r.error(what + "Length " + length + " is not " + what + "Length2 " + length2 + " + 1");
    }
    return r.bytesAsLatin1(length2, what);
  }

  private static Integer optional32(LittleEndianReader r, int flags, int flag, String what)
      throws BlobFormatException {
    return (flags & flag) != 0 ? r.i32(what) : null;
  }

  private OpaqueBytes reserved(LittleEndianReader r, String what) throws BlobFormatException {
    int size = r.count32(limits.maxReservedBytes(), what + "Size");
    return OpaqueBytes.of(r.bytes(size, what));
  }

  private ExtendedException readExtendedException(
      LittleEndianReader r, ExceptionInfo info, boolean highlight, int index) throws BlobFormatException {
    String at = "ExtendedException[" + index + "].";
    ExtendedException.ChangeHighlight change = null;
    if (highlight) {
      int size = r.count32(limits.maxReservedBytes(), at + "ChangeHighlightSize");
      if (size < 4) {
        throw r.error(at + "ChangeHighlightSize " + size + " has no room for the value");
      }
      int value = r.i32(at + "ChangeHighlightValue");
      change = new ExtendedException.ChangeHighlight(value, OpaqueBytes.of(r.bytes(size - 4, at + "ChangeHighlight.Reserved")));
    }
    OpaqueBytes ee1 = reserved(r, at + "ReservedBlockEE1");
    if (!info.has(ExceptionInfo.ARO_SUBJECT) && !info.has(ExceptionInfo.ARO_LOCATION)) {
      return new ExtendedException(change, ee1, null, null, null, null, null, OpaqueBytes.EMPTY);
    }
    LocalDateTime start = MapiMinutes.toLocalDateTime(r.i32(at + "StartDateTime"));
    LocalDateTime end = MapiMinutes.toLocalDateTime(r.i32(at + "EndDateTime"));
    LocalDateTime original = MapiMinutes.toLocalDateTime(r.i32(at + "OriginalStartDate"));
    String subject = null;
    if (info.has(ExceptionInfo.ARO_SUBJECT)) {
      int n = r.count16(limits.maxStringChars(), at + "WideCharSubjectLength");
      subject = r.utf16(n, at + "WideCharSubject");
    }
    String location = null;
    if (info.has(ExceptionInfo.ARO_LOCATION)) {
      int n = r.count16(limits.maxStringChars(), at + "WideCharLocationLength");
      location = r.utf16(n, at + "WideCharLocation");
    }
    OpaqueBytes ee2 = reserved(r, at + "ReservedBlockEE2");
    return new ExtendedException(change, ee1, start, end, original, subject, location, ee2);
  }

  private static void writePattern(LittleEndianWriter w, RecurrencePattern p) {
    w.u16(VERSION).u16(VERSION);
    w.u16(p.frequency().code()).u16(p.patternType().code()).u16(p.calendarType().code());
    w.i32(p.firstDateTime()).i32(p.period()).i32(p.slidingFlag());
    if (p.patternType().hasDays()) {
      w.i32(RecurrencePattern.dayMask(p.daysOfWeek()));
      if (p.patternType().hasNth()) {
        w.i32(p.nth());
      }
    } else if (p.patternType().hasDayOfMonth()) {
      w.i32(p.dayOfMonth());
    }
    w.i32(p.endType().code()).i32(p.occurrenceCount()).i32(RecurrencePattern.dowCode(p.firstDayOfWeek()));
    w.i32(p.deletedInstanceDates().size());
    p.deletedInstanceDates().forEach(d -> w.i32(MapiMinutes.fromLocalDateTime(d)));
    w.i32(p.modifiedInstanceDates().size());
    p.modifiedInstanceDates().forEach(d -> w.i32(MapiMinutes.fromLocalDateTime(d)));
    w.i32(MapiMinutes.fromLocalDateTime(p.startDate())).i32(MapiMinutes.fromLocalDateTime(p.endDate()));
  }

  private static void writeExceptionInfo(LittleEndianWriter w, ExceptionInfo e) {
    w.i32(MapiMinutes.fromLocalDateTime(e.startDateTime()));
    w.i32(MapiMinutes.fromLocalDateTime(e.endDateTime()));
    w.i32(MapiMinutes.fromLocalDateTime(e.originalStartDate()));
    w.u16(e.overrideFlags());
    if (e.subject() != null) {
      w.u16(e.subject().length() + 1).u16(e.subject().length()).latin1(e.subject());
    }
    optional(w, e.meetingType());
    optional(w, e.reminderDelta());
    optional(w, e.reminderSet());
    if (e.location() != null) {
      w.u16(e.location().length() + 1).u16(e.location().length()).latin1(e.location());
    }
    optional(w, e.busyStatus());
    optional(w, e.attachment());
    optional(w, e.subType());
    optional(w, e.appointmentColor());
  }

  private static void optional(LittleEndianWriter w, Integer v) {
    if (v != null) {
      w.i32(v);
    }
  }

  private static void writeExtendedException(LittleEndianWriter w, ExceptionInfo info, ExtendedException x) {
    if (x.changeHighlight() != null) {
      w.i32(4 + x.changeHighlight().reserved().length()).i32(x.changeHighlight().value());
      w.bytes(x.changeHighlight().reserved().toByteArray());
    }
    w.i32(x.reservedBlockEE1().length()).bytes(x.reservedBlockEE1().toByteArray());
    if (x.startDateTime() == null) {
      return;
    }
    w.i32(MapiMinutes.fromLocalDateTime(x.startDateTime()));
    w.i32(MapiMinutes.fromLocalDateTime(x.endDateTime()));
    w.i32(MapiMinutes.fromLocalDateTime(x.originalStartDate()));
    if (x.wideCharSubject() != null) {
      w.u16(x.wideCharSubject().length()).utf16(x.wideCharSubject());
    }
    if (x.wideCharLocation() != null) {
      w.u16(x.wideCharLocation().length()).utf16(x.wideCharLocation());
    }
    w.i32(x.reservedBlockEE2().length()).bytes(x.reservedBlockEE2().toByteArray());
  }
}
