package io.convene.convert.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits on iCalendar and vCard input, shared by the converters. */
@ObjectClassDefinition(
    name = "Convene conversion limits",
    description = "Bounds on iCalendar and vCard input accepted by the calendar, task and contact converters. "
        + "Input beyond a limit is rejected with an error, never partly imported.")
public @interface ConvertLimitsConfig {

  String PID = "io.convene.convert.limits";

  @AttributeDefinition(name = "iCalendar size", description = "Largest iCalendar object, in characters.", min = "1024")
  int icalendar_max_chars() default 4 << 20;

  @AttributeDefinition(name = "iCalendar components", description = "Most components (VEVENT, VTODO, VALARM...) in one object.", min = "2")
  int icalendar_max_components() default 2000;

  @AttributeDefinition(name = "iCalendar properties", description = "Most properties in one object, all components together.", min = "10")
  int icalendar_max_properties() default 50_000;

  @AttributeDefinition(name = "Attendees", description = "Most attendees of one event, on import and export.", min = "1")
  int max_attendees() default 1000;

  @AttributeDefinition(name = "vCard size", description = "Largest vCard text, in characters (photos are inline).", min = "1024")
  int vcard_max_chars() default 8 << 20;

  @AttributeDefinition(name = "vCards", description = "Most vCards in one text.", min = "1")
  int vcard_max_cards() default 1000;

  @AttributeDefinition(name = "vCard properties", description = "Most properties of one vCard.", min = "10")
  int vcard_max_properties() default 1000;

  @AttributeDefinition(name = "Photo size", description = "Largest contact photo, in bytes once decoded.", min = "1024")
  int vcard_max_photo_bytes() default 2 << 20;
}
