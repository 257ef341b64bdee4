package io.convene.mapi.rop.folder;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/**
 * The RopDeleteFolder response after RopId, InputHandleIndex and ReturnValue (MS-OXCROPS 2.2.4.3.2,
 * MS-OXCFOLD 2.2.1.3.2): PartialCompletion, nonzero when contents kept the folder from being deleted.
 */
public record DeleteFolderResponse(boolean partialCompletion) {

  public void write(LittleEndianWriter out) {
    out.u8(partialCompletion ? 1 : 0);
  }

  public static DeleteFolderResponse read(LittleEndianReader in) throws WireFormatException {
    return new DeleteFolderResponse(in.u8("PartialCompletion") != 0);
  }
}
