package io.convene.mapi.rop.folder;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.rop.data.PropertyLimits;

/** The MS-OXCFOLD request buffers (MS-OXCROPS 2.2.4) and their decoders and encoders. */
public final class FolderRequests {

  public static final int OPEN_FOLDER = 0x02;
  public static final int CREATE_FOLDER = 0x1C;
  public static final int DELETE_FOLDER = 0x1D;
  public static final int SET_SEARCH_CRITERIA = 0x30;
  public static final int GET_SEARCH_CRITERIA = 0x31;

  /** Folder names and comments: 256 characters (the store's limit) and the terminator. */
  static final int MAX_NAME_BYTES = 2 * 257;
  /** FolderIds of a search: more than any mailbox has folders to search. */
  static final int MAX_SEARCH_FOLDERS = 4096;

  private FolderRequests() {}

  private static void writeHeader(LittleEndianWriter out, RopHeader header) {
    out.u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex());
  }

  static long u64(LittleEndianReader in, String what) throws WireFormatException {
    long low = in.u32(what);
    return low | in.u32(what) << 32;
  }

  static void u64(LittleEndianWriter out, long value) {
    out.u32(value & 0xffffffffL).u32(value >>> 32);
  }

  /** RopOpenFolder (2.2.4.1.1). */
  public record OpenFolderRequest(RopHeader header, int outputHandleIndex, long folderId, int openModeFlags)
      implements RopRequest {
    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }

    static OpenFolderRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new OpenFolderRequest(header, in.u8("OutputHandleIndex"), u64(in, "FolderId"), in.u8("OpenModeFlags"));
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      out.u8(outputHandleIndex);
      u64(out, folderId);
      out.u8(openModeFlags);
    }
  }

  /** RopCreateFolder (2.2.4.2.1); strings are UTF-16 when UseUnicodeStrings is set. */
  public record CreateFolderRequest(
      RopHeader header, int outputHandleIndex, int folderType, boolean useUnicode, boolean openExisting,
      int reserved, String displayName, String comment) implements RopRequest {

    public static final int GENERIC = 1;
    public static final int SEARCH = 2;

    @Override
    public int responseHandleIndex() {
      return outputHandleIndex;
    }

    static CreateFolderRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int output = in.u8("OutputHandleIndex");
      int type = in.u8("FolderType");
      boolean unicode = in.u8("UseUnicodeStrings") != 0;
      boolean existing = in.u8("OpenExisting") != 0;
      int reserved = in.u8("Reserved");
      String name = string(in, unicode, "DisplayName");
      String comment = string(in, unicode, "Comment");
      return new CreateFolderRequest(header, output, type, unicode, existing, reserved, name, comment);
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      out.u8(outputHandleIndex).u8(folderType).u8(useUnicode ? 1 : 0).u8(openExisting ? 1 : 0).u8(reserved);
      if (useUnicode) {
        out.utf16z(displayName).utf16z(comment);
      } else {
        out.asciiz(displayName).asciiz(comment);
      }
    }
  }

  static String string(LittleEndianReader in, boolean unicode, String what) throws WireFormatException {
    if (!unicode) {
      return in.asciiz(MAX_NAME_BYTES, what);
    }
    LittleEndianReader probe = in;
    StringBuilder text = new StringBuilder();
    for (int read = 0; ; read += 2) {
      if (read >= MAX_NAME_BYTES) {
        throw new WireFormatException(what + " has no terminating NUL within " + MAX_NAME_BYTES + " bytes");
      }
      int unit = probe.u16(what);
      if (unit == 0) {
        return text.toString();
      }
      text.append((char) unit);
    }
  }

  /** RopDeleteFolder (2.2.4.3.1). */
  public record DeleteFolderRequest(RopHeader header, int deleteFolderFlags, long folderId) implements RopRequest {

    public static final int DEL_MESSAGES = 0x01;
    public static final int DEL_FOLDERS = 0x04;
    public static final int DELETE_HARD_DELETE = 0x10;
    static final int VALID_FLAGS = DEL_MESSAGES | DEL_FOLDERS | DELETE_HARD_DELETE;

    static DeleteFolderRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new DeleteFolderRequest(header, in.u8("DeleteFolderFlags"), u64(in, "FolderId"));
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      out.u8(deleteFolderFlags);
      u64(out, folderId);
    }
  }

  /**
   * RopSetSearchCriteria (2.2.4.4.1). The restriction stays in its serialized form: its codec is the
   * table ROPs' (MS-OXCDATA 2.12), and the store keeps it opaque as PtypRestriction.
   */
  public record SetSearchCriteriaRequest(RopHeader header, byte[] restriction, long[] folderIds, long searchFlags)
      implements RopRequest {
    static SetSearchCriteriaRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      byte[] restriction = in.bytes(in.u16("RestrictionDataSize"), "RestrictionData");
      int count = in.u16("FolderIdCount");
      if (count > MAX_SEARCH_FOLDERS || count * 8L > in.remaining()) {
        throw new WireFormatException("FolderIdCount " + count + " with " + in.remaining() + " bytes left");
      }
      long[] ids = new long[count];
      for (int i = 0; i < count; i++) {
        ids[i] = u64(in, "FolderId");
      }
      return new SetSearchCriteriaRequest(header, restriction, ids, in.u32("SearchFlags"));
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      out.u16(restriction.length).bytes(restriction).u16(folderIds.length);
      for (long id : folderIds) {
        u64(out, id);
      }
      out.u32(searchFlags);
    }
  }

  /** RopGetSearchCriteria (2.2.4.5.1). */
  public record GetSearchCriteriaRequest(
      RopHeader header, boolean useUnicode, boolean includeRestriction, boolean includeFolders) implements RopRequest {
    static GetSearchCriteriaRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new GetSearchCriteriaRequest(
          header, in.u8("UseUnicode") != 0, in.u8("IncludeRestriction") != 0, in.u8("IncludeFolders") != 0);
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      out.u8(useUnicode ? 1 : 0).u8(includeRestriction ? 1 : 0).u8(includeFolders ? 1 : 0);
    }
  }

  static final PropertyLimits LIMITS = PropertyLimits.ROP;
}
