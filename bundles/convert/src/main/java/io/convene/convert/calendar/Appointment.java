package io.convene.convert.calendar;

import static io.convene.convert.props.NamedProps.APPOINTMENT_STATE_FLAGS;
import static io.convene.convert.props.NamedProps.CLEAN_GLOBAL_OBJECT_ID;
import static io.convene.convert.props.NamedProps.GLOBAL_OBJECT_ID;

import io.convene.api.convert.ConversionException;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import io.convene.convert.props.TaggedProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar semantics of an appointment or meeting message over its property bag and
 * recipient rows (MS-OXOCAL 2.2.1): identity (GOID / UID), meeting state flags, organizer and
 * attendees. Simple fields are read from the {@link #bag()} directly.
 */
public final class Appointment {

  /** PidLidAppointmentStateFlags bits (MS-OXOCAL 2.2.1.10). */
  public static final int ASF_MEETING = 0x1;
  public static final int ASF_RECEIVED = 0x2;
  public static final int ASF_CANCELED = 0x4;

  private final Bag bag;
  private final List<Map<PropTag, PropValue>> recipients;

  public Appointment(Bag bag, List<Map<PropTag, PropValue>> recipients) {
    this.bag = bag;
    this.recipients = new ArrayList<>(recipients);
  }

  public Bag bag() {
    return bag;
  }

  public List<Map<PropTag, PropValue>> recipients() {
    return recipients;
  }

  public int stateFlags() throws ConversionException {
    Integer flags = bag.integer(APPOINTMENT_STATE_FLAGS);
    return flags == null ? 0 : flags;
  }

  public boolean isMeeting() throws ConversionException {
    return (stateFlags() & ASF_MEETING) != 0 || !recipients.isEmpty();
  }

  /** The UID of the series: from PidLidGlobalObjectId, else PidLidCleanGlobalObjectId; or {@code null}. */
  public String uid() throws ConversionException {
    byte[] goid = bag.bytes(GLOBAL_OBJECT_ID);
    if (!GlobalObjectId.isValid(goid)) {
      goid = bag.bytes(CLEAN_GLOBAL_OBJECT_ID);
    }
    return GlobalObjectId.isValid(goid) ? GlobalObjectId.toUid(goid) : null;
  }

  /** Sets PidLidGlobalObjectId and PidLidCleanGlobalObjectId from a UID. */
  public void setUid(String uid) throws ConversionException {
    byte[] goid = GlobalObjectId.fromUid(uid);
    bag.put(GLOBAL_OBJECT_ID, goid);
    bag.put(CLEAN_GLOBAL_OBJECT_ID, GlobalObjectId.clean(goid));
  }

  /** The attendee rows, the organizer's own row (recipOrganizer) left out. */
  public List<Attendee> attendees() {
    List<Attendee> attendees = new ArrayList<>();
    for (Map<PropTag, PropValue> row : recipients) {
      Attendee a = attendee(row);
      if (!a.isOrganizer()) {
        attendees.add(a);
      }
    }
    return attendees;
  }

  /** The organizer's recipient row, if there is one. */
  public Attendee organizerRow() {
    for (Map<PropTag, PropValue> row : recipients) {
      Attendee a = attendee(row);
      if (a.isOrganizer()) {
        return a;
      }
    }
    return null;
  }

  /** Appends a recipient row for an attendee. */
  public void addAttendee(Attendee attendee) {
    recipients.add(row(attendee));
  }

  static Attendee attendee(Map<PropTag, PropValue> row) {
    String smtp = string(row, TaggedProps.SMTP_ADDRESS);
    if (smtp == null && "SMTP".equalsIgnoreCase(string(row, TaggedProps.ADDRESS_TYPE))) {
      smtp = string(row, TaggedProps.EMAIL_ADDRESS);
    }
    return new Attendee(
        string(row, TaggedProps.DISPLAY_NAME),
        smtp,
        integer(row, TaggedProps.RECIPIENT_TYPE, Attendee.TYPE_REQUIRED),
        integer(row, TaggedProps.RECIPIENT_TRACK_STATUS, Attendee.TRACK_NONE),
        integer(row, TaggedProps.RECIPIENT_FLAGS, Attendee.FLAG_SENDABLE));
  }

  /** The recipient row an imported attendee gets. */
  public static Map<PropTag, PropValue> row(Attendee a) {
    Map<PropTag, PropValue> row = new LinkedHashMap<>();
    put(row, TaggedProps.RECIPIENT_TYPE, a.recipientType());
    if (a.displayName() != null) {
      put(row, TaggedProps.DISPLAY_NAME, a.displayName());
    }
    if (a.email() != null) {
      put(row, TaggedProps.ADDRESS_TYPE, "SMTP");
      put(row, TaggedProps.EMAIL_ADDRESS, a.email());
      put(row, TaggedProps.SMTP_ADDRESS, a.email());
    }
    put(row, TaggedProps.RECIPIENT_FLAGS, a.flags());
    put(row, TaggedProps.RECIPIENT_TRACK_STATUS, a.trackStatus());
    return row;
  }

  private static void put(Map<PropTag, PropValue> row, PropDef def, Object value) {
    PropTag tag = def.taggedTag();
    row.put(tag, PropValue.of(tag, value));
  }

  private static String string(Map<PropTag, PropValue> row, PropDef def) {
    PropTag tag = def.taggedTag();
    PropValue v = row.get(tag);
    if (v == null) {
      v = row.get(tag.withType(io.convene.api.store.PropType.PT_STRING8));
    }
    return v == null ? null : v.asString();
  }

  private static int integer(Map<PropTag, PropValue> row, PropDef def, int fallback) {
    PropValue v = row.get(def.taggedTag());
    return v == null ? fallback : v.asInt();
  }
}
