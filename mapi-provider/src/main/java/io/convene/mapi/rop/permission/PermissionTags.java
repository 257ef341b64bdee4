package io.convene.mapi.rop.permission;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;

/** The columns of a permissions table (MS-OXCPERM 2.2.4-2.2.7). */
final class PermissionTags {

  static final PropTag ENTRY_ID = PropTag.of(0x0FFF, PropType.PT_BINARY);
  static final PropTag MEMBER_ID = PropTag.of(0x6671, PropType.PT_I8);
  static final PropTag MEMBER_NAME = PropTag.of(0x6672, PropType.PT_UNICODE);
  static final PropTag MEMBER_RIGHTS = PropTag.of(0x6673, PropType.PT_LONG);

  private PermissionTags() {}
}
