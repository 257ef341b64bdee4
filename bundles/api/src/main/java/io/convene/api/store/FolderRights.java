package io.convene.api.store;

/**
 * Folder permission bits as in PidTagMemberRights (MS-OXCPERM 2.2.7). A folder's ACL gives each
 * member (an account, {@link #DEFAULT_MEMBER} for every other account, {@link #ANONYMOUS_MEMBER}
 * for unauthenticated callers) a combination of these bits. The mailbox owner has all rights.
 */
public final class FolderRights {

  public static final int READ_ANY = 0x0000_0001;
  public static final int CREATE = 0x0000_0002;
  public static final int EDIT_OWNED = 0x0000_0008;
  public static final int DELETE_OWNED = 0x0000_0010;
  public static final int EDIT_ANY = 0x0000_0020;
  public static final int DELETE_ANY = 0x0000_0040;
  public static final int CREATE_SUBFOLDER = 0x0000_0080;
  public static final int FOLDER_OWNER = 0x0000_0100;
  public static final int FOLDER_CONTACT = 0x0000_0200;
  public static final int FOLDER_VISIBLE = 0x0000_0400;
  public static final int FREE_BUSY_SIMPLE = 0x0000_0800;
  public static final int FREE_BUSY_DETAILED = 0x0000_1000;

  /** Every right: what the mailbox owner holds. */
  public static final int ALL = 0x0000_1FFB;

  /** Member id of the "Default" ACL entry: every authenticated account not listed itself. */
  public static final long DEFAULT_MEMBER = 0;

  /** Member id of the "Anonymous" ACL entry. */
  public static final long ANONYMOUS_MEMBER = -1;

  private FolderRights() {}

  public static boolean has(int rights, int wanted) {
    return (rights & wanted) == wanted;
  }
}
