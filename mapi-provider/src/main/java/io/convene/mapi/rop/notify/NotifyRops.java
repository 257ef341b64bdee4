package io.convene.mapi.rop.notify;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.rop.objects.MailboxLogon;

/** RopRegisterNotification: validates the request and holds the registration as a server object. */
public final class NotifyRops implements RopFamily {

  public static final int REGISTER_NOTIFICATION = 0x29;

  /** What a client asked to be told about; nothing is delivered yet. */
  public record Registration(MailboxLogon logon, int notificationTypes, boolean wholeStore, long folderId, long messageId) {}

  /** RopRegisterNotification request (2.2.14.1.1); FolderId and MessageId only without WantWholeStore. */
  public record RegisterNotificationRequest(
      RopHeader header, int outputHandleIndex, int notificationTypes, int reserved, boolean wantWholeStore,
      long folderId, long messageId) implements RopRequest {
    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }

    static RegisterNotificationRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int output = in.u8("OutputHandleIndex");
      int types = in.u8("NotificationTypes");
      int reserved = in.u8("Reserved");
      boolean whole = in.u8("WantWholeStore") != 0;
      long folder = 0;
      long message = 0;
      if (!whole) {
        folder = u64(in, "FolderId");
        message = u64(in, "MessageId");
      }
      return new RegisterNotificationRequest(header, output, types, reserved, whole, folder, message);
    }

    public void write(LittleEndianWriter out) {
      out.u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex());
      out.u8(outputHandleIndex).u8(notificationTypes).u8(reserved).u8(wantWholeStore ? 1 : 0);
      if (!wantWholeStore) {
        out.u32(folderId & 0xffffffffL).u32(folderId >>> 32).u32(messageId & 0xffffffffL).u32(messageId >>> 32);
      }
    }
  }

  /** NotificationTypes bits defined by MS-OXCROPS 2.2.14.1.1 (NewMail 0x02 .. Extended 0x80). */
  static final int VALID_TYPES = 0x02 | 0x04 | 0x08 | 0x10 | 0x20 | 0x40 | 0x80;

  @Override
  public void register(RopRegistry.Builder registry) {
    registry.add(RopDefinition.of(REGISTER_NOTIFICATION, "RopRegisterNotification",
        RegisterNotificationRequest::decode, NotifyRops::register));
  }

  private static void register(RegisterNotificationRequest request, RopCall call) throws RopException {
    MailboxLogon logon = call.inputObject(MailboxLogon.class);
    if (request.notificationTypes() == 0 || (request.notificationTypes() & ~VALID_TYPES) != 0) {
      throw new RopException(ErrorCodes.INVALID_PARAMETER, "NotificationTypes 0x" + Integer.toHexString(request.notificationTypes()));
    }
    call.putObject(request.outputHandleIndex(), new Registration(
        logon, request.notificationTypes(), request.wantWholeStore(), request.folderId(), request.messageId()));
    call.out().u8(request.header().ropId()).u8(request.outputHandleIndex()).u32(ErrorCodes.SUCCESS);
  }

  static long u64(LittleEndianReader in, String what) throws WireFormatException {
    long low = in.u32(what);
    return low | in.u32(what) << 32;
  }
}
