package io.convene.convert.bridge;

import static io.convene.api.store.NamedProperty.PSETID_APPOINTMENT;
import static io.convene.api.store.PropType.PT_BINARY;

import io.convene.convert.props.PropDef;

/** The PSETID_Appointment properties of a series and its zone (MS-OXOCAL 2.2.1.44, 2.2.1.39-2.2.1.42). */
public final class SeriesProps {

  public static final PropDef APPOINTMENT_RECUR = PropDef.lid("PidLidAppointmentRecur", PSETID_APPOINTMENT, 0x8216, PT_BINARY);
  public static final PropDef TIME_ZONE_STRUCT = PropDef.lid("PidLidTimeZoneStruct", PSETID_APPOINTMENT, 0x8233, PT_BINARY);
  public static final PropDef TZ_DEFINITION_START_DISPLAY =
      PropDef.lid("PidLidAppointmentTimeZoneDefinitionStartDisplay", PSETID_APPOINTMENT, 0x825E, PT_BINARY);
  public static final PropDef TZ_DEFINITION_END_DISPLAY =
      PropDef.lid("PidLidAppointmentTimeZoneDefinitionEndDisplay", PSETID_APPOINTMENT, 0x825F, PT_BINARY);
  public static final PropDef TZ_DEFINITION_RECUR =
      PropDef.lid("PidLidAppointmentTimeZoneDefinitionRecur", PSETID_APPOINTMENT, 0x8260, PT_BINARY);

  private SeriesProps() {}
}
