package io.convene.api.store;

/**
 * What {@link Mailbox#deleteFolder} may delete besides the folder (MS-OXCFOLD 2.2.1.3.1
 * DeleteFolderFlags).
 *
 * @param messages DEL_MESSAGES: delete the items of the folder and of its subfolders
 * @param subfolders DEL_FOLDERS: delete the subfolders
 * @param hard DELETE_HARD_DELETE: leave no recoverable copy (tombstones are left either way)
 * @since 1.2
 */
public record FolderDeletion(boolean messages, boolean subfolders, boolean hard) {

  /** Only an empty folder, soft. */
  public static final FolderDeletion EMPTY_ONLY = new FolderDeletion(false, false, false);

  /** The folder with everything in it, soft. */
  public static final FolderDeletion EVERYTHING = new FolderDeletion(true, true, false);
}
