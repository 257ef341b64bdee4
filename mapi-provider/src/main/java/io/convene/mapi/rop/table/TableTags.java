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

  /** PidTagRowType of a plain row (MS-OXCTABL 2.2.1.1: TBL_LEAF_ROW). */
  public static final int LEAF_ROW = 1;
  /** PidTagFolderType of an ordinary folder (MS-OXCFOLD 2.2.2.2.1.3: FOLDER_GENERIC). */
  public static final int FOLDER_GENERIC = 1;

  private TableTags() {}
}
