package io.convene.api.convert;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Tasks ({@code IPM.Task}, MS-OXOTASK) to and from VTODO (RFC 5545 3.6.2, MS-OXCICAL). */
@ProviderType
public interface TaskConverter {

  /**
   * The iCalendar text of a task: a VCALENDAR holding one VTODO.
   *
   * @throws ConversionException if the task is over a limit
   */
  ConversionResult<String> toICalendar(ItemContent task, NamedPropertyIds ids)
      throws ConversionException;

  /**
   * One task per VTODO of an iCalendar object.
   *
   * @throws ConversionException if the text is malformed or over a limit
   */
  ConversionResult<List<ItemContent>> fromICalendar(String icalendar, NamedPropertyIds ids)
      throws ConversionException;
}
