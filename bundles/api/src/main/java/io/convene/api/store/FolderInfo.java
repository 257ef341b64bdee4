package io.convene.api.store;

import java.util.Optional;

/**
 * A folder as the store reports it.
 *
 * @param id the folder id
 * @param parentId the parent's id; empty for the root folder
 * @param displayName PidTagDisplayName
 * @param containerClass PidTagContainerClass, empty if none (e.g. the root)
 * @param special which standard folder this is, if any
 * @param changeNumber the last change of the folder itself (its properties, not its contents)
 * @param itemCount PidTagContentCount: normal items in the folder, not counting soft-deleted or
 *     folder-associated ones; for a search folder the items its criteria match now
 * @param unreadCount PidTagContentUnreadCount, of the normal items
 * @param associatedCount PidTagAssociatedContentCount: folder-associated (FAI) items (since 1.2)
 * @param search whether this is a search folder (MS-OXCFOLD 2.2.1.2.1 FolderType 2, since 1.2)
 */
public record FolderInfo(
    FolderId id,
    Optional<FolderId> parentId,
    String displayName,
    Optional<String> containerClass,
    Optional<SpecialFolder> special,
    ChangeNumber changeNumber,
    int itemCount,
    int unreadCount,
    int associatedCount,
    boolean search) {

  /** A generic folder without folder-associated items (the form of version 1.1). */
  public FolderInfo(FolderId id, Optional<FolderId> parentId, String displayName, Optional<String> containerClass,
      Optional<SpecialFolder> special, ChangeNumber changeNumber, int itemCount, int unreadCount) {
    this(id, parentId, displayName, containerClass, special, changeNumber, itemCount, unreadCount, 0, false);
  }
}
