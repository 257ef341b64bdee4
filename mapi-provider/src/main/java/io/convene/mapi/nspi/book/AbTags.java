package io.convene.mapi.nspi.book;

/**
 * The property tags of address book objects (MS-OXPROPS, MS-OXOABK 2.2). Strings are listed with
 * PtypString; a client may ask for any of them as PtypString8 or PtypUnspecified.
 */
public final class AbTags {

  public static final int ENTRY_ID = 0x0FFF0102;
  public static final int OBJECT_TYPE = 0x0FFE0003;
  public static final int RECORD_KEY = 0x0FF90102;
  public static final int MAPPING_SIGNATURE = 0x0FF80102;
  public static final int INSTANCE_KEY = 0x0FF60102;
  public static final int DISPLAY_NAME = 0x3001001F;
  public static final int ADDRESS_TYPE = 0x3002001F;
  public static final int EMAIL_ADDRESS = 0x3003001F;
  public static final int DEPTH = 0x30050003;
  public static final int SEARCH_KEY = 0x300B0102;
  public static final int CONTAINER_FLAGS = 0x36000003;
  public static final int ANR = 0x360C001F;
  public static final int DISPLAY_TYPE = 0x39000003;
  public static final int TEMPLATE_ID = 0x39020102;
  public static final int DISPLAY_TYPE_EX = 0x39050003;
  public static final int SMTP_ADDRESS = 0x39FE001F;
  public static final int ACCOUNT = 0x3A00001F;
  public static final int BUSINESS_TELEPHONE_NUMBER = 0x3A08001F;
  public static final int PRIMARY_TELEPHONE_NUMBER = 0x3A1A001F;
  public static final int COMPANY_NAME = 0x3A16001F;
  public static final int TITLE = 0x3A17001F;
  public static final int DEPARTMENT_NAME = 0x3A18001F;
  public static final int OFFICE_LOCATION = 0x3A19001F;
  public static final int MOBILE_TELEPHONE_NUMBER = 0x3A1C001F;
  public static final int TRANSMITTABLE_DISPLAY_NAME = 0x3A20001F;
  public static final int ROOM_CAPACITY = 0x08070003;
  public static final int PROXY_ADDRESSES = 0x800F101F;
  public static final int USER_X509_CERTIFICATE = 0x3A701102;
  public static final int ADDRESS_BOOK_X509_CERTIFICATE = 0x8C6A1102;
  public static final int CONTAINER_ID = 0xFFFD0003;
  public static final int IS_MASTER = 0xFFFB000B;

  /** PidTagObjectType values (MS-OXCPRPT 2.2.1.7). */
  public static final int MAPI_ABCONT = 4;
  public static final int MAPI_MAILUSER = 6;

  /** PidTagDisplayType values (MS-OXOABK 2.2.3.11). */
  public static final int DT_MAILUSER = 0x0;
  public static final int DT_CONTAINER = 0x100;
  /** PidTagDisplayTypeEx (MS-OXOABK 2.2.3.12): local type in the low byte, ACL-capable flag. */
  public static final int DT_ROOM = 0x07;
  public static final int DT_EQUIPMENT = 0x08;
  public static final int DTE_FLAG_ACL_CAPABLE = 0x40000000;

  /** PidTagContainerFlags: holds recipients, cannot be changed. */
  public static final int AB_RECIPIENTS = 0x1;
  public static final int AB_UNMODIFIABLE = 0x8;

  private AbTags() {}
}
