package io.convene.api.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One account's mailbox as seen by one {@link Caller}. Calls check the caller's rights on the
 * folder concerned ({@link FolderRights}); the owner has every right. Ids of another mailbox are
 * rejected with {@link StoreError#NOT_FOUND}.
 *
 * <p>Bulk calls (several ids) are one transaction each, whatever their size.
 */
@ProviderType
public interface Mailbox {

  long ownerAccountId();

  /**
   * The replica GUID of this mailbox: the namespace of its XIDs, source keys and change keys. A
   * private mailbox has one replica, so this is also its mailbox GUID (RopLogon's MailboxGuid) and
   * the provider UID of its entry ids ({@link FolderEntryId}).
   */
  java.util.UUID replicaGuid();

  FolderInfo folder(FolderId id) throws StoreException;

  FolderInfo folder(SpecialFolder special) throws StoreException;

  /**
   * Every property of a folder, e.g. the special-folder entry ids on the root and the Inbox
   * (MS-OXOSFLD 2.2: PidTagIpmAppointmentEntryId...). Needs {@link FolderRights#FOLDER_VISIBLE}.
   *
   * @since 1.1
   */
  Map<PropTag, PropValue> folderProperties(FolderId id) throws StoreException;

  /** The direct subfolders the caller may see. */
  List<FolderInfo> subfolders(FolderId parent) throws StoreException;

  /** Creates a folder, e.g. a second calendar: {@code createFolder(calendarParent, "Team", "IPF.Appointment")}. */
  FolderInfo createFolder(FolderId parent, String displayName, String containerClass) throws StoreException;

  /**
   * Deletes a folder (MS-OXCFOLD 3.2.5.3) in one transaction, leaving a tombstone for it and for
   * each item and subfolder deleted with it ({@link #deletedFoldersSince}, {@link #changesSince}).
   * Needs {@link FolderRights#FOLDER_OWNER} on the folder and on every subfolder deleted, and
   * {@link FolderRights#DELETE_ANY} (or DELETE_OWNED for the caller's own items) for its items.
   * Deleted folders are gone at once; their items are removed ({@code hard}) or kept soft-deleted.
   *
   * @return true if the folder was deleted; false if it holds items or subfolders that
   *     {@code what} does not allow, or the caller may not delete, and nothing was deleted
   *     (PartialCompletion)
   * @throws StoreException NOT_SUPPORTED for the root, ACCESS_DENIED for other special folders or
   *     without FOLDER_OWNER, NOT_FOUND for an unknown or invisible folder
   * @since 1.2
   */
  boolean deleteFolder(FolderId id, FolderDeletion what) throws StoreException;

  /**
   * The folders deleted after change counter {@code since}, oldest first: the hierarchy tombstones
   * incremental sync sends.
   *
   * @since 1.2
   */
  List<FolderId> deletedFoldersSince(long since) throws StoreException;

  /**
   * Sets and removes properties of a folder as one change of it (new change number, change key,
   * predecessor change list, modification time). Properties the store maintains or computes cannot
   * be set or removed: they are answered in the result, the others are still written. A new
   * PidTagDisplayName renames the folder. Needs {@link FolderRights#FOLDER_OWNER}.
   *
   * @return the properties not written, with why: {@link StoreError#COMPUTED} for maintained ones
   * @throws StoreException DUPLICATE_NAME if a sibling has the new display name, INVALID_PARAMETER
   *     for an empty or over-long one
   * @since 1.2
   */
  Map<PropTag, StoreError> setFolderProperties(FolderId id, Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException;

  /** Creates an item with the given properties; the store adds the ones it maintains. */
  SavedItem createItem(FolderId folder, Collection<PropValue> properties) throws StoreException;

  /**
   * Creates several items in one transaction (imports, bulk delivery); all or none are saved.
   *
   * @return the saved items in the order given
   */
  List<SavedItem> createItems(FolderId folder, List<? extends Collection<PropValue>> items) throws StoreException;

  /** Sets and removes properties of an item in one change. */
  SavedItem updateItem(MessageId id, Collection<PropValue> set, Collection<PropTag> remove) throws StoreException;

  /**
   * Sets and removes properties of an item in one change if it is still at {@code expected}, the
   * change number it had when the caller read it: a save that must not overwrite someone else's
   * change (RopSaveChangesMessage without ForceSave, MS-OXCMSG 3.2.5.3).
   *
   * <p>The default reads and then updates, which leaves a window between the two; stores
   * override it to check and write in one transaction.
   *
   * @throws StoreException {@link StoreError#OBJECT_MODIFIED} when the item has changed since
   * @since 1.4
   */
  default SavedItem updateItem(MessageId id, ChangeNumber expected, Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException {
    if (!item(id).changeNumber().equals(expected)) {
      throw new StoreException(StoreError.OBJECT_MODIFIED, "item " + id + " changed since change " + expected);
    }
    return updateItem(id, set, remove);
  }

  StoredItem item(MessageId id) throws StoreException;

  /** The items of a folder in id order, {@code limit} at most, after {@code afterId} (0 = start). */
  List<StoredItem> items(FolderId folder, long afterId, int limit) throws StoreException;

  /**
   * The appointments of a calendar folder that overlap {@code [start, end)}: single ones by
   * PidLidAppointmentStartWhole/EndWhole, recurring masters (PidLidRecurring) whose series may run
   * into the range: the first instance starts before the range ends, and the last one (on the day
   * PidLidClipEnd marks) may end after it starts. A master is returned whole, its instances are
   * the caller's to expand. Answered from indexed columns.
   */
  List<StoredItem> calendarItems(FolderId folder, java.time.Instant start, java.time.Instant end) throws StoreException;

  /**
   * {@link #calendarItems(FolderId, java.time.Instant, java.time.Instant)} returning only the
   * properties a view needs, as MAPI's SetColumns names a table's columns (a calendar view,
   * free/busy or a booking check need a handful, not the body): the same items, recurring masters
   * included, in the same order. Each item's bag holds only its values whose property id is that of
   * a tag in {@code properties}; ids are compared, not types, so a value keeps the type it is stored
   * with (as restrictions and sorts match). A named property an item lacks is absent from its bag;
   * PidTagMessageFlags, which carries the read state, is there only if named. The item's id, folder,
   * change number and read state are always set. Values written with {@link #writeStream} are not
   * in the bag, as for {@link #item}. Stores may decode only the named values of each item.
   *
   * @param properties the columns; named properties by the ids {@link #namedPropertyId} maps them
   *     to; empty gives bare items
   * @since 1.5
   */
  default List<StoredItem> calendarItems(FolderId folder, java.time.Instant start, java.time.Instant end,
      java.util.Set<PropTag> properties) throws StoreException {
    java.util.Set<Integer> ids = new java.util.HashSet<>();
    for (PropTag tag : properties) {
      ids.add(tag.id());
    }
    List<StoredItem> items = calendarItems(folder, start, end);
    List<StoredItem> projected = new java.util.ArrayList<>(items.size());
    for (StoredItem item : items) {
      Map<PropTag, PropValue> bag = new java.util.HashMap<>();
      item.properties().forEach((tag, value) -> {
        if (ids.contains(tag.id())) {
          bag.put(tag, value);
        }
      });
      projected.add(new StoredItem(item.id(), item.folderId(), item.changeNumber(), item.read(), bag));
    }
    return projected;
  }

  /** The recipient rows of an item (MS-OXCMSG 2.2.1.1), in row order. */
  List<Map<PropTag, PropValue>> recipients(MessageId id) throws StoreException;

  /** Replaces the recipient rows of an item; one change. */
  SavedItem setRecipients(MessageId id, List<? extends Collection<PropValue>> recipients) throws StoreException;

  List<AttachmentInfo> attachments(MessageId id) throws StoreException;

  /**
   * Adds an attachment whose data is read from {@code data} as a stream, never whole in memory.
   *
   * @return the new attachment's number
   * @throws StoreException {@link StoreError#TOO_BIG} above the configured attachment size limit
   */
  int addAttachment(MessageId id, Collection<PropValue> properties, java.io.InputStream data) throws StoreException;

  /** Copies an attachment's data to {@code sink} as a stream. */
  void readAttachment(MessageId id, int number, java.io.OutputStream sink) throws StoreException;

  SavedItem deleteAttachment(MessageId id, int number) throws StoreException;

  /**
   * Creates the message embedded in an existing attachment, which becomes an afEmbeddedMessage
   * attachment (PidTagAttachMethod 5, MS-OXCMSG 2.2.2.9); Outlook's RopOpenEmbeddedMessage with
   * Create. One change of the item; needs the rights to edit it.
   *
   * @throws StoreException NOT_FOUND if the attachment does not exist, INVALID_PARAMETER if it
   *     holds an embedded message already, TOO_BIG beyond the configured nesting depth
   * @since 1.1
   */
  EmbeddedMessage createEmbeddedMessage(AttachmentPath attachment, Collection<PropValue> properties) throws StoreException;

  /**
   * Opens the message embedded in an attachment.
   *
   * @throws StoreException NOT_FOUND if there is none
   * @since 1.1
   */
  EmbeddedMessage embeddedMessage(AttachmentPath attachment) throws StoreException;

  /**
   * Sets and removes properties of an embedded message: one change of its item.
   *
   * @since 1.1
   */
  SavedItem saveEmbeddedMessage(AttachmentPath attachment, Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException;

  /**
   * Replaces the recipient rows of an embedded message: one change of its item.
   *
   * @since 1.1
   */
  SavedItem setEmbeddedRecipients(AttachmentPath attachment, List<? extends Collection<PropValue>> recipients)
      throws StoreException;

  /**
   * Adds an attachment to the message embedded in {@code attachment}; its data is streamed.
   *
   * @return the new attachment's path
   * @since 1.1
   */
  AttachmentPath addEmbeddedAttachment(AttachmentPath attachment, Collection<PropValue> properties, java.io.InputStream data)
      throws StoreException;

  /**
   * Copies the data of an attachment at any depth to {@code sink}.
   *
   * @since 1.1
   */
  void readAttachment(AttachmentPath attachment, java.io.OutputStream sink) throws StoreException;

  /**
   * Deletes an attachment at any depth, with the message it embeds and everything in that.
   *
   * @since 1.1
   */
  SavedItem deleteAttachment(AttachmentPath attachment) throws StoreException;

  /**
   * Stores a large property value (a body, say) from a stream; it is then read with {@link
   * #readStream}, not returned in {@link StoredItem#properties()}.
   */
  SavedItem writeStream(MessageId id, PropTag tag, java.io.InputStream value) throws StoreException;

  /** Copies a value stored with {@link #writeStream} to {@code sink}; NOT_FOUND if there is none. */
  void readStream(MessageId id, PropTag tag, java.io.OutputStream sink) throws StoreException;

  /**
   * The items of a folder that match {@code restriction} (MS-OXCDATA 2.12; {@code null} for all),
   * sorted by {@code sort} (ties broken by item id, so pages are stable while the folder does not
   * change), {@code limit} rows from {@code offset}.
   *
   * @throws StoreException TOO_COMPLEX for trees beyond the limits, NOT_SUPPORTED for unsupported
   *     operators, INVALID_PARAMETER for malformed ones
   */
  QueryPage query(FolderId folder, io.convene.api.store.query.Restriction restriction,
      io.convene.api.store.query.SortOrderSet sort, int offset, int limit) throws StoreException;

  /**
   * As {@link #query(FolderId, io.convene.api.store.query.Restriction,
   * io.convene.api.store.query.SortOrderSet, int, int)}, over the folder's normal items or its
   * folder-associated ones; the other query reads the normal items. On a search folder the normal
   * rows are the items of its scope that match its criteria now, each with its real {@link
   * StoredItem#folderId()}; items of scope folders the caller may not read are left out. Its
   * associated rows are its own (views Outlook keeps there).
   *
   * @throws StoreException as the other query
   * @since 1.2
   */
  QueryPage query(FolderId folder, Contents contents, io.convene.api.store.query.Restriction restriction,
      io.convene.api.store.query.SortOrderSet sort, int offset, int limit) throws StoreException;

  /**
   * The rows of a folder's hierarchy table (MS-OXCFOLD 2.2.1.13): its subfolders the caller may
   * see, or with {@code allDescendants} every visible descendant, parents before children; only
   * those matching {@code restriction} ({@code null} for all), sorted by {@code sort} (ties keep
   * that tree order), {@code limit} rows from {@code offset}.
   *
   * @throws StoreException TOO_COMPLEX, NOT_SUPPORTED or INVALID_PARAMETER as {@link #query}; TOO_BIG
   *     for trees beyond the store's limits
   * @since 1.2
   */
  HierarchyPage hierarchy(FolderId parent, boolean allDescendants, io.convene.api.store.query.Restriction restriction,
      io.convene.api.store.query.SortOrderSet sort, int offset, int limit) throws StoreException;

  /**
   * Creates a search folder (MS-OXCFOLD 2.2.1.2.1, FolderType 2), e.g. under {@link
   * SpecialFolder#FINDER}. It holds no normal items of its own (NOT_SUPPORTED), only
   * folder-associated ones, and no subfolders; its contents come from {@link #setSearchCriteria}.
   *
   * @throws StoreException DUPLICATE_NAME as {@link #createFolder}
   * @since 1.2
   */
  FolderInfo createSearchFolder(FolderId parent, String displayName) throws StoreException;

  /**
   * Sets a search folder's criteria, durably (MS-OXCFOLD 3.2.5.4). A {@code null} restriction or
   * an empty scope keeps the previous one, which the first call must not rely on. {@code flags} are
   * the SetSearchCriteria SearchFlags ({@link SearchCriteria#RESTART_SEARCH}...).
   *
   * @throws StoreException INVALID_PARAMETER for a folder that is not a search folder, contradicting
   *     or unknown flags, a scope that names the search folder or a folder of no mailbox, a first
   *     call without restriction or scope; TOO_BIG for a scope beyond the store's limit;
   *     TOO_COMPLEX or NOT_SUPPORTED for a restriction the store cannot evaluate
   * @since 1.2
   */
  void setSearchCriteria(FolderId searchFolder, io.convene.api.store.query.Restriction restriction,
      Collection<FolderId> scope, int flags) throws StoreException;

  /**
   * A search folder's criteria (MS-OXCFOLD 3.2.5.5).
   *
   * @throws StoreException NOT_FOUND if none were ever set, INVALID_PARAMETER if the folder is not
   *     a search folder
   * @since 1.2
   */
  SearchCriteria searchCriteria(FolderId searchFolder) throws StoreException;

  /** Deletes items; {@code hard} leaves no recoverable copy (both leave tombstones for sync). */
  void delete(FolderId folder, Collection<MessageId> ids, boolean hard) throws StoreException;

  /** Marks items read or unread: a read-state change, not a content change. */
  void setRead(FolderId folder, Collection<MessageId> ids, boolean read) throws StoreException;

  /** Moves items to another folder of this mailbox; they keep their ids. */
  void move(FolderId from, Collection<MessageId> ids, FolderId to) throws StoreException;

  /**
   * Copies items to a folder of this mailbox with everything they hold: recipients, attachments,
   * embedded messages at every depth and streamed values. The copies are new items (new ids,
   * source keys and change keys); read state is kept. Needs read rights on {@code from} and
   * {@link FolderRights#CREATE} on {@code to}; one transaction.
   *
   * @return the copies' ids, in the order of {@code ids}
   * @since 1.1
   */
  List<MessageId> copy(FolderId from, Collection<MessageId> ids, FolderId to) throws StoreException;

  /** What changed in a folder after change counter {@code since} (0 = everything). */
  FolderChanges changesSince(FolderId folder, long since) throws StoreException;

  /**
   * The property id (0x8000-0xFFFE) of a named property in this mailbox, mapping it on first use
   * when {@code create} is set. A mapping never changes once made.
   */
  int namedPropertyId(NamedProperty property, boolean create) throws StoreException;

  NamedProperty namedProperty(int id) throws StoreException;

  /**
   * Every named property mapped in this mailbox, by property id (MS-OXCPRPT 3.2.5.10,
   * RopQueryNamedProperties).
   *
   * @since 1.2
   */
  Map<Integer, NamedProperty> namedProperties() throws StoreException;

  /**
   * The receive folder for {@code messageClass} (MS-OXCSTOR 3.2.5.2): the entry of the class, else
   * of its longest parent class ("IPM.Note.X", "IPM.Note", "IPM"), else the default ("") entry.
   * Classes compare without regard to case.
   *
   * @throws StoreException INVALID_PARAMETER for a malformed class (MS-OXCSTOR 2.2.1.2.1)
   * @since 1.2
   */
  ReceiveFolder receiveFolder(String messageClass) throws StoreException;

  /**
   * Sets the receive folder of a message class, or removes the class's entry when {@code folder} is
   * null (MS-OXCSTOR 3.2.5.3). Only the owner may change it.
   *
   * @throws StoreException INVALID_PARAMETER for a malformed class, or when removing the default
   *     ("") entry or the "IPM" or "REPORT.IPM" one; ACCESS_DENIED for "IPC" classes (their
   *     receive folder is the root) and for callers other than the owner; NOT_FOUND for an unknown folder
   * @since 1.2
   */
  void setReceiveFolder(String messageClass, FolderId folder) throws StoreException;

  /**
   * Every receive folder entry (MS-OXCSTOR 3.2.5.4), sorted by message class.
   *
   * @since 1.2
   */
  List<ReceiveFolder> receiveFolders() throws StoreException;

  /**
   * The properties kept on the mailbox (store) object itself, set with {@link
   * #setMailboxProperties} (MS-OXCSTOR 2.2.2). Computed ones (owner, state, folder entry ids) are
   * the protocol bundle's.
   *
   * @since 1.2
   */
  Map<PropTag, PropValue> mailboxProperties() throws StoreException;

  /**
   * Sets and removes properties of the mailbox object in one transaction; only the owner may.
   *
   * @return the properties not written and why (none so far: the store keeps any it is given)
   * @since 1.2
   */
  Map<PropTag, StoreError> setMailboxProperties(Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException;

  /** The ACL of a folder: member id ({@link FolderRights#DEFAULT_MEMBER}, anonymous, or an account) to rights. */
  Map<Long, Integer> permissions(FolderId folder) throws StoreException;

  /** Sets one member's rights on a folder; 0 removes the entry. Needs {@link FolderRights#FOLDER_OWNER}. */
  void setPermission(FolderId folder, long memberId, int rights) throws StoreException;

  /**
   * The caller's own effective rights on a folder ({@link FolderRights} bits): all for the owner,
   * else its ACL entry or the Default one. Unlike {@link #permissions} it needs no right, since a
   * caller may always know what it may do (PidTagRights, RopOpenMessage's access decision).
   *
   * @throws StoreException NOT_FOUND for an unknown folder
   * @since 1.3
   */
  int rights(FolderId folder) throws StoreException;
}
