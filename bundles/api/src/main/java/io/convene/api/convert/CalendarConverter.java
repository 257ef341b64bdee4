package io.convene.api.convert;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appointments and meeting messages to and from iCalendar (MS-OXCICAL, RFC 5545, RFC 5546).
 *
 * <p>An appointment ({@code IPM.Appointment}) becomes a VCALENDAR without METHOD holding one
 * VEVENT, as CalDAV stores it; a meeting message becomes an iTIP object whose METHOD follows its
 * message class: {@code IPM.Schedule.Meeting.Request} REQUEST, {@code .Resp.Pos}, {@code
 * .Resp.Neg}, {@code .Resp.Tent} REPLY (PARTSTAT ACCEPTED, DECLINED, TENTATIVE), {@code
 * .Canceled} CANCEL; a response carrying a proposed time is a COUNTER. Importing does the
 * reverse. The series' recurrence (PidLidAppointmentRecur) is converted by a separate recurrence
 * component when one is present.
 */
@ProviderType
public interface CalendarConverter {

  /**
   * The iCalendar text of an appointment or meeting message.
   *
   * @param item the item, with PidTagMessageClass; attendees are its recipient rows
   * @param ids the mapping of the item's named properties
   * @return VCALENDAR text with CRLF line ends, folded at 75 octets
   * @throws ConversionException if a required property (the start) is missing or the item is over
   *     a limit
   */
  ConversionResult<String> toICalendar(ItemContent item, NamedPropertyIds ids)
      throws ConversionException;

  /**
   * The items an iCalendar object describes: one per VEVENT that is not an override of another
   * (RECURRENCE-ID); its message class follows METHOD as for {@link #toICalendar}.
   *
   * @param icalendar VCALENDAR text
   * @param ids the mapping to use for named properties; new mappings are created
   * @return the items, in the order of their VEVENTs
   * @throws ConversionException if the text is malformed, over a limit, or a VEVENT lacks DTSTART
   */
  ConversionResult<List<ItemContent>> fromICalendar(String icalendar, NamedPropertyIds ids)
      throws ConversionException;
}
