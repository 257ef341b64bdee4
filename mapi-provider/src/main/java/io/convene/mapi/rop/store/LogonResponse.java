package io.convene.mapi.rop.store;

import io.convene.api.store.Guids;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The RopLogon success response for a private mailbox (MS-OXCROPS 2.2.3.1.2, MS-OXCSTOR
 * 2.2.1.1.3), after RopId, OutputHandleIndex and ReturnValue.
 *
 * @param logonFlags the request's LogonFlags, echoed
 * @param folderIds the 13 FIDs in the order of {@link #FOLDER_ORDER}, as little-endian longs
 * @param responseFlags Reserved (always), OwnerRight, SendAsRight, OOF
 * @param mailboxGuid the mailbox
 * @param replId the REPLID of the logon
 * @param replGuid the REPLGUID
 * @param logonTime when the logon happened (sent as its UTC fields)
 * @param gwartTime PtypTime of the last GWART change as a FILETIME
 * @param storeState StoreState flags
 */
public record LogonResponse(
    int logonFlags,
    long[] folderIds,
    int responseFlags,
    UUID mailboxGuid,
    int replId,
    UUID replGuid,
    ZonedDateTime logonTime,
    long gwartTime,
    long storeState) {

  /** The 13 folders of the response, in order (MS-OXCSTOR 2.2.1.1.3). */
  public static final String[] FOLDER_ORDER = {
    "Root", "DeferredAction", "SpoolerQueue", "IpmSubtree", "Inbox", "Outbox", "SentItems",
    "DeletedItems", "CommonViews", "Schedule", "Search", "Views", "Shortcuts"
  };

  public static final int RESERVED = 0x01;
  public static final int OWNER_RIGHT = 0x02;
  public static final int SEND_AS_RIGHT = 0x04;

  public LogonResponse {
    if (folderIds.length != FOLDER_ORDER.length) {
      throw new IllegalArgumentException("a private logon names 13 folders, not " + folderIds.length);
    }
    folderIds = folderIds.clone();
    Objects.requireNonNull(mailboxGuid, "mailboxGuid");
    Objects.requireNonNull(replGuid, "replGuid");
    logonTime = logonTime.withZoneSameInstant(ZoneOffset.UTC);
  }

  @Override
  public long[] folderIds() {
    return folderIds.clone();
  }

  public void write(LittleEndianWriter out) {
    out.u8(logonFlags);
    for (long id : folderIds) {
      StoreRops.u64(out, id);
    }
    out.u8(responseFlags);
    out.bytes(Guids.toBytes(mailboxGuid));
    out.u16(replId);
    out.bytes(Guids.toBytes(replGuid));
    // LogonTime (MS-OXCROPS 2.2.3.1.2): Seconds, Minutes, Hour, DayOfWeek (0 = Sunday), Day, Month, Year.
    out.u8(logonTime.getSecond()).u8(logonTime.getMinute()).u8(logonTime.getHour());
    out.u8(logonTime.getDayOfWeek().getValue() % 7);
    out.u8(logonTime.getDayOfMonth()).u8(logonTime.getMonthValue()).u16(logonTime.getYear());
    StoreRops.u64(out, gwartTime);
    out.u32(storeState);
  }

  public static LogonResponse read(LittleEndianReader in) throws WireFormatException {
    int logonFlags = in.u8("LogonFlags");
    long[] ids = new long[FOLDER_ORDER.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = StoreRequests.u64(in, FOLDER_ORDER[i]);
    }
    int responseFlags = in.u8("ResponseFlags");
    UUID mailboxGuid = Guids.fromBytes(in.bytes(Guids.SIZE, "MailboxGuid"));
    int replId = in.u16("ReplId");
    UUID replGuid = Guids.fromBytes(in.bytes(Guids.SIZE, "ReplGuid"));
    int second = in.u8("Seconds");
    int minute = in.u8("Minutes");
    int hour = in.u8("Hour");
    int dayOfWeek = in.u8("DayOfWeek");
    int day = in.u8("Day");
    int month = in.u8("Month");
    int year = in.u16("Year");
    ZonedDateTime time;
    try {
      time = ZonedDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC);
    } catch (RuntimeException e) {
      throw new WireFormatException("LogonTime is not a date: " + e.getMessage());
    }
    if (time.getDayOfWeek().getValue() % 7 != dayOfWeek) {
      throw new WireFormatException("LogonTime DayOfWeek " + dayOfWeek + " does not match " + time.toLocalDate());
    }
    long gwart = StoreRequests.u64(in, "GwartTime");
    long storeState = in.u32("StoreState");
    return new LogonResponse(logonFlags, ids, responseFlags, mailboxGuid, replId, replGuid, time, gwart, storeState);
  }

  static int dayOfWeek(DayOfWeek day) {
    return day.getValue() % 7;
  }
}
