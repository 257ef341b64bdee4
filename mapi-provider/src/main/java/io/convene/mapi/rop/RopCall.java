package io.convene.mapi.rop;

import io.convene.mapi.codec.LittleEndianWriter;
import java.util.Optional;

/**
 * What a {@link RopHandler} sees of the buffer being processed: its logon, the server object handle
 * table, and the writer for its response with the room left in the output buffer.
 */
public final class RopCall {

  private final RopSessionState session;
  private final RopHeader header;
  private final int[] handleTable;
  private final LittleEndianWriter out;
  private final int remainingOutput;

  RopCall(
      RopSessionState session,
      RopHeader header,
      int[] handleTable,
      LittleEndianWriter out,
      int remainingOutput) {
    this.session = session;
    this.header = header;
    this.handleTable = handleTable;
    this.out = out;
    this.remainingOutput = remainingOutput;
  }

  public RopSessionState session() {
    return session;
  }

  public RopHeader header() {
    return header;
  }

  /** The logon named by the request's LogonId. */
  public Logon logon() throws RopException {
    return session
        .logon(header.logonId())
        .orElseThrow(
            () -> new RopException(ErrorCodes.NULL_OBJECT, "no logon " + header.logonId()));
  }

  /** The object behind the request's InputHandleIndex, in this ROP's logon. */
  public Object inputObject() throws RopException {
    return object(header.inputHandleIndex());
  }

  /** The input object, which must be of {@code type}. */
  public <T> T inputObject(Class<T> type) throws RopException {
    Object object = inputObject();
    if (!type.isInstance(object)) {
      throw new RopException(
          ErrorCodes.NOT_SUPPORTED,
          "object at index " + header.inputHandleIndex() + " is not a " + type.getSimpleName());
    }
    return type.cast(object);
  }

  /** The object behind a handle table index, in this ROP's logon. */
  public Object object(int handleIndex) throws RopException {
    int handle = handle(handleIndex);
    Optional<Object> object = logon().object(handle);
    return object.orElseThrow(
        () ->
            new RopException(
                ErrorCodes.NULL_OBJECT,
                "handle 0x" + Integer.toHexString(handle) + " is not open in logon " + header.logonId()));
  }

  /** Registers a new server object in this logon and stores its handle at {@code handleIndex}. */
  public int putObject(int handleIndex, Object object) throws RopException {
    checkIndex(handleIndex);
    Logon logon = logon();
    int handle = session.allocateHandle();
    logon.put(handle, object);
    handleTable[handleIndex] = handle;
    return handle;
  }

  /** Releases the object at {@code handleIndex}; false if there was none. */
  public boolean release(int handleIndex) throws RopException {
    int handle = handle(handleIndex);
    boolean released = logon().remove(handle);
    if (released) {
      handleTable[handleIndex] = RopSessionState.NO_HANDLE;
    }
    return released;
  }

  /** The response writer; handlers write their success response here. */
  public LittleEndianWriter out() {
    return out;
  }

  /** Bytes left in the ROP output buffer; handlers returning rows size their answer to this. */
  public int remainingOutput() {
    return remainingOutput;
  }

  private int handle(int handleIndex) throws RopException {
    checkIndex(handleIndex);
    return handleTable[handleIndex];
  }

  private void checkIndex(int handleIndex) throws RopException {
    if (handleIndex < 0 || handleIndex >= handleTable.length) {
      throw new RopException(
          ErrorCodes.NULL_OBJECT,
          "handle index " + handleIndex + " outside a table of " + handleTable.length);
    }
  }
}
