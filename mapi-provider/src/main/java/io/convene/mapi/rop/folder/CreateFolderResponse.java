package io.convene.mapi.rop.folder;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/**
 * The RopCreateFolder success response after RopId, OutputHandleIndex and ReturnValue (MS-OXCROPS
 * 2.2.4.2.2): FolderId, IsExistingFolder and, for an existing folder, HasRules and IsGhosted
 * (private folders are never ghosted, so no server list follows).
 */
public record CreateFolderResponse(long folderId, boolean existing, boolean hasRules) {

  public void write(LittleEndianWriter out) {
    FolderRequests.u64(out, folderId);
    out.u8(existing ? 1 : 0);
    if (existing) {
      out.u8(hasRules ? 1 : 0).u8(0);
    }
  }

  public static CreateFolderResponse read(LittleEndianReader in) throws WireFormatException {
    long id = FolderRequests.u64(in, "FolderId");
    boolean existing = in.u8("IsExistingFolder") != 0;
    boolean rules = false;
    if (existing) {
      rules = in.u8("HasRules") != 0;
      if (in.u8("IsGhosted") != 0) {
        throw new WireFormatException("ghosted folders are public folders, not read here");
      }
    }
    return new CreateFolderResponse(id, existing, rules);
  }
}
