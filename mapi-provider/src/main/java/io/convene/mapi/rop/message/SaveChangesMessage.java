package io.convene.mapi.rop.message;

import io.convene.api.store.Mailbox;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.rop.objects.MessageObject;
import io.convene.mapi.rop.store.StoreErrors;

/**
 * RopSaveChangesMessage (MS-OXCMSG 2.2.3.3, 3.2.5.3; MS-OXCROPS 2.2.6.3): commits the changes
 * buffered on an open message with one {@link Mailbox#updateItem} (one transaction, one change of
 * the item). If the item changed in the store since this handle read it, the save is refused with
 * ecObjectModified unless ForceSave asks to overwrite. The check and the update are two store
 * calls, so a change landing between them is overwritten as if ForceSave had been given: the store
 * API has no conditional update yet.
 */
public final class SaveChangesMessage {

  /** SaveFlags (MS-OXCMSG 2.2.3.3.1); other bits are ignored, as the spec says. */
  public static final int KEEP_OPEN_READ_ONLY = 0x01;
  public static final int KEEP_OPEN_READ_WRITE = 0x02;
  public static final int FORCE_SAVE = 0x04;

  /** ecObjectModified (MS-OXCDATA 2.4.1): the object changed since it was opened. */
  public static final int OBJECT_MODIFIED = 0x80040109;

  private SaveChangesMessage() {}

  /**
   * The request (MS-OXCROPS 2.2.6.3.1). Its third byte is the ResponseHandleIndex (the containing
   * folder) and the InputHandleIndex (the message) follows it, so the decoder rebuilds the header
   * with the real input index.
   */
  public record Request(RopHeader header, int responseHandleIndex, int saveFlags) implements RopRequest {

    public static Request decode(RopHeader raw, LittleEndianReader in) throws WireFormatException {
      int input = in.u8("InputHandleIndex");
      int flags = in.u8("SaveFlags");
      return new Request(new RopHeader(raw.ropId(), raw.logonId(), input), raw.inputHandleIndex(), flags);
    }

    public void write(LittleEndianWriter out) {
      out.u8(header.ropId()).u8(header.logonId()).u8(responseHandleIndex).u8(header.inputHandleIndex());
      out.u8(saveFlags);
    }

    boolean force() {
      return (saveFlags & FORCE_SAVE) != 0;
    }

    /** KeepOpenReadOnly alone lowers the access; KeepOpenReadWrite and ForceSave keep it. */
    boolean keepWritable() {
      return (saveFlags & KEEP_OPEN_READ_ONLY) == 0 || (saveFlags & (KEEP_OPEN_READ_WRITE | FORCE_SAVE)) != 0;
    }
  }

  static void handle(Request request, RopCall call) throws RopException {
    MessageObject message = call.inputObject(MessageObject.class);
    if (!message.writable()) {
      throw new RopException(StoreErrors.ACCESS_DENIED, "message " + message.id() + " is open read-only");
    }
    Mailbox mailbox = message.logon().mailbox();
    try {
      if (request.force()) {
        mailbox.updateItem(message.id(), message.pendingSets(), message.pendingRemovals());
      } else {
        // checked and written in one store transaction: a change landing between a read and the
        // write would otherwise be overwritten as if ForceSave were set
        mailbox.updateItem(message.id(), message.snapshot().changeNumber(), message.pendingSets(), message.pendingRemovals());
      }
      message.saved(mailbox.item(message.id()), request.keepWritable());
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    writeResponse(call.out(), request.responseHandleIndex(), request.header().inputHandleIndex(), message.id().toLong());
  }

  /** The success response (MS-OXCROPS 2.2.6.3.2): RopId, ResponseHandleIndex, ReturnValue, InputHandleIndex, MessageId. */
  static void writeResponse(LittleEndianWriter out, int responseHandleIndex, int inputHandleIndex, long messageId) {
    out.u8(MessageRops.SAVE_CHANGES_MESSAGE).u8(responseHandleIndex).u32(ErrorCodes.SUCCESS);
    out.u8(inputHandleIndex);
    MessageRops.u64(out, messageId);
  }
}
