package io.convene.mapi.rop.store;

import io.convene.api.store.Guids;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRequest;
import java.util.UUID;

/** The MS-OXCSTOR request buffers (MS-OXCROPS 2.2.3) and their decoders. */
public final class StoreRequests {

  public static final int LOGON = 0xFE;
  public static final int GET_RECEIVE_FOLDER = 0x27;
  public static final int SET_RECEIVE_FOLDER = 0x26;
  public static final int GET_RECEIVE_FOLDER_TABLE = 0x68;
  public static final int GET_STORE_STATE = 0x7B;
  public static final int GET_OWNING_SERVERS = 0x42;
  public static final int PUBLIC_FOLDER_IS_GHOSTED = 0x45;
  public static final int LONG_TERM_ID_FROM_ID = 0x43;
  public static final int ID_FROM_LONG_TERM_ID = 0x44;
  public static final int GET_PER_USER_LONG_TERM_IDS = 0x60;
  public static final int GET_PER_USER_GUID = 0x61;

  /** LogonFlags Private (MS-OXCSTOR 2.2.1.1.1). */
  public static final int LOGON_PRIVATE = 0x01;

  /** Longest message class (MS-OXCSTOR 2.2.1.2.1: 255 characters and the NUL). */
  static final int MAX_MESSAGE_CLASS = 255;

  private StoreRequests() {}

  /** RopLogon (MS-OXCROPS 2.2.3.1.1); the header's third byte is the OutputHandleIndex. */
  public record LogonRequest(RopHeader header, int logonFlags, long openFlags, long storeState, String essdn)
      implements RopRequest {

    public int outputHandleIndex() {
      return header.inputHandleIndex();
    }

    public boolean isPrivate() {
      return (logonFlags & LOGON_PRIVATE) != 0;
    }

    /** The request as a client sends it, header included. */
    public void write(LittleEndianWriter out) {
      out.u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex());
      out.u8(logonFlags).u32(openFlags).u32(storeState);
      if (essdn.isEmpty()) {
        out.u16(0);
      } else {
        out.u16(essdn.length() + 1).asciiz(essdn);
      }
    }

    static LogonRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int logonFlags = in.u8("LogonFlags");
      long openFlags = in.u32("OpenFlags");
      long storeState = in.u32("StoreState");
      int essdnSize = in.u16("EssdnSize");
      String essdn = "";
      if (essdnSize > 0) {
        LittleEndianReader field = new LittleEndianReader(in.bytes(essdnSize, "Essdn"));
        essdn = field.asciiz(essdnSize - 1, "Essdn");
        if (field.hasRemaining()) {
          throw new WireFormatException("Essdn ends before its EssdnSize of " + essdnSize);
        }
      }
      return new LogonRequest(header, logonFlags, openFlags, storeState, essdn);
    }
  }

  /** RopGetReceiveFolder (2.2.3.2.1). */
  public record GetReceiveFolderRequest(RopHeader header, String messageClass) implements RopRequest {
    static GetReceiveFolderRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new GetReceiveFolderRequest(header, in.asciiz(MAX_MESSAGE_CLASS, "MessageClass"));
    }
  }

  /** RopSetReceiveFolder (2.2.3.3.1). */
  public record SetReceiveFolderRequest(RopHeader header, long folderId, String messageClass) implements RopRequest {
    static SetReceiveFolderRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      long folderId = u64(in, "FolderId");
      return new SetReceiveFolderRequest(header, folderId, in.asciiz(MAX_MESSAGE_CLASS, "MessageClass"));
    }
  }

  /** A request with nothing after the header: GetReceiveFolderTable, GetStoreState. */
  public record BareRequest(RopHeader header) implements RopRequest {
    static BareRequest decode(RopHeader header, LittleEndianReader in) {
      return new BareRequest(header);
    }
  }

  /** A request naming one folder or message id: GetOwningServers, PublicFolderIsGhosted, LongTermIdFromId. */
  public record IdRequest(RopHeader header, long id) implements RopRequest {
    static IdRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new IdRequest(header, u64(in, "Id"));
    }
  }

  /** A request naming one LongTermID: IdFromLongTermId, GetPerUserGuid. */
  public record LongTermIdRequest(RopHeader header, LongTermId longTermId) implements RopRequest {
    static LongTermIdRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new LongTermIdRequest(header, LongTermId.read(in));
    }
  }

  /** RopGetPerUserLongTermIds (2.2.3.10.1). */
  public record GetPerUserLongTermIdsRequest(RopHeader header, UUID databaseGuid) implements RopRequest {
    static GetPerUserLongTermIdsRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new GetPerUserLongTermIdsRequest(header, Guids.fromBytes(in.bytes(Guids.SIZE, "DatabaseGuid")));
    }
  }

  static long u64(LittleEndianReader in, String what) throws WireFormatException {
    long low = in.u32(what);
    return low | in.u32(what) << 32;
  }
}
