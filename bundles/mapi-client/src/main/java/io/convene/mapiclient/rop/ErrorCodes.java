package io.convene.mapiclient.rop;

/** MS-OXCDATA 2.4 error codes the client names. */
public final class ErrorCodes {

  public static final int SUCCESS = 0x00000000;
  public static final int NOT_SUPPORTED = 0x80040102;
  public static final int NOT_FOUND = 0x8004010F;
  public static final int ACCESS_DENIED = 0x80070005;
  public static final int NULL_OBJECT = 0x000004B9;
  public static final int RPC_FORMAT = 0x000004B6;
  public static final int BUFFER_TOO_SMALL = 0x0000047D;

  private ErrorCodes() {}
}
