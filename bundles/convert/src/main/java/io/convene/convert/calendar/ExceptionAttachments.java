package io.convene.convert.calendar;

import static io.convene.api.store.NamedProperty.PSETID_APPOINTMENT;
import static io.convene.api.store.PropType.PT_SYSTIME;

import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.convert.ical.ICalComponent;
import io.convene.convert.ical.ICalProperty;
import io.convene.convert.ical.ICalWriter;
import io.convene.convert.props.Bag;
import io.convene.convert.props.PropDef;
import io.convene.convert.props.PreservedProperty;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Attachment object of a modified instance of a recurring appointment (MS-OXOCAL 2.2.10.1):
 * hidden, afEmbeddedMessage, flagged afException, with the instance it replaces and its new start
 * and end; its embedded message (2.2.10.2) is the instance itself, converted as an overriding
 * VEVENT. Attachment properties that do not follow from the override travel on it as {@code
 * X-CONVENE-ATTACH-PROP} (same encoding as {@code X-CONVENE-PROP}).
 */
final class ExceptionAttachments {

  /** PidTagMessageClass of an Exception Embedded Message (MS-OXOCAL 2.2.10.2.1). */
  static final String EXCEPTION_CLASS = "IPM.OLE.CLASS.{00061055-0000-0000-C000-000000000046}";
  /** Attachment properties kept on the override. */
  static final String ATTACH_PROP = "X-CONVENE-ATTACH-PROP";
  /**
   * On an override whose attendees are the master's because the exception has recipient rows of
   * its own that equal the master's: without it, import reads such attendees as "the master's"
   * and gives the exception no rows.
   */
  static final String OWN_ATTENDEES = "X-CONVENE-OWN-ATTENDEES";

  static final PropDef ATTACH_METHOD = PropDef.tagged("PidTagAttachMethod", 0x37050003);
  static final PropDef ATTACHMENT_HIDDEN = PropDef.tagged("PidTagAttachmentHidden", 0x7FFE000B);
  static final PropDef ATTACHMENT_FLAGS = PropDef.tagged("PidTagAttachmentFlags", 0x7FFD0003);
  static final PropDef EXCEPTION_REPLACE_TIME = PropDef.tagged("PidTagExceptionReplaceTime", 0x7FF90040);
  static final PropDef EXCEPTION_START_TIME = PropDef.tagged("PidTagExceptionStartTime", 0x7FFB0040);
  static final PropDef EXCEPTION_END_TIME = PropDef.tagged("PidTagExceptionEndTime", 0x7FFC0040);
  /** PidLidExceptionReplaceTime (2.2.10.2.5), on the embedded message. */
  static final PropDef LID_EXCEPTION_REPLACE_TIME =
      PropDef.lid("PidLidExceptionReplaceTime", PSETID_APPOINTMENT, 0x8228, PT_SYSTIME);

  static final int AF_EMBEDDED_MESSAGE = 5;
  static final int AF_EXCEPTION = 0x2;

  private ExceptionAttachments() {}

  /**
   * The instance an attachment replaces (PidTagExceptionReplaceTime, else the embedded message's
   * PidLidExceptionReplaceTime), or {@code null} when it is no exception attachment.
   */
  static Instant replaceTime(AttachmentContent attachment, NamedPropertyIds ids) throws ConversionException {
    if (attachment.embedded() == null) {
      return null;
    }
    Bag bag = Bag.of(attachment.properties(), ids);
    Integer method = bag.integer(ATTACH_METHOD);
    if (method != null && method != AF_EMBEDDED_MESSAGE) {
      return null;
    }
    Instant replace = bag.time(EXCEPTION_REPLACE_TIME);
    return replace != null ? replace : Bag.of(attachment.embedded().properties(), ids).time(LID_EXCEPTION_REPLACE_TIME);
  }

  /** Writes the attachment's properties that import would not derive onto the override. */
  static void exportAttachment(AttachmentContent attachment, Instant replace, Instant start, Instant end, ZoneId zone,
      ICalComponent override, NamedPropertyIds ids, List<String> warnings) throws ConversionException {
    Bag bag = Bag.of(attachment.properties(), ids);
    for (Map.Entry<PropTag, PropValue> derived : derived(bag, replace, start, end, zone).entrySet()) {
      PropValue actual = attachment.properties().get(derived.getKey());
      if (derived.getValue().equals(actual)) {
        bag.consume(derived.getKey());
      }
    }
    // in tag order: the attachment's map has no order of its own, and the same item should give the same text
    List<PropValue> rest = new ArrayList<>(bag.unconsumed().values());
    rest.sort(java.util.Comparator.comparingLong(v -> v.tag().tag() & 0xFFFF_FFFFL));
    for (PropValue value : rest) {
      Map<String, String> params = PreservedProperty.parameters(value, bag);
      if (params == null) {
        warnings.add("exception attachment property " + value.tag() + " has no named-property mapping; not exported");
        continue;
      }
      override.add(new ICalProperty(ATTACH_PROP, params, PreservedProperty.value(value)));
    }
    if (!attachment.embedded().attachments().isEmpty()) {
      warnings.add("attachments of the exception at " + replace + " are not exported");
    }
  }

  /** The properties of the attachment for an override: the derived ones, then those it carries. */
  static Map<PropTag, PropValue> importAttachment(ICalComponent override, Instant replace, Instant start, Instant end,
      ZoneId zone, Bag master, List<String> warnings) throws ConversionException {
    Bag bag = master.sibling(); // kept named properties count against the conversion's budget
    derived(bag, replace, start, end, zone).values().forEach(bag::put);
    for (ICalProperty p : override.all(ATTACH_PROP)) {
      try {
        PreservedProperty.restore(p::param, p.value(), bag);
      } catch (IllegalArgumentException bad) {
        warnings.add("ignored malformed " + ATTACH_PROP + ": " + bad.getMessage());
      }
    }
    return bag.toMap();
  }

  private static Map<PropTag, PropValue> derived(Bag bag, Instant replace, Instant start, Instant end, ZoneId zone)
      throws ConversionException {
    Bag out = Bag.empty(bag.ids());
    out.put(ATTACH_METHOD, AF_EMBEDDED_MESSAGE);
    out.put(ATTACHMENT_HIDDEN, true);
    out.put(ATTACHMENT_FLAGS, AF_EXCEPTION);
    out.put(EXCEPTION_REPLACE_TIME, replace);
    if (start != null && end != null) {
      // 2.2.10.1.4/5: local times, written as if they were UTC; the series' zone is the local one
      out.put(EXCEPTION_START_TIME, start.atZone(zone).toLocalDateTime().toInstant(ZoneOffset.UTC));
      out.put(EXCEPTION_END_TIME, end.atZone(zone).toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
    return out.toMap();
  }

  /**
   * Marks {@code override} when the exception's own recipient rows came out as the master's
   * attendees, so that import gives the rows back rather than reading them as the master's.
   */
  static void markOwnAttendees(ItemContent exception, ICalComponent master, ICalComponent override) {
    if (!exception.recipients().isEmpty() && sameAttendees(master, override)) {
      override.add(new ICalProperty(OWN_ATTENDEES, "TRUE"));
    }
  }

  /**
   * Whether the exception keeps the override's attendees as recipient rows of its own: when they
   * differ from the master's, or the override is marked ({@link #OWN_ATTENDEES}). Removes the mark.
   */
  static boolean takeOwnAttendees(ICalComponent master, ICalComponent override) {
    boolean marked = false;
    for (ICalProperty p : override.all(OWN_ATTENDEES)) {
      marked |= "TRUE".equalsIgnoreCase(p.value().trim());
    }
    override.properties().removeIf(p -> p.name().equals(OWN_ATTENDEES));
    return marked || !sameAttendees(master, override);
  }

  /** Whether the override names the same attendees as the master, line for line. */
  static boolean sameAttendees(ICalComponent master, ICalComponent override) {
    return attendeeLines(master).equals(attendeeLines(override));
  }

  private static List<String> attendeeLines(ICalComponent event) {
    List<String> lines = new ArrayList<>();
    for (ICalProperty p : event.all("ATTENDEE")) {
      lines.add(ICalWriter.line(p));
    }
    return lines;
  }

  /**
   * Copies the master's organizer and attendees onto an override that names none: an override is
   * the whole instance (RFC 5545 3.8.4.4), and an exception without recipient rows of its own has
   * the master's.
   */
  static void copyPeople(ICalComponent master, ICalComponent override) {
    boolean organizer = override.property("ORGANIZER") == null;
    boolean attendees = override.property("ATTENDEE") == null;
    for (ICalProperty p : master.properties()) {
      if (organizer && p.name().equals("ORGANIZER") || attendees && p.name().equals("ATTENDEE")) {
        override.add(p);
      }
    }
  }

  /** An attachment embedding {@code message}. */
  static AttachmentContent attachment(Map<PropTag, PropValue> properties, ItemContent message) {
    return AttachmentContent.embedding(properties, message);
  }
}
