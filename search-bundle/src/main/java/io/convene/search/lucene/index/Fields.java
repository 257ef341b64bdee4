package io.convene.search.lucene.index;

/** Field names of an entry document. */
public final class Fields {

  /** {@link IndexEntry#key()}, indexed, stored and sortable (the last tie-break). */
  public static final String KEY = "key";
  /** {@code gal} or {@code personal}. */
  public static final String SCOPE = "scope";
  public static final String SCOPE_GAL = "gal";
  public static final String SCOPE_PERSONAL = "personal";
  /** The {@link io.convene.api.search.EntryKind} name. */
  public static final String KIND = "kind";
  /** The mailbox owner of a personal contact (decimal), for the visibility filter and removal. */
  public static final String OWNER = "owner";
  /** {@link IndexEntry#folderKey} of a personal contact: indexed and as doc values. */
  public static final String FOLDER = "folder";
  /** Account id of a GAL entry, as numeric doc values (reconciling with the directory). */
  public static final String ACCOUNT = "account";

  /** Every name, alias and address folded to one {@link NameFolding#key} each: exact and whole-value prefix matches. */
  public static final String ANR_FULL = "anr_full";
  /** The words of names, alias and addresses: word-prefix matches. */
  public static final String ANR_WORDS = "anr_words";
  /** {@link #ANR_WORDS} plus company, department and telephone numbers: free-text search. */
  public static final String TEXT_WORDS = "text_words";
  /** Digits of each telephone number. */
  public static final String PHONE_DIGITS = "phone_digits";
  /** Each e-mail address, trimmed and lower-case: exact address lookup. */
  public static final String ADDRESS = "address";
  /** The folded display name as sort key. */
  public static final String SORT_NAME = "sort_name";

  // stored only
  public static final String STORED_ACCOUNT = "s_account";
  public static final String STORED_FOLDER = "s_folder";
  public static final String STORED_MESSAGE = "s_message";
  public static final String DISPLAY_NAME = "display_name";
  public static final String SMTP = "smtp";
  public static final String CAPACITY = "capacity";
  public static final String LOCATION = "location";

  private Fields() {}
}
