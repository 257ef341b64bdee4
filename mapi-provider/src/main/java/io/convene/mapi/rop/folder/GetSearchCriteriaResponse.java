package io.convene.mapi.rop.folder;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/**
 * The RopGetSearchCriteria success response after RopId, InputHandleIndex and ReturnValue
 * (MS-OXCROPS 2.2.4.5.2): RestrictionDataSize and RestrictionData, the LogonId of the request,
 * FolderIdCount and FolderIds, SearchFlags (the search's state, MS-OXCFOLD 2.2.1.5.2).
 */
public record GetSearchCriteriaResponse(byte[] restriction, int logonId, long[] folderIds, int searchFlags) {

  public GetSearchCriteriaResponse {
    restriction = restriction.clone();
    folderIds = folderIds.clone();
  }

  public void write(LittleEndianWriter out) {
    out.u16(restriction.length).bytes(restriction).u8(logonId).u16(folderIds.length);
    for (long id : folderIds) {
      FolderRequests.u64(out, id);
    }
    out.u32(searchFlags & 0xffffffffL);
  }

  public static GetSearchCriteriaResponse read(LittleEndianReader in) throws WireFormatException {
    byte[] restriction = in.bytes(in.u16("RestrictionDataSize"), "RestrictionData");
    int logonId = in.u8("LogonId");
    int count = in.u16("FolderIdCount");
    if (count * 8L > in.remaining()) {
      throw new WireFormatException("FolderIdCount " + count + " with " + in.remaining() + " bytes left");
    }
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = FolderRequests.u64(in, "FolderId");
    }
    return new GetSearchCriteriaResponse(restriction, logonId, ids, (int) in.u32("SearchFlags"));
  }

  @Override
  public byte[] restriction() {
    return restriction.clone();
  }

  @Override
  public long[] folderIds() {
    return folderIds.clone();
  }
}
