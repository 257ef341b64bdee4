package io.convene.convert.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.ItemContent;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.convert.bridge.Appointments;
import io.convene.convert.bridge.SeriesProps;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.PropDef;
import io.convene.convert.props.TaggedProps;
import io.convene.convert.recurrence.AppointmentRecurrencePattern;
import io.convene.convert.recurrence.ExceptionInfo;
import io.convene.convert.recurrence.ExtendedException;
import io.convene.convert.recurrence.RecurrenceBlobCodec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random series ({@link RandomAppointments}) with an Outlook-style exception attachment per
 * modified instance (MS-OXOCAL 2.2.10), its embedded message agreeing with the blob's
 * ExceptionInfo and carrying a body and, half the time, an attendee list of its own: after a trip
 * through iCalendar every property of the attachment and of its message is still there, the
 * recipient rows are the same, and the blob is stated by the rule (not kept as X-CONVENE-PROP).
 * The seed is printed on failure; rerun with {@code -Dconvert.seed=<seed>}.
 */
class ExceptionAttachmentPropertyTest {

  private static final int SERIES = 60;
  private static final PropDef ATTACH_METHOD = PropDef.tagged("PidTagAttachMethod", 0x37050003);
  private static final PropDef ATTACHMENT_HIDDEN = PropDef.tagged("PidTagAttachmentHidden", 0x7FFE000B);
  private static final PropDef ATTACHMENT_FLAGS = PropDef.tagged("PidTagAttachmentFlags", 0x7FFD0003);
  private static final PropDef EXCEPTION_REPLACE_TIME = PropDef.tagged("PidTagExceptionReplaceTime", 0x7FF90040);
  private static final PropDef LID_EXCEPTION_REPLACE_TIME =
      PropDef.lid("PidLidExceptionReplaceTime", NamedProperty.PSETID_APPOINTMENT, 0x8228, PropType.PT_SYSTIME);

  @Test
  void exceptionAttachmentsSurvive() throws Exception {
    long seed = Long.getLong("convert.seed", System.nanoTime());
    RandomAppointments generator = new RandomAppointments(seed);
    Random random = new Random(seed);
    VEventConverter converter = Appointments.converter();
    int series = 0;
    int attachments = 0;
    for (int i = 0; series < SERIES && i < SERIES * 50; i++) {
      InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
      ItemContent plain = generator.next(ids);
      byte[] blob = Bag.of(plain.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR);
      if (blob == null) {
        continue;
      }
      series++;
      String text = null;
      try {
        ItemContent original = withExceptionAttachments(plain, blob, ids, random);
        attachments += original.attachments().size();
        text = converter.toICalendar(original, ids).value();
        ItemContent back = converter.fromICalendar(text, ids).value().get(0);
        if (!text.contains(";LID=8216;")) {
          assertThat(back.attachments()).hasSameSizeAs(original.attachments());
        }
        assertThat(Bag.of(back.properties(), ids).bytes(SeriesProps.APPOINTMENT_RECUR)).isEqualTo(blob);
        for (AttachmentContent expected : original.attachments()) {
          Instant replace = Bag.of(expected.properties(), ids).time(EXCEPTION_REPLACE_TIME);
          AttachmentContent actual = back.attachments().stream()
              .filter(a -> replace.equals(time(a, ids))).findFirst().orElseThrow(() -> new AssertionError("no attachment for " + replace));
          assertThat(actual.properties()).containsAllEntriesOf(expected.properties());
          assertThat(actual.embedded().properties()).containsAllEntriesOf(expected.embedded().properties());
          assertThat(actual.embedded().recipients()).isEqualTo(expected.embedded().recipients());
        }
      } catch (AssertionError | Exception e) {
        throw new AssertionError("seed=" + seed + " case " + i + " (rerun with -Dconvert.seed=" + seed + ")\n" + text, e);
      }
    }
    assertThat(series).isEqualTo(SERIES);
    assertThat(attachments).as("exception attachments made").isPositive();
  }

  private static Instant time(AttachmentContent a, InMemoryNamedPropertyIds ids) {
    try {
      return Bag.of(a.properties(), ids).time(EXCEPTION_REPLACE_TIME);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The series with an exception attachment for each modified instance, agreeing with the blob. */
  private static ItemContent withExceptionAttachments(ItemContent series, byte[] blob, InMemoryNamedPropertyIds ids,
      Random random) throws Exception {
    Bag master = Bag.of(series.properties(), ids);
    String zoneName = master.string(NamedProps.TIME_ZONE_DESCRIPTION);
    ZoneId zone = zoneName == null ? ZoneOffset.UTC : Appointments.ZONES.zone(zoneName).orElseThrow();
    AppointmentRecurrencePattern a = new RecurrenceBlobCodec().decodeAppointment(blob);
    List<AttachmentContent> attachments = new ArrayList<>();
    for (int i = 0; i < a.exceptions().size(); i++) {
      ExceptionInfo e = a.exceptions().get(i);
      ExtendedException x = a.extendedExceptions().get(i);
      Instant replace = ZonedDateTime.of(e.originalStartDate(), zone).toInstant();
      Instant start = ZonedDateTime.of(e.startDateTime(), zone).toInstant();
      Instant end = ZonedDateTime.of(e.endDateTime(), zone).toInstant();
      Bag message = Bag.empty(ids);
      message.put(TaggedProps.MESSAGE_CLASS, "IPM.OLE.CLASS.{00061055-0000-0000-C000-000000000046}");
      message.put(LID_EXCEPTION_REPLACE_TIME, replace);
      message.put(NamedProps.APPOINTMENT_START_WHOLE, start);
      message.put(NamedProps.APPOINTMENT_END_WHOLE, end);
      message.put(TaggedProps.SUBJECT, e.has(ExceptionInfo.ARO_SUBJECT)
          ? (x.wideCharSubject() != null ? x.wideCharSubject() : e.subject()) : master.string(TaggedProps.SUBJECT));
      String location = e.has(ExceptionInfo.ARO_LOCATION)
          ? (x.wideCharLocation() != null ? x.wideCharLocation() : e.location()) : master.string(NamedProps.LOCATION);
      if (location != null) {
        message.put(NamedProps.LOCATION, location);
      }
      message.put(NamedProps.BUSY_STATUS, e.busyStatus() != null ? e.busyStatus() : master.integer(NamedProps.BUSY_STATUS));
      message.put(NamedProps.APPOINTMENT_SUB_TYPE, e.subType() != null ? e.subType() == 1 : Boolean.TRUE.equals(
          master.bool(NamedProps.APPOINTMENT_SUB_TYPE)));
      boolean masterReminder = Boolean.TRUE.equals(master.bool(NamedProps.REMINDER_SET));
      boolean reminder = e.reminderSet() != null ? e.reminderSet() == 1 : masterReminder;
      message.put(NamedProps.REMINDER_SET, reminder);
      if (reminder) {
        Integer delta = e.reminderDelta() != null ? e.reminderDelta()
            : masterReminder ? master.integer(NamedProps.REMINDER_DELTA) : null;
        message.put(NamedProps.REMINDER_DELTA, delta == null ? 15 : delta);
      }
      message.put(TaggedProps.BODY, "Exception " + i + " of seed-made series\r\nline two");
      List<Map<PropTag, PropValue>> rows = new ArrayList<>();
      // no rows (the master's attendees), rows of its own, or rows of its own equal to the master's
      int people = random.nextInt(3);
      String organizer = master.string(TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS);
      if (people > 0 && organizer != null) {
        for (PropDef def : List.of(TaggedProps.SENT_REPRESENTING_NAME, TaggedProps.SENT_REPRESENTING_SMTP_ADDRESS,
            TaggedProps.SENT_REPRESENTING_EMAIL_ADDRESS, TaggedProps.SENT_REPRESENTING_ADDRESS_TYPE)) {
          message.put(def, master.get(def).orElseThrow().value());
        }
      }
      if (people == 1) {
        if (organizer != null) {
          String name = master.string(TaggedProps.SENT_REPRESENTING_NAME);
          rows.add(Appointment.row(new Attendee(name, organizer, Attendee.TYPE_REQUIRED, Attendee.TRACK_ORGANIZED,
              Attendee.FLAG_SENDABLE | Attendee.FLAG_ORGANIZER)));
        }
        rows.add(Appointment.row(new Attendee("Only Once " + i, "once" + i + "@exception.example",
            1 + random.nextInt(3), Attendee.TRACK_NONE, Attendee.FLAG_SENDABLE)));
      } else if (people == 2) {
        rows.addAll(series.recipients());
      }
      Bag attachment = Bag.empty(ids);
      attachment.put(ATTACH_METHOD, 5);
      attachment.put(ATTACHMENT_HIDDEN, true);
      attachment.put(ATTACHMENT_FLAGS, 2);
      attachment.put(EXCEPTION_REPLACE_TIME, replace);
      attachments.add(AttachmentContent.embedding(attachment.toMap(), new ItemContent(message.toMap(), rows, List.of())));
    }
    return new ItemContent(series.properties(), series.recipients(), attachments);
  }
}
