package io.convene.storage.derby.store;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import java.util.Set;

/** The property tags the store reads or maintains itself (MS-OXPROPS). */
final class Tags {

  static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  static final PropTag CONTAINER_CLASS = PropTag.of(0x3613, PropType.PT_UNICODE);
  static final PropTag MESSAGE_CLASS = PropTag.of(0x001A, PropType.PT_UNICODE);
  static final PropTag MESSAGE_FLAGS = PropTag.of(0x0E07, PropType.PT_LONG);
  static final PropTag CREATION_TIME = PropTag.of(0x3007, PropType.PT_SYSTIME);
  static final PropTag LAST_MODIFICATION_TIME = PropTag.of(0x3008, PropType.PT_SYSTIME);
  static final PropTag SOURCE_KEY = PropTag.of(0x65E0, PropType.PT_BINARY);
  static final PropTag PARENT_SOURCE_KEY = PropTag.of(0x65E1, PropType.PT_BINARY);
  static final PropTag CHANGE_KEY = PropTag.of(0x65E2, PropType.PT_BINARY);
  static final PropTag PREDECESSOR_CHANGE_LIST = PropTag.of(0x65E3, PropType.PT_BINARY);
  static final PropTag FOLDER_ID = PropTag.of(0x6748, PropType.PT_I8);
  static final PropTag PARENT_FOLDER_ID = PropTag.of(0x6749, PropType.PT_I8);
  static final PropTag MID = PropTag.of(0x674A, PropType.PT_I8);
  static final PropTag CHANGE_NUMBER = PropTag.of(0x67A4, PropType.PT_I8);

  /** PidTagMessageFlags bit for read (MS-OXCMSG 2.2.1.6). */
  static final int MSGFLAG_READ = 0x0001;

  /** Set by the store on every save; values a client sends for them are replaced. */
  static final Set<Integer> MAINTAINED_IDS =
      Set.of(MID.id(), FOLDER_ID.id(), PARENT_FOLDER_ID.id(), CHANGE_NUMBER.id(), CHANGE_KEY.id(),
          PREDECESSOR_CHANGE_LIST.id(), SOURCE_KEY.id(), PARENT_SOURCE_KEY.id(), LAST_MODIFICATION_TIME.id(),
          io.convene.api.store.Contents.ASSOCIATED_TAG.id());

  private Tags() {}
}
