package io.convene.mapi.rop.table;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;

/** The properties tables compute per row rather than read from a stored bag (MS-OXPROPS). */
public final class TableTags {

  public static final PropTag FOLDER_ID = PropTag.of(0x6748, PropType.PT_I8);
  public static final PropTag PARENT_FOLDER_ID = PropTag.of(0x6749, PropType.PT_I8);
  public static final PropTag MID = PropTag.of(0x674A, PropType.PT_I8);
  public static final PropTag INST_ID = PropTag.of(0x674D, PropType.PT_I8);
  public static final PropTag INSTANCE_NUM = PropTag.of(0x674E, PropType.PT_LONG);
  public static final PropTag ROW_TYPE = PropTag.of(0x0FF5, PropType.PT_LONG);
  public static final PropTag DEPTH = PropTag.of(0x3005, PropType.PT_LONG);
  public static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  public static final PropTag CONTAINER_CLASS = PropTag.of(0x3613, PropType.PT_UNICODE);
  public static final PropTag CONTENT_COUNT = PropTag.of(0x3602, PropType.PT_LONG);
  public static final PropTag CONTENT_UNREAD_COUNT = PropTag.of(0x3603, PropType.PT_LONG);
  public static final PropTag SUBFOLDERS = PropTag.of(0x360A, PropType.PT_BOOLEAN);
  public static final PropTag FOLDER_TYPE = PropTag.of(0x3601, PropType.PT_LONG);
  public static final PropTag CHANGE_NUMBER = PropTag.of(0x67A4, PropType.PT_I8);
  public static final PropTag ENTRY_ID = PropTag.of(0x0FFF, PropType.PT_BINARY);
  public static final PropTag PARENT_ENTRY_ID = PropTag.of(0x0E09, PropType.PT_BINARY);
  public static final PropTag RECORD_KEY = PropTag.of(0x0FF9, PropType.PT_BINARY);
  public static final PropTag INSTANCE_KEY = PropTag.of(0x0FF6, PropType.PT_BINARY);
  public static final PropTag SOURCE_KEY = PropTag.of(0x65E0, PropType.PT_BINARY);
  public static final PropTag PARENT_SOURCE_KEY = PropTag.of(0x65E1, PropType.PT_BINARY);
  public static final PropTag ASSOCIATED_CONTENT_COUNT = PropTag.of(0x3617, PropType.PT_LONG);

  /** PidTagRowType of a plain row (MS-OXCTABL 2.2.1.1: TBL_LEAF_ROW). */
  public static final int LEAF_ROW = 1;
  /** PidTagFolderType of an ordinary folder (MS-OXCFOLD 2.2.2.2.1.3: FOLDER_GENERIC). */
  public static final int FOLDER_GENERIC = 1;

  /**
   * PidTagInstanceKey of a row (MS-OXPROPS 2.738): unique within the table while it lives; here the
   * row's PidTagInstID (instance numbers are always 0) as 8 little-endian bytes.
   */
  public static byte[] instanceKey(long instId) {
    byte[] key = new byte[8];
    for (int i = 0; i < 8; i++) {
      key[i] = (byte) (instId >>> (8 * i));
    }
    return key;
  }

  private TableTags() {}
}
