package io.convene.api.store;

/**
 * Which of a folder's two sets of items a query reads (MS-OXCFOLD 2.2.1.14.1, the Associated
 * TableFlag of RopGetContentsTable).
 *
 * @since 1.2
 */
public enum Contents {
  /** The folder's ordinary items: mail, appointments, contacts... */
  NORMAL,
  /**
   * Its folder-associated information (FAI): hidden items holding views, rules and settings, made
   * by creating an item with {@link #ASSOCIATED_TAG} set to {@code true} (MS-OXCMSG 2.2.1.2).
   */
  ASSOCIATED;

  /** PidTagAssociated ({@code 0x67AA000B}): set on an item at creation, it makes the item FAI. */
  public static final PropTag ASSOCIATED_TAG = PropTag.of(0x67AA, PropType.PT_BOOLEAN);

  /** The PidTagMessageFlags bit of a folder-associated item (MS-OXCMSG 2.2.1.6: mfFAI). */
  public static final int MSGFLAG_ASSOCIATED = 0x0040;
}
