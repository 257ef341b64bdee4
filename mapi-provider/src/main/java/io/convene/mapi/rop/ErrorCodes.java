package io.convene.mapi.rop;

/** The MS-OXCDATA 2.4 error codes this engine returns, as the 32-bit values on the wire. */
public final class ErrorCodes {

  public static final int SUCCESS = 0x00000000;
  /** ecError / E_FAIL: our own fault, logged with its stack. */
  public static final int GENERAL_FAILURE = 0x80004005;
  public static final int OUT_OF_MEMORY = 0x8007000E;
  public static final int INVALID_PARAMETER = 0x80070057;
  /** MAPI_E_NO_SUPPORT: a ROP the server knows but does not implement, or a wrong object type. */
  public static final int NOT_SUPPORTED = 0x80040102;
  public static final int UNKNOWN_USER = 0x000003EB;
  /** ecBufferTooSmall: the output does not fit even a RopBufferTooSmall response. */
  public static final int BUFFER_TOO_SMALL = 0x0000047D;
  /** ecRpcFormat: the ROP input buffer cannot be parsed (MS-OXCROPS 3.2.5.1). */
  public static final int RPC_FORMAT = 0x000004B6;
  /** ecNullObject: a handle index or handle that names no object of this logon. */
  public static final int NULL_OBJECT = 0x000004B9;

  private ErrorCodes() {}
}
