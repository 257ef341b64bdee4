package io.convene.convert.props;

import static io.convene.api.store.NamedProperty.PSETID_ADDRESS;
import static io.convene.api.store.NamedProperty.PSETID_APPOINTMENT;
import static io.convene.api.store.NamedProperty.PSETID_COMMON;
import static io.convene.api.store.NamedProperty.PSETID_MEETING;
import static io.convene.api.store.NamedProperty.PSETID_TASK;
import static io.convene.api.store.NamedProperty.PS_PUBLIC_STRINGS;
import static io.convene.api.store.PropType.PT_BINARY;
import static io.convene.api.store.PropType.PT_BOOLEAN;
import static io.convene.api.store.PropType.PT_DOUBLE;
import static io.convene.api.store.PropType.PT_LONG;
import static io.convene.api.store.PropType.PT_MV_UNICODE;
import static io.convene.api.store.PropType.PT_SYSTIME;
import static io.convene.api.store.PropType.PT_UNICODE;
import static io.convene.convert.props.PropDef.lid;
import static io.convene.convert.props.PropDef.named;

import java.util.UUID;

/** Named properties the converters use, with LIDs and types from MS-OXPROPS section 2. */
public final class NamedProps {

  private NamedProps() {}

  /**
   * Convene's own property set for iCalendar and vCard properties without a MAPI counterpart,
   * kept by name so that a round trip returns them.
   */
  public static final UUID PSETID_CONVENE_INTERNET =
      UUID.fromString("6f1c5e2a-9d3b-4c7e-8a51-c0a7e3b2d914");

  // PSETID_Appointment (MS-OXOCAL 2.2.1)
  public static final PropDef APPOINTMENT_SEQUENCE = lid("PidLidAppointmentSequence", PSETID_APPOINTMENT, 0x8201, PT_LONG);
  public static final PropDef BUSY_STATUS = lid("PidLidBusyStatus", PSETID_APPOINTMENT, 0x8205, PT_LONG);
  public static final PropDef LOCATION = lid("PidLidLocation", PSETID_APPOINTMENT, 0x8208, PT_UNICODE);
  public static final PropDef APPOINTMENT_START_WHOLE = lid("PidLidAppointmentStartWhole", PSETID_APPOINTMENT, 0x820D, PT_SYSTIME);
  public static final PropDef APPOINTMENT_END_WHOLE = lid("PidLidAppointmentEndWhole", PSETID_APPOINTMENT, 0x820E, PT_SYSTIME);
  public static final PropDef APPOINTMENT_DURATION = lid("PidLidAppointmentDuration", PSETID_APPOINTMENT, 0x8213, PT_LONG);
  public static final PropDef APPOINTMENT_SUB_TYPE = lid("PidLidAppointmentSubType", PSETID_APPOINTMENT, 0x8215, PT_BOOLEAN);
  public static final PropDef APPOINTMENT_STATE_FLAGS = lid("PidLidAppointmentStateFlags", PSETID_APPOINTMENT, 0x8217, PT_LONG);
  public static final PropDef RESPONSE_STATUS = lid("PidLidResponseStatus", PSETID_APPOINTMENT, 0x8218, PT_LONG);
  public static final PropDef APPOINTMENT_REPLY_TIME = lid("PidLidAppointmentReplyTime", PSETID_APPOINTMENT, 0x8220, PT_SYSTIME);
  public static final PropDef RECURRING = lid("PidLidRecurring", PSETID_APPOINTMENT, 0x8223, PT_BOOLEAN);
  public static final PropDef INTENDED_BUSY_STATUS = lid("PidLidIntendedBusyStatus", PSETID_APPOINTMENT, 0x8224, PT_LONG);
  public static final PropDef FINVITED = lid("PidLidFInvited", PSETID_APPOINTMENT, 0x8229, PT_BOOLEAN);
  public static final PropDef TIME_ZONE_DESCRIPTION = lid("PidLidTimeZoneDescription", PSETID_APPOINTMENT, 0x8234, PT_UNICODE);
  public static final PropDef APPOINTMENT_PROPOSED_START_WHOLE = lid("PidLidAppointmentProposedStartWhole", PSETID_APPOINTMENT, 0x8250, PT_SYSTIME);
  public static final PropDef APPOINTMENT_PROPOSED_END_WHOLE = lid("PidLidAppointmentProposedEndWhole", PSETID_APPOINTMENT, 0x8251, PT_SYSTIME);
  public static final PropDef APPOINTMENT_COUNTER_PROPOSAL = lid("PidLidAppointmentCounterProposal", PSETID_APPOINTMENT, 0x8257, PT_BOOLEAN);

  // PSETID_Meeting (MS-OXOCAL 2.2.1.27, 2.2.1.28)
  public static final PropDef GLOBAL_OBJECT_ID = lid("PidLidGlobalObjectId", PSETID_MEETING, 0x0003, PT_BINARY);
  public static final PropDef CLEAN_GLOBAL_OBJECT_ID = lid("PidLidCleanGlobalObjectId", PSETID_MEETING, 0x0023, PT_BINARY);
  public static final PropDef OWNER_CRITICAL_CHANGE = lid("PidLidOwnerCriticalChange", PSETID_MEETING, 0x001A, PT_SYSTIME);
  public static final PropDef ATTENDEE_CRITICAL_CHANGE = lid("PidLidAttendeeCriticalChange", PSETID_MEETING, 0x0001, PT_SYSTIME);

  // PSETID_Common (MS-OXORMDR 2.2.1, MS-OXCMSG)
  public static final PropDef REMINDER_DELTA = lid("PidLidReminderDelta", PSETID_COMMON, 0x8501, PT_LONG);
  public static final PropDef REMINDER_TIME = lid("PidLidReminderTime", PSETID_COMMON, 0x8502, PT_SYSTIME);
  public static final PropDef REMINDER_SET = lid("PidLidReminderSet", PSETID_COMMON, 0x8503, PT_BOOLEAN);
  public static final PropDef PRIVATE = lid("PidLidPrivate", PSETID_COMMON, 0x8506, PT_BOOLEAN);
  public static final PropDef COMMON_START = lid("PidLidCommonStart", PSETID_COMMON, 0x8516, PT_SYSTIME);
  public static final PropDef COMMON_END = lid("PidLidCommonEnd", PSETID_COMMON, 0x8517, PT_SYSTIME);
  public static final PropDef REMINDER_SIGNAL_TIME = lid("PidLidReminderSignalTime", PSETID_COMMON, 0x8560, PT_SYSTIME);

  // PSETID_Task (MS-OXOTASK 2.2.2.2)
  public static final PropDef TASK_STATUS = lid("PidLidTaskStatus", PSETID_TASK, 0x8101, PT_LONG);
  public static final PropDef PERCENT_COMPLETE = lid("PidLidPercentComplete", PSETID_TASK, 0x8102, PT_DOUBLE);
  public static final PropDef TASK_START_DATE = lid("PidLidTaskStartDate", PSETID_TASK, 0x8104, PT_SYSTIME);
  public static final PropDef TASK_DUE_DATE = lid("PidLidTaskDueDate", PSETID_TASK, 0x8105, PT_SYSTIME);
  public static final PropDef TASK_DATE_COMPLETED = lid("PidLidTaskDateCompleted", PSETID_TASK, 0x810F, PT_SYSTIME);
  public static final PropDef TASK_COMPLETE = lid("PidLidTaskComplete", PSETID_TASK, 0x811C, PT_BOOLEAN);

  // PSETID_Address (MS-OXOCNTC 2.2.1)
  public static final PropDef FILE_UNDER = lid("PidLidFileUnder", PSETID_ADDRESS, 0x8005, PT_UNICODE);
  public static final PropDef HAS_PICTURE = lid("PidLidHasPicture", PSETID_ADDRESS, 0x8015, PT_BOOLEAN);
  public static final PropDef INSTANT_MESSAGING_ADDRESS = lid("PidLidInstantMessagingAddress", PSETID_ADDRESS, 0x8062, PT_UNICODE);
  public static final PropDef WORK_ADDRESS_STREET = lid("PidLidWorkAddressStreet", PSETID_ADDRESS, 0x8045, PT_UNICODE);
  public static final PropDef WORK_ADDRESS_CITY = lid("PidLidWorkAddressCity", PSETID_ADDRESS, 0x8046, PT_UNICODE);
  public static final PropDef WORK_ADDRESS_STATE = lid("PidLidWorkAddressState", PSETID_ADDRESS, 0x8047, PT_UNICODE);
  public static final PropDef WORK_ADDRESS_POSTAL_CODE = lid("PidLidWorkAddressPostalCode", PSETID_ADDRESS, 0x8048, PT_UNICODE);
  public static final PropDef WORK_ADDRESS_COUNTRY = lid("PidLidWorkAddressCountry", PSETID_ADDRESS, 0x8049, PT_UNICODE);
  public static final PropDef WORK_ADDRESS_PO_BOX = lid("PidLidWorkAddressPostOfficeBox", PSETID_ADDRESS, 0x804A, PT_UNICODE);

  /** PidLidEmail1..3 DisplayName, AddressType, EmailAddress, OriginalDisplayName (0x8080 + 0x10 n). */
  public static final PropDef[] EMAIL_DISPLAY_NAME = emails("DisplayName", 0x8080);
  public static final PropDef[] EMAIL_ADDRESS_TYPE = emails("AddressType", 0x8082);
  public static final PropDef[] EMAIL_EMAIL_ADDRESS = emails("EmailAddress", 0x8083);
  public static final PropDef[] EMAIL_ORIGINAL_DISPLAY_NAME = emails("OriginalDisplayName", 0x8084);

  /** The iCalendar / vCard UID of a task or contact, which have no Global Object ID. */
  public static final PropDef INTERNET_UID = named("InternetUid", PSETID_CONVENE_INTERNET, "UID", PT_UNICODE);

  // PS_PUBLIC_STRINGS
  public static final PropDef KEYWORDS = named("PidNameKeywords", PS_PUBLIC_STRINGS, "Keywords", PT_MV_UNICODE);

  private static PropDef[] emails(String suffix, int first) {
    PropDef[] defs = new PropDef[3];
    for (int i = 0; i < 3; i++) {
      defs[i] = lid("PidLidEmail" + (i + 1) + suffix, PSETID_ADDRESS, first + 0x10 * i, PT_UNICODE);
    }
    return defs;
  }
}
