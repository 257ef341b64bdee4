package io.convene.mapi.rop.message;

import io.convene.api.store.AttachmentInfo;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
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
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.objects.MessageObject;
import io.convene.mapi.rop.store.StoreErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RopOpenMessage, RopSaveChangesMessage ({@link SaveChangesMessage}), RopReadRecipients ({@link
 * ReadRecipients}) and RopGetValidAttachments. OpenMessage answers the recipient rows that fit
 * ({@link OpenMessageRecipients}); the client reads the rest with RopReadRecipients. ReadWrite needs
 * EditOwned or EditAny on the folder (else ecAccessDenied); BestAccess falls back to read-only.
 */
public final class MessageRops implements RopFamily {

  public static final int OPEN_MESSAGE = 0x03;
  public static final int GET_VALID_ATTACHMENTS = 0x52;
  public static final int SAVE_CHANGES_MESSAGE = 0x0C;

  static final PropTag SUBJECT_PREFIX = PropTag.of(0x003D, PropType.PT_UNICODE);
  static final PropTag NORMALIZED_SUBJECT = PropTag.of(0x0E1D, PropType.PT_UNICODE);

  /** TypedString StringType (MS-OXCROPS 2.2.6.1.2): none, empty, UTF-16. */
  static final int STRING_NONE = 0x00;
  static final int STRING_EMPTY = 0x01;
  static final int STRING_UNICODE = 0x04;

  /** RopOpenMessage request (2.2.6.1.1). */
  public record OpenMessageRequest(
      RopHeader header, int outputHandleIndex, int codePageId, long folderId, int openModeFlags, long messageId)
      implements RopRequest {
    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }

    static OpenMessageRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int output = in.u8("OutputHandleIndex");
      int codePage = in.u16("CodePageId");
      long folder = u64(in, "FolderId");
      int mode = in.u8("OpenModeFlags");
      return new OpenMessageRequest(header, output, codePage, folder, mode, u64(in, "MessageId"));
    }

    public void write(LittleEndianWriter out) {
      out.u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex()).u8(outputHandleIndex);
      out.u16(codePageId);
      u64(out, folderId);
      out.u8(openModeFlags);
      u64(out, messageId);
    }
  }

  /** RopGetValidAttachments request (2.2.6.17.1): nothing after the header. */
  public record GetValidAttachmentsRequest(RopHeader header) implements RopRequest {
    static GetValidAttachmentsRequest decode(RopHeader header, LittleEndianReader in) {
      return new GetValidAttachmentsRequest(header);
    }
  }

  @Override
  public void register(RopRegistry.Builder registry) {
    registry.add(RopDefinition.of(OPEN_MESSAGE, "RopOpenMessage", OpenMessageRequest::decode, MessageRops::open));
    registry.add(RopDefinition.of(GET_VALID_ATTACHMENTS, "RopGetValidAttachments",
        GetValidAttachmentsRequest::decode, MessageRops::validAttachments));
    registry.add(RopDefinition.of(SAVE_CHANGES_MESSAGE, "RopSaveChangesMessage",
        SaveChangesMessage.Request::decode, SaveChangesMessage::handle));
    registry.add(RopDefinition.of(ReadRecipients.ROP_ID, "RopReadRecipients",
        ReadRecipients.Request::decode, ReadRecipients::handle));
  }

  private static void open(OpenMessageRequest request, RopCall call) throws RopException {
    Object input = call.inputObject();
    MailboxLogon logon;
    if (input instanceof MailboxLogon l) {
      logon = l;
    } else if (input instanceof FolderObject folder) {
      logon = folder.logon();
    } else {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "OpenMessage on a " + input.getClass().getSimpleName());
    }
    FolderId folderId = FolderId.fromLong(request.folderId());
    MessageId messageId = MessageId.fromLong(request.messageId());
    StoredItem item;
    List<Map<PropTag, PropValue>> recipients;
    try {
      item = logon.mailbox().item(messageId);
      recipients = logon.mailbox().recipients(messageId);
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    if (!item.folderId().equals(folderId)) {
      throw new RopException(StoreErrors.NOT_FOUND, "message " + messageId + " is not in folder " + folderId);
    }
    boolean writable = MessageAccess.writable(logon, folderId, request.openModeFlags());
    LittleEndianWriter out = new LittleEndianWriter();
    out.u8(request.header().ropId()).u8(request.outputHandleIndex()).u32(ErrorCodes.SUCCESS);
    boolean named = item.properties().keySet().stream().anyMatch(PropTag::isNamed);
    out.u8(named ? 1 : 0);
    typedString(out, item.property(SUBJECT_PREFIX));
    typedString(out, item.property(NORMALIZED_SUBJECT));
    OpenMessageRecipients.write(out, recipients, call.remainingOutput() - out.size());
    // A response too long even without rows becomes RopBufferTooSmall; the message stays unopened.
    if (out.size() <= call.remainingOutput()) {
      call.putObject(request.outputHandleIndex(),
          new MessageObject(logon, folderId, item, request.openModeFlags(), writable));
    }
    call.out().bytes(out.toByteArray());
  }

  static void typedString(LittleEndianWriter out, Optional<PropValue> value) {
    if (value.isEmpty()) {
      out.u8(STRING_NONE);
    } else if (value.get().asString().isEmpty()) {
      out.u8(STRING_EMPTY);
    } else {
      out.u8(STRING_UNICODE).utf16z(value.get().asString());
    }
  }

  private static void validAttachments(GetValidAttachmentsRequest request, RopCall call) throws RopException {
    MessageObject message = call.inputObject(MessageObject.class);
    List<AttachmentInfo> attachments;
    try {
      attachments = message.logon().mailbox().attachments(message.id());
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    LittleEndianWriter out = call.out();
    out.u8(request.header().ropId()).u8(request.header().inputHandleIndex()).u32(ErrorCodes.SUCCESS);
    out.u16(attachments.size());
    for (AttachmentInfo attachment : attachments) {
      out.u32(attachment.number() & 0xffffffffL);
    }
  }

  static long u64(LittleEndianReader in, String what) throws WireFormatException {
    long low = in.u32(what);
    return low | in.u32(what) << 32;
  }

  static void u64(LittleEndianWriter out, long value) {
    out.u32(value & 0xffffffffL).u32(value >>> 32);
  }
}
