package io.convene.mapi.rop;

import java.util.Set;

/**
 * The ROPs that only read the store (MS-OXCROPS 2.2 ids). Kept short on purpose: a ROP missing
 * here only costs a store read that could have been reused, a write listed here would serve stale
 * values.
 */
final class ReadOnlyRops {

  private static final Set<Integer> IDS = Set.of(
      0x01, // RopRelease
      0x02, // RopOpenFolder
      0x03, // RopOpenMessage
      0x04, // RopGetHierarchyTable
      0x05, // RopGetContentsTable
      0x07, // RopGetPropertiesSpecific
      0x08, // RopGetPropertiesAll
      0x09, // RopGetPropertiesList
      0x12, // RopSetColumns
      0x13, // RopSortTable
      0x14, // RopRestrict
      0x15, // RopQueryRows
      0x16, // RopGetStatus
      0x17, // RopQueryPosition
      0x18); // RopSeekRow

  private ReadOnlyRops() {}

  static boolean contains(int ropId) {
    return IDS.contains(ropId);
  }
}
