package io.convene.convert.bridge;

import io.convene.convert.binary.OpaqueBytes;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.ExtendedException;
import io.convene.convert.recurrence.RandomRecurrences;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random series as Outlook writes them (WriterVersion2 0x3009, no reserved bytes, the
 * 8-bit subject the code-page form of the Unicode one), whose exceptions change fields the
 * master has otherwise: subject, location, busy status, all-day flag and reminder.
 */
public final class OutlookSeries {

  private static final String[] WORDS = {"Review", "Réunion", "会議", "встреча", "a,b;c", "Zoë 📅", "x"};

  private final Random random;
  private final RandomRecurrences recurrences;

  public OutlookSeries(long seed) {
    this.random = new Random(seed);
    this.recurrences = new RandomRecurrences(seed ^ 0x5EED_5EEDL);
  }

  /** What the master says, which the exceptions then differ from. */
  public record Master(String subject, String location, int busyStatus, Integer reminderDelta) {}

  public AppointmentRecurrencePattern next(LocalDate earliest, int spanYears, Master master) throws Exception {
    AppointmentRecurrencePattern a = recurrences.series(earliest, spanYears);
    List<ExceptionInfo> infos = new ArrayList<>();
    List<ExtendedException> extended = new ArrayList<>();
    for (ExceptionInfo e : a.exceptions()) {
      String subject = random.nextBoolean() ? "moved " + word() : null;
      String location = random.nextBoolean() ? "room " + word() : null;
      Integer busy = random.nextBoolean() ? (master.busyStatus() + 1 + random.nextInt(4)) % 5 : null;
      Integer subType = random.nextInt(4) == 0 ? 1 : null;
      Integer reminderSet = null;
      Integer reminderDelta = null;
      if (random.nextBoolean()) {
        if (master.reminderDelta() == null) {
          reminderSet = 1;
          reminderDelta = random.nextInt(600);
        } else if (random.nextBoolean()) {
          reminderSet = 0;
        } else {
          reminderDelta = master.reminderDelta() + 1 + random.nextInt(100);
        }
      }
      int flags = (subject != null ? ExceptionInfo.ARO_SUBJECT : 0) | (location != null ? ExceptionInfo.ARO_LOCATION : 0)
          | (busy != null ? ExceptionInfo.ARO_BUSYSTATUS : 0) | (subType != null ? ExceptionInfo.ARO_SUBTYPE : 0)
          | (reminderSet != null ? ExceptionInfo.ARO_REMINDER : 0) | (reminderDelta != null ? ExceptionInfo.ARO_REMINDERDELTA : 0);
      ExceptionInfo info = new ExceptionInfo(e.startDateTime(), e.endDateTime(), e.originalStartDate(), flags,
          ansi(subject), null, reminderDelta, reminderSet, ansi(location), busy, null, subType, null);
      infos.add(info);
      extended.add(ExtendedException.of(info, subject, location, true));
    }
    return new AppointmentRecurrencePattern(a.pattern(), AppointmentRecurrencePattern.READER_VERSION_2,
        AppointmentRecurrencePattern.WRITER_VERSION_2, a.startTimeOffset(), a.endTimeOffset(), infos,
        OpaqueBytes.EMPTY, extended, OpaqueBytes.EMPTY);
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  /** The 8-bit form Outlook stores beside the Unicode one (characters outside Latin-1 become '?'). */
  static String ansi(String s) {
    return s == null ? null : new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
  }
}
