package io.convene.search.lucene.index;

/** Field names of an entry document. */
public final class Fields {

  /** {@link IndexEntry#key()}, indexed (updates, deletes); the last tie-break of the index order is in {@link #SORT_NAME}. */
  public static final String KEY = "key";
  /** {@code gal} or {@code personal}. */
  public static final String SCOPE = "scope";
  public static final String SCOPE_GAL = "gal";
  public static final String SCOPE_PERSONAL = "personal";
  /** The {@link io.convene.api.search.EntryKind} name, indexed. */
  public static final String KIND = "kind";
  /** The mailbox owner of a personal contact (decimal), for removal. */
  public static final String OWNER = "owner";
  /** Account id of a GAL entry, as numeric doc values (reconciling with the directory). */
  public static final String ACCOUNT = "account";

  /** Every name, alias and address folded to one {@link NameFolding#key} each: exact matches. */
  public static final String ANR_FULL = "anr_full";
  /** Every prefix of an {@link #ANR_FULL} key up to {@link EntryDocuments#MAX_PREFIX} characters. */
  public static final String ANR_FULL_PREFIX = "anr_full_prefix";
  /**
   * The distinct words of names, alias and the local parts of addresses: word-prefix matches longer
   * than the indexed prefixes.
   */
  public static final String ANR_WORDS = "anr_words";
  /** Every prefix of an {@link #ANR_WORDS} word up to {@link EntryDocuments#MAX_PREFIX} characters. */
  public static final String ANR_WORD_PREFIX = "anr_word_prefix";
  /** The words of company, department, location and telephone numbers (free text adds them to {@link #ANR_WORDS}). */
  public static final String TEXT_WORDS = "text_words";
  /**
   * Every prefix of a {@link #TEXT_WORDS} word of company, department or location up to {@link
   * EntryDocuments#MAX_PREFIX} characters (telephone number groups match as whole words).
   */
  public static final String TEXT_WORD_PREFIX = "text_word_prefix";
  /** Digits of each telephone number. */
  public static final String PHONE_DIGITS = "phone_digits";
  /** Each e-mail address, trimmed and lower-case: exact address lookup. */
  public static final String ADDRESS = "address";
  /**
   * The folded display name, a NUL, then the {@link #KEY}, as sorted doc values: the index is sorted
   * by it, so that is the order of equal scores.
   */
  public static final String SORT_NAME = "sort_name";

  /**
   * The account (owner) and folder of an entry as numeric doc values: they decide the visibility
   * of a personal contact.
   */
  public static final String HIT_ACCOUNT = "hit_account";
  public static final String HIT_FOLDER = "hit_folder";
  /** Everything a hit shows, as one binary doc value ({@link HitRecord}). */
  public static final String HIT = "hit";

  private Fields() {}
}
