package io.convene.api.search;

/**
 * What an address-book entry is: a GAL entry from the directory (PidTagDisplayType DT_MAILUSER,
 * DT_ROOM, DT_EQUIPMENT in MS-OXOABK 2.2.3.11) or a contact item of a mailbox (MS-OXOCNTC).
 */
public enum EntryKind {
  /** A user account of the directory. */
  GAL_USER,
  /** A room account of the directory; {@link ContactHit#capacity()} and location apply. */
  GAL_ROOM,
  /** An equipment account of the directory. */
  GAL_EQUIPMENT,
  /** A contact item (IPM.Contact) in a contacts folder of a mailbox. */
  PERSONAL_CONTACT;

  /** Whether the entry comes from the directory (the Global Address List). */
  public boolean isGal() {
    return this != PERSONAL_CONTACT;
  }
}
