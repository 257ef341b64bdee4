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
 * @param itemCount PidTagContentCount: items in the folder, not counting soft-deleted ones
 * @param unreadCount PidTagContentUnreadCount
 */
public record FolderInfo(
    FolderId id,
    Optional<FolderId> parentId,
    String displayName,
    Optional<String> containerClass,
    Optional<SpecialFolder> special,
    ChangeNumber changeNumber,
    int itemCount,
    int unreadCount) {}
