package io.convene.mapi.rop;

/** RopId values with a meaning for the engine itself (MS-OXCROPS 2.2.2). */
public final class RopIds {

  public static final int RELEASE = 0x01;
  public static final int LOGON = 0xFE;
  public static final int BUFFER_TOO_SMALL = 0xFF;

  private RopIds() {}
}
