package io.convene.api.store;

import java.util.Map;

/**
 * One row of a folder's hierarchy table (MS-OXCFOLD 2.2.1.13): a folder, its depth below the
 * table's folder and every property a row shows, the stored ones and those the store computes
 * (PidTagContentCount, PidTagContentUnreadCount, PidTagAssociatedContentCount, PidTagSubfolders,
 * PidTagFolderType, PidTagDepth, PidTagEntryId, PidTagParentEntryId, PidTagRecordKey).
 *
 * @param folder the folder
 * @param depth 1 for a direct subfolder, 2 for one below that...
 * @param properties the row's properties, by tag
 * @since 1.2
 */
public record HierarchyRow(FolderInfo folder, int depth, Map<PropTag, PropValue> properties) {

  public HierarchyRow {
    properties = Map.copyOf(properties);
  }
}
