package io.convene.mapiclient.rop;

/** Property types of MS-OXCDATA 2.11.1 the client reads and writes. */
public final class PropertyTypes {

  public static final int UNSPECIFIED = 0x0000;
  public static final int NULL = 0x0001;
  public static final int INTEGER16 = 0x0002;
  public static final int INTEGER32 = 0x0003;
  public static final int FLOATING32 = 0x0004;
  public static final int FLOATING64 = 0x0005;
  public static final int CURRENCY = 0x0006;
  public static final int FLOATING_TIME = 0x0007;
  public static final int ERROR_CODE = 0x000A;
  public static final int BOOLEAN = 0x000B;
  public static final int INTEGER64 = 0x0014;
  public static final int STRING8 = 0x001E;
  public static final int STRING = 0x001F;
  public static final int TIME = 0x0040;
  public static final int GUID = 0x0048;
  public static final int SERVER_ID = 0x00FB;
  public static final int BINARY = 0x0102;
  public static final int MULTIPLE = 0x1000;

  private PropertyTypes() {}

  public static int tag(int id, int type) {
    return id << 16 | type;
  }
}
