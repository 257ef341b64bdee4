package io.convene.storage.derby.store;

import io.convene.api.store.AttachmentInfo;
import io.convene.api.store.AttachmentPath;
import io.convene.api.store.EmbeddedMessage;
import io.convene.api.store.Caller;
import io.convene.api.store.ChangeNumber;
import io.convene.api.store.Contents;
import io.convene.api.store.HierarchyPage;
import io.convene.api.store.SearchCriteria;
import io.convene.api.store.FolderChanges;
import io.convene.api.store.FolderDeletion;
import io.convene.api.store.ReceiveFolder;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.QueryPage;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import io.convene.storage.derby.query.BagComparator;
import io.convene.storage.derby.query.QueryException;
import io.convene.storage.derby.query.RestrictionEvaluator;
import io.convene.storage.derby.query.StringOrder;
import io.convene.storage.derby.query.SubObjects;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreChange;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.codec.RestrictionFormat;
import io.convene.storage.derby.db.Database;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One mailbox on Derby, every call checked against the caller's folder rights. */
final class DerbyMailbox implements Mailbox {

  /** Ascending pages starting at most this far in are read in one statement (see idPage). */
  static final int MAX_DIRECT_PAGE_OFFSET = 500;

  /** Most items one bulk call may touch; more is refused rather than run as one huge transaction. */
  static final int MAX_BULK = 10_000;



  private static final NamedProperty START_WHOLE = NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D);
  private static final NamedProperty END_WHOLE = NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820E);
  private static final NamedProperty RECURRING = NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x8223);
  private static final NamedProperty CLIP_END = NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x8236);
  private static final List<NamedProperty> PROMOTED = List.of(START_WHOLE, END_WHOLE, RECURRING, CLIP_END);

  private final Database database;
  private final PropertyBagCodec codec;
  private final Clock clock;
  private final long owner;
  private final UUID replica;
  private final Caller caller;
  private final ChangePublisher events;
  /** Read at each call: the limits may be reconfigured while a mailbox is open. */
  private final java.util.function.Supplier<StoreLimits> limits;
  private final Counters counters;
  private final PromotedNames promotedNames;

  DerbyMailbox(Database database, PropertyBagCodec codec, Clock clock, long owner, UUID replica, Caller caller,
      ChangePublisher events, java.util.function.Supplier<StoreLimits> limits, Counters counters,
      PromotedNames promotedNames) {
    this.counters = counters;
    this.promotedNames = promotedNames;
    this.events = events;
    this.limits = limits;
    this.database = database;
    this.codec = codec;
    this.clock = clock;
    this.owner = owner;
    this.replica = replica;
    this.caller = caller;
  }

  @Override
  public long ownerAccountId() {
    return owner;
  }

  @Override
  public UUID replicaGuid() {
    return replica;
  }

  @Override
  public FolderInfo folder(FolderId id) throws StoreException {
    return Transactions.run(database, connection -> {
      FolderInfo folder = readFolder(connection, checkReplica(id));
      require(connection, id, FolderRights.FOLDER_VISIBLE);
      return folder;
    });
  }

  @Override
  public FolderInfo folder(SpecialFolder special) throws StoreException {
    return Transactions.run(database, connection -> {
      FolderId id;
      try (PreparedStatement query = connection.prepareStatement("SELECT FOLDER_ID FROM FOLDERS WHERE ACCOUNT_ID = ? AND SPECIAL = ?")) {
        query.setLong(1, owner);
        query.setString(2, special.name());
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            throw new StoreException(StoreError.NOT_FOUND, "no " + special + " folder");
          }
          id = FolderId.fromLong(row.getLong(1));
        }
      }
      require(connection, id, FolderRights.FOLDER_VISIBLE);
      return readFolder(connection, id);
    });
  }

  @Override
  public Map<PropTag, PropValue> folderProperties(FolderId id) throws StoreException {
    return Transactions.run(database, connection -> {
      requireFolder(connection, checkReplica(id));
      require(connection, id, FolderRights.FOLDER_VISIBLE);
      try (PreparedStatement query = connection.prepareStatement("SELECT PROPS FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
        query.setLong(1, owner);
        query.setLong(2, id.toLong());
        try (ResultSet row = query.executeQuery()) {
          row.next();
          Map<PropTag, PropValue> bag = new LinkedHashMap<>();
          for (PropValue value : codec.decode(row.getBytes(1))) {
            bag.put(value.tag(), value);
          }
          return bag;
        }
      }
    });
  }

  @Override
  public List<FolderInfo> subfolders(FolderId parent) throws StoreException {
    return Transactions.run(database, connection -> {
      requireFolder(connection, checkReplica(parent));
      List<FolderInfo> visible = new ArrayList<>();
      for (FolderId id : visibleChildren(connection, parent)) {
        visible.add(readFolder(connection, id));
      }
      return visible;
    });
  }

  @Override
  public FolderInfo createFolder(FolderId parent, String displayName, String containerClass) throws StoreException {
    return createFolder(parent, displayName, containerClass, SearchFolders.GENERIC);
  }

  @Override
  public FolderInfo createSearchFolder(FolderId parent, String displayName) throws StoreException {
    return createFolder(parent, displayName, null, SearchFolders.SEARCH);
  }

  private FolderInfo createFolder(FolderId parent, String displayName, String containerClass, int folderType)
      throws StoreException {
    if (displayName == null || displayName.isBlank() || displayName.length() > 256) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "a folder name has 1 to 256 characters");
    }
    FolderInfo created = write(connection -> {
      refuseSearchFolder(requireFolder(connection, checkReplica(parent)), parent);
      require(connection, parent, FolderRights.CREATE_SUBFOLDER);
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT 1 FROM FOLDERS WHERE ACCOUNT_ID = ? AND PARENT_ID = ? AND DISPLAY_NAME = ?")) {
        query.setLong(1, owner);
        query.setLong(2, parent.toLong());
        query.setString(3, displayName);
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            throw new StoreException(StoreError.DUPLICATE_NAME, "a folder '" + displayName + "' exists there already");
          }
        }
      }
      FolderId id = new FolderWriter(connection, owner, counters.of(owner), replica, codec, clock).create(parent, displayName, containerClass, null);
      if (folderType != SearchFolders.GENERIC) {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE FOLDERS SET FOLDER_TYPE = ? WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
          update.setShort(1, (short) folderType);
          update.setLong(2, owner);
          update.setLong(3, id.toLong());
          update.executeUpdate();
        }
      }
      return readFolder(connection, id);
    });
    publish(StoreChange.Kind.FOLDER_CREATED, created.id(), List.of(), created.changeNumber().counter().value());
    return created;
  }

  @Override
  public SavedItem createItem(FolderId folder, Collection<PropValue> properties) throws StoreException {
    return createItems(folder, List.of(properties)).get(0);
  }

  @Override
  public List<SavedItem> createItems(FolderId folder, List<? extends Collection<PropValue>> items) throws StoreException {
    if (items.isEmpty() || items.size() > MAX_BULK) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "1 to " + MAX_BULK + " items per call");
    }
    List<SavedItem> result = write(connection -> {
      int folderType = requireFolder(connection, checkReplica(folder));
      // a search folder keeps folder-associated items (its views) but no normal ones
      for (Collection<PropValue> item : items) {
        if (!associated(item)) {
          refuseSearchFolder(folderType, folder);
        }
      }
      require(connection, folder, FolderRights.CREATE);
      long first = allocate(connection, 2 * items.size());
      Map<NamedProperty, Integer> promotedIds = promotedIds(connection);
      Instant now = clock.instant();
      List<SavedItem> saved = new ArrayList<>(items.size());
      long widest = 0;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO MESSAGES (ACCOUNT_ID, MESSAGE_ID, FOLDER_ID, CREATOR_ID, MESSAGE_CLASS, CHANGE_NUMBER, READ_CN,"
              + " IS_READ, START_TIME, END_TIME, RECUR_END, LAST_MODIFIED, PROPS, ASSOCIATED)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < items.size(); i++) {
          MessageId id = MessageId.of(DerbyStore.REPLICA_ID, first + 2L * i);
          long changeNumber = first + 2L * i + 1;
          Map<PropTag, PropValue> bag = ItemWriter.apply(Map.of(), items.get(i), List.of(), replica, id, folder, changeNumber, now);
          limits.get().checkBag(bag.values(), "item " + i);
          Promoted promoted = promote(promotedIds, bag);
          widest = Math.max(widest, span(promoted));
          insert.setLong(1, owner);
          insert.setLong(2, id.toLong());
          insert.setLong(3, folder.toLong());
          insert.setLong(4, caller.system() ? owner : caller.accountId());
          insert.setString(5, promoted.messageClass());
          insert.setLong(6, changeNumber);
          insert.setLong(7, changeNumber);
          setTime(insert, 8, promoted.start());
          setTime(insert, 9, promoted.end());
          setTime(insert, 10, promoted.recurrenceEnd());
          insert.setLong(11, now.toEpochMilli());
          insert.setBytes(12, codec.encode(bag.values()));
          insert.setShort(13, (short) (associated(items.get(i)) ? 1 : 0));
          if (items.size() == 1) {
            insert.executeUpdate(); // a single save skips Derby's batch bookkeeping
          } else {
            insert.addBatch();
          }
          saved.add(ItemWriter.saved(bag, id, changeNumber));
        }
        if (items.size() > 1) {
          insert.executeBatch();
        }
      }
      widenSpan(connection, folder, widest);
      return saved;
    });
    publish(StoreChange.Kind.ITEMS_CREATED, folder, result.stream().map(SavedItem::id).toList(),
        result.get(result.size() - 1).changeNumber().counter().value());
    return result;
  }

  @Override
  public SavedItem updateItem(MessageId id, Collection<PropValue> set, Collection<PropTag> remove) throws StoreException {
    return modify(id, set, remove, (connection, row) -> {});
  }

  /** Checked under the mailbox's writer lock, so no other write lands between check and update. */
  @Override
  public SavedItem updateItem(MessageId id, ChangeNumber expected, Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException {
    return modify(id, set, remove, (connection, row) -> {
      if (!DerbyStore.changeNumber(row.changeNumber()).equals(expected)) {
        throw new StoreException(StoreError.OBJECT_MODIFIED, "item " + id + " changed since change " + expected);
      }
    });
  }

  @FunctionalInterface
  private interface SubObjectWork {
    void run(Connection connection, Row row) throws SQLException, StoreException;
  }

  /** Runs {@code work} on an item the caller may edit, then records it as one change of the item. */
  private SavedItem modify(MessageId id, SubObjectWork work) throws StoreException {
    return modify(id, List.of(), List.of(), work);
  }

  private SavedItem modify(MessageId id, Collection<PropValue> set, Collection<PropTag> remove, SubObjectWork work)
      throws StoreException {
    FolderId[] folder = new FolderId[1];
    SavedItem saved;
    try {
      saved = write(connection -> {
        Row row = readRow(connection, checkReplica(id));
        folder[0] = row.folder();
        requireOwnedOrAny(connection, row, FolderRights.EDIT_OWNED, FolderRights.EDIT_ANY);
        work.run(connection, row);
        return saveBag(connection, row, set, remove);
      });
    } catch (StoreException e) {
      if (e.error() == StoreError.STORAGE_FAILURE && LimitedInputStream.causedByLimit(e)) {
        throw new StoreException(StoreError.TOO_BIG, "the value is larger than the store accepts", e);
      }
      throw e;
    }
    publish(StoreChange.Kind.ITEM_MODIFIED, folder[0], List.of(id), saved.changeNumber().counter().value());
    return saved;
  }

  private SavedItem saveBag(Connection connection, Row row, Collection<PropValue> set, Collection<PropTag> remove)
      throws SQLException, StoreException {
    long changeNumber = allocate(connection, 1);
    Map<PropTag, PropValue> bag =
        ItemWriter.apply(row.properties(), set, remove, replica, row.id(), row.folder(), changeNumber, clock.instant());
    limits.get().checkBag(set, "item " + row.id());
    limits.get().checkCount(bag.size(), "item " + row.id());
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE MESSAGES SET MESSAGE_CLASS = ?, CHANGE_NUMBER = ?, START_TIME = ?, END_TIME = ?, RECUR_END = ?,"
            + " LAST_MODIFIED = ?, PROPS = ? WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?")) {
      Promoted promoted = promote(promotedIds(connection), bag);
      widenSpan(connection, row.folder(), span(promoted));
      update.setString(1, promoted.messageClass());
      update.setLong(2, changeNumber);
      setTime(update, 3, promoted.start());
      setTime(update, 4, promoted.end());
      setTime(update, 5, promoted.recurrenceEnd());
      update.setLong(6, clock.millis());
      update.setBytes(7, codec.encode(bag.values()));
      update.setLong(8, owner);
      update.setLong(9, row.id().toLong());
      update.executeUpdate();
    }
    return ItemWriter.saved(bag, row.id(), changeNumber);
  }

  @Override
  public List<Map<PropTag, PropValue>> recipients(MessageId id) throws StoreException {
    return Transactions.run(database, connection -> {
      Row row = readRow(connection, checkReplica(id));
      require(connection, row.folder(), FolderRights.READ_ANY);
      return ItemParts.recipients(connection, owner, id, codec);
    });
  }

  @Override
  public SavedItem setRecipients(MessageId id, List<? extends Collection<PropValue>> recipients) throws StoreException {
    StoreLimits current = limits.get();
    current.checkRows(recipients, current.maxRecipientsPerItem(), "recipients");
    return modify(id, (connection, row) -> ItemParts.setRecipients(connection, owner, id, recipients, codec));
  }

  @Override
  public List<AttachmentInfo> attachments(MessageId id) throws StoreException {
    return Transactions.run(database, connection -> {
      Row row = readRow(connection, checkReplica(id));
      require(connection, row.folder(), FolderRights.READ_ANY);
      return ItemParts.attachments(connection, owner, id, codec);
    });
  }

  @Override
  public int addAttachment(MessageId id, Collection<PropValue> properties, InputStream data) throws StoreException {
    int[] number = new int[1];
    StoreLimits current = limits.get();
    current.checkBag(properties, "the attachment");
    modify(id, (connection, row) -> {
      current.checkAttachmentCount(ItemParts.attachmentCount(connection, owner, id), id);
      number[0] = ItemParts.addAttachment(connection, owner, id, properties, new LimitedInputStream(data, current.maxAttachmentBytes()), codec);
    });
    return number[0];
  }

  @Override
  public void readAttachment(MessageId id, int number, OutputStream sink) throws StoreException {
    Transactions.run(database, connection -> {
      Row row = readRow(connection, checkReplica(id));
      require(connection, row.folder(), FolderRights.READ_ANY);
      ItemParts.copyBlob(connection, "SELECT DATA FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND ATTACH_NUM = ?",
          owner, id, number, sink, "attachment " + number + " of " + id);
      return null;
    });
  }

  @Override
  public SavedItem deleteAttachment(MessageId id, int number) throws StoreException {
    return modify(id, (connection, row) -> ItemParts.deleteAttachment(connection, owner, id, number));
  }

  @Override
  public SavedItem writeStream(MessageId id, PropTag tag, InputStream value) throws StoreException {
    if (tag.type() != PropType.PT_BINARY && tag.type() != PropType.PT_UNICODE && tag.type() != PropType.PT_STRING8) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "only binary and string properties are streamed, not " + tag);
    }
    // the value moves out of the bag: one place per property
    return modify(id, List.of(), List.of(tag), (connection, row) ->
        ItemParts.writeLargeValue(connection, owner, id, tag, new LimitedInputStream(value, limits.get().maxStreamBytes())));
  }

  @Override
  public void readStream(MessageId id, PropTag tag, OutputStream sink) throws StoreException {
    Transactions.run(database, connection -> {
      Row row = readRow(connection, checkReplica(id));
      require(connection, row.folder(), FolderRights.READ_ANY);
      ItemParts.copyBlob(connection, "SELECT DATA FROM LARGE_VALUES WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND TAG = ?",
          owner, id, tag.tag(), sink, tag + " of " + id);
      return null;
    });
  }

  @Override
  public StoredItem item(MessageId id) throws StoreException {
    return Transactions.run(database, connection -> {
      Row row = readRow(connection, checkReplica(id));
      require(connection, row.folder(), FolderRights.READ_ANY);
      return row.toItem();
    });
  }

  @Override
  public List<StoredItem> items(FolderId folder, long afterId, int limit) throws StoreException {
    if (limit < 1 || limit > MAX_BULK) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "limit must be 1 to " + MAX_BULK);
    }
    return Transactions.run(database, connection -> {
      requireFolder(connection, checkReplica(folder));
      require(connection, folder, FolderRights.READ_ANY);
      List<StoredItem> items = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT " + Row.COLUMNS + " FROM " + messagesBy("MESSAGES_FOLDER_ID") + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?"
              + " AND ASSOCIATED = 0 AND MESSAGE_ID > ? AND DELETED_AT IS NULL ORDER BY MESSAGE_ID FETCH FIRST ? ROWS ONLY")) {
        query.setLong(1, owner);
        query.setLong(2, folder.toLong());
        // ids sort by their stored form (the wire bytes read little-endian), which is stable but
        // not the counter order and may be negative: 0 means "from the start"
        query.setLong(3, afterId == 0 ? Long.MIN_VALUE : afterId);
        query.setInt(4, limit);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            items.add(Row.item(rows, codec));
          }
        }
      }
      return items;
    });
  }

  @Override
  public QueryPage query(FolderId folder, Restriction restriction, SortOrderSet sort, int offset, int limit)
      throws StoreException {
    return query(folder, Contents.NORMAL, restriction, sort, offset, limit, true);
  }

  @Override
  public QueryPage query(FolderId folder, Contents contents, Restriction restriction, SortOrderSet sort, int offset,
      int limit) throws StoreException {
    return query(folder, contents, restriction, sort, offset, limit, true);
  }

  /**
   * The query without SQL's help (no id-ordered pages, no read-state filter): every item of the
   * folder decoded once, matched in memory and sorted, which is correct for every restriction and
   * sort. Tests hold the SQL paths against it.
   */
  QueryPage queryInMemory(FolderId folder, Restriction restriction, SortOrderSet sort, int offset, int limit)
      throws StoreException {
    return query(folder, Contents.NORMAL, restriction, sort, offset, limit, false);
  }

  QueryPage queryInMemory(FolderId folder, Contents contents, Restriction restriction, SortOrderSet sort, int offset,
      int limit) throws StoreException {
    return query(folder, contents, restriction, sort, offset, limit, false);
  }

  private QueryPage query(FolderId folder, Contents contents, Restriction restriction, SortOrderSet sort, int offset,
      int limit, boolean sqlPages) throws StoreException {
    boolean associated = contents == Contents.ASSOCIATED;
    if (offset < 0 || limit < 1 || limit > MAX_BULK) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "offset >= 0 and limit 1 to " + MAX_BULK);
    }
    try {
      // built first for every query: it refuses categorized sorts and unsortable keys
      BagComparator order = BagComparator.withFinalKey(sort, StringOrder.IGNORE_CASE, Tags.MID);
      Optional<SortOrder.Direction> byId = IdOrder.of(sort);
      RestrictionEvaluator.Scan scan = restriction == null ? null
          : new RestrictionEvaluator(limits.get().queryLimits(), StringOrder.IGNORE_CASE).scan(restriction);
      return Transactions.run(database, connection -> {
        int folderType = requireFolder(connection, checkReplica(folder));
        require(connection, folder, FolderRights.READ_ANY);
        if (folderType == SearchFolders.SEARCH && !associated) {
          List<StoredItem> matches = searchMatches(connection, folder, restriction);
          return page(matches, order, offset, limit);
        }
        if (sqlPages && restriction == null && byId.isPresent()) {
          return idPage(connection, folder, associated, byId.get() == SortOrder.Direction.DESCENDING, offset, limit);
        }
        Optional<Boolean> read = sqlPages && restriction != null ? ReadStateFilter.of(restriction) : Optional.empty();
        Optional<Set<Integer>> wanted = sqlPages ? ViewProperties.of(restriction, sort) : Optional.empty();
        return scanPage(connection, folder, associated, read, wanted, scan, order, offset, limit);
      });
    } catch (QueryException e) {
      StoreError error = switch (e.reason()) {
        case TOO_COMPLEX -> StoreError.TOO_COMPLEX;
        case UNSUPPORTED -> StoreError.NOT_SUPPORTED;
        default -> StoreError.INVALID_PARAMETER;
      };
      throw new StoreException(error, e.getMessage(), e);
    }
  }

  /**
   * The general query: the folder's items (only those in the {@code read} state, if given) decoded
   * once each, matched in memory and sorted; linear in the folder size. With the {@code wanted}
   * property ids of the view only those are decoded for the scan (most of a bag's decoding is its
   * strings and binaries, which views seldom read) and the page's rows are read again whole.
   */
  private QueryPage scanPage(Connection connection, FolderId folder, boolean associated, Optional<Boolean> read,
      Optional<Set<Integer>> wanted, RestrictionEvaluator.Scan scan, BagComparator order, int offset, int limit)
      throws SQLException {
    java.util.function.IntPredicate project =
        wanted.map(ids -> PropertyBagCodec.accepting(ids.stream().mapToInt(Integer::intValue))).orElse(null);
    List<StoredItem> matches = new ArrayList<>();
    collectMatches(connection, folder, associated, read, project, scan, matches);
    QueryPage page = page(matches, order, offset, limit);
    if (project == null) {
      return page;
    }
    List<Long> ids = page.rows().stream().map(item -> item.id().toLong()).toList();
    return new QueryPage(itemsByIds(connection, folder, ids), page.totalMatches());
  }

  /** Adds the live items of one set of a folder (in the {@code read} state, if given) that match {@code scan}. */
  private void collectMatches(Connection connection, FolderId folder, boolean associated, Optional<Boolean> read,
      java.util.function.IntPredicate project, RestrictionEvaluator.Scan scan, List<StoredItem> matches)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + Row.COLUMNS + " FROM " + messagesBy("MESSAGES_FOLDER_ID")
            + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND ASSOCIATED = ? AND DELETED_AT IS NULL"
            + (read.isPresent() ? " AND IS_READ = ?" : "") + " ORDER BY MESSAGE_ID")) {
      query.setLong(1, owner);
      query.setLong(2, folder.toLong());
      query.setShort(3, (short) (associated ? 1 : 0));
      if (read.isPresent()) {
        query.setShort(4, (short) (read.get() ? 1 : 0));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          StoredItem item = Row.read(rows, codec, project).toItem();
          if (scan == null || scan.matches(item.properties(), parts(connection, item.id()))) {
            matches.add(item);
          }
        }
      }
    }
  }

  private static QueryPage page(List<StoredItem> matches, BagComparator order, int offset, int limit) {
    matches = new ArrayList<>(matches);
    matches.sort((a, b) -> order.compare(a.properties(), b.properties()));
    int from = Math.min(offset, matches.size());
    return new QueryPage(matches.subList(from, Math.min(matches.size(), from + limit)), matches.size());
  }

  /**
   * A page of the whole folder in id order, from SQL. An ascending page near the start (what
   * clients read most) is read with its rows in one statement walking the folder's id index: one
   * statement costs far less than a primary-key lookup per row (a quarter of a MAPI contents
   * Execute's server time); the rows its offset skips are fetched by Derby but not decoded, hence
   * {@link #MAX_DIRECT_PAGE_OFFSET}. Other pages read the page's ids first (no bag read for the
   * rows skipped; Derby scans no index backwards, so a descending page sorts the folder's ids),
   * then only those rows. The count comes from the read-state index, as the folder's item count does.
   */
  private QueryPage idPage(Connection connection, FolderId folder, boolean associated, boolean descending, int offset,
      int limit) throws SQLException {
    boolean direct = !descending && offset <= MAX_DIRECT_PAGE_OFFSET;
    List<Long> ids = new ArrayList<>(direct ? 0 : limit);
    List<StoredItem> page = new ArrayList<>(direct ? Math.min(limit, 256) : 0);
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + (direct ? Row.COLUMNS : "MESSAGE_ID") + " FROM " + messagesBy("MESSAGES_FOLDER_ID")
            + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND ASSOCIATED = ? AND DELETED_AT IS NULL"
            + " ORDER BY MESSAGE_ID " + (descending ? "DESC" : "ASC") + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      query.setLong(1, owner);
      query.setLong(2, folder.toLong());
      query.setShort(3, (short) (associated ? 1 : 0));
      query.setInt(4, offset);
      query.setInt(5, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (direct) {
            page.add(Row.item(rows, codec));
          } else {
            ids.add(rows.getLong(1));
          }
        }
      }
    }
    int[] counts = counts(connection, folder);
    return new QueryPage(direct ? page : itemsByIds(connection, folder, ids), associated ? counts[2] : counts[0]);
  }

  /** The live items of {@code ids} in {@code folder}, whole, in that order; ids no longer there are left out. */
  private List<StoredItem> itemsByIds(Connection connection, FolderId folder, List<Long> ids) throws SQLException {
    // One primary-key lookup per id. Derby does not probe an index with an IN list on its second
    // column (ACCOUNT_ID = ? AND MESSAGE_ID IN (...)): it scans all the mailbox's keys and fetches
    // every row to test it (JFR: 30 ms a page in a 10,000-item folder), where 50 lookups take ~1 ms.
    List<StoredItem> page = new ArrayList<>(ids.size());
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + Row.COLUMNS + " FROM MESSAGES WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND DELETED_AT IS NULL")) {
      for (long id : ids) {
        query.setLong(1, owner);
        query.setLong(2, id);
        try (ResultSet rows = query.executeQuery()) {
          // an item deleted or moved by a commit after its id was read is left out
          if (rows.next() && rows.getLong(2) == folder.toLong()) {
            page.add(Row.item(rows, codec));
          }
        }
      }
    }
    return page;
  }

  /** Recipients and attachments, read only if a sub-object restriction asks for them. */
  private SubObjects parts(Connection connection, MessageId id) {
    return new SubObjects() {
      @Override
      public List<Map<PropTag, PropValue>> recipients() {
        try {
          return ItemParts.recipients(connection, owner, id, codec);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public List<Map<PropTag, PropValue>> attachments() {
        try {
          return ItemParts.attachments(connection, owner, id, codec).stream().map(AttachmentInfo::properties).toList();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      /** The recipients and attachments of the message embedded in an attachment, if it has one. */
      @Override
      public SubObjects attachmentParts(int index) {
        try {
          int number = ItemParts.attachments(connection, owner, id, codec).get(index).number();
          Long embedded = EmbeddedMessages.embeddedIn(connection, owner, id.toLong(), number);
          return embedded == null ? SubObjects.NONE : parts(connection, MessageId.fromLong(embedded));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  @Override
  public List<StoredItem> calendarItems(FolderId folder, Instant start, Instant end) throws StoreException {
    return calendarItems(folder, start, end, (java.util.function.IntPredicate) null);
  }

  /** Decodes of each item only the values with the named ids (skipping the rest of its bag). */
  @Override
  public List<StoredItem> calendarItems(FolderId folder, Instant start, Instant end, Set<PropTag> properties)
      throws StoreException {
    return calendarItems(folder, start, end, PropertyBagCodec.accepting(properties.stream().mapToInt(PropTag::id)));
  }

  /** With {@code propertyIds}, items holding only the values with those ids; else whole. */
  private List<StoredItem> calendarItems(FolderId folder, Instant start, Instant end,
      java.util.function.IntPredicate propertyIds) throws StoreException {
    if (!start.isBefore(end)) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "the range must end after it starts");
    }
    return Transactions.run(database, connection -> {
      requireFolder(connection, checkReplica(folder));
      require(connection, folder, FolderRights.READ_ANY);
      // Both parts of the calendar index (CAL_KEY is the series end of a recurring master, else the
      // start): masters whose series ends after the range starts, and single appointments whose
      // start lies within [start - longest span of the folder, end). Both bounded, merged here.
      long maxSpan = maxSpan(connection, folder);
      CalendarOrder order = new CalendarOrder();
      collect(connection, order::addMaster, propertyIds,
          "SELECT " + Row.COLUMNS + ", START_TIME FROM " + messagesBy("MESSAGES_FOLDER_CALENDAR")
              + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND IS_SERIES = 1 AND CAL_KEY > ?"
              + " AND START_TIME < ? AND DELETED_AT IS NULL",
          folder, start.toEpochMilli(), end.toEpochMilli());
      collect(connection, order::addSingle, propertyIds,
          "SELECT " + Row.COLUMNS + ", START_TIME FROM " + messagesBy("MESSAGES_FOLDER_CALENDAR")
              + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND IS_SERIES = 0 AND CAL_KEY < ?"
              + " AND CAL_KEY >= ? AND END_TIME > ? AND DELETED_AT IS NULL",
          folder, end.toEpochMilli(), start.toEpochMilli() - maxSpan, start.toEpochMilli());
      return order.items();
    });
  }

  private void collect(Connection connection, java.util.function.Consumer<CalendarOrder.Timed> found,
      java.util.function.IntPredicate propertyIds, String sql, FolderId folder, long... bounds) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bindFolderAnd(query, folder, bounds);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          StoredItem item = Row.item(rows, codec, propertyIds);
          long start = rows.getLong(Row.COLUMN_COUNT + 1);
          found.accept(new CalendarOrder.Timed(rows.wasNull() ? Long.MIN_VALUE : start, item));
        }
      }
    }
  }

  /** Binds the owner and {@code folder} to a folder query's first two parameters, {@code bounds} to the rest. */
  private void bindFolderAnd(PreparedStatement query, FolderId folder, long... bounds) throws SQLException {
    query.setLong(1, owner);
    query.setLong(2, folder.toLong());
    for (int i = 0; i < bounds.length; i++) {
      query.setLong(3 + i, bounds[i]);
    }
  }

  private long maxSpan(Connection connection, FolderId folder) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT MAX_SPAN FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, folder.toLong());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  /** Keeps MAX_SPAN an upper bound of every single appointment's length in the folder. */
  private void widenSpan(Connection connection, FolderId folder, long span) throws SQLException {
    if (span <= 0) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE FOLDERS SET MAX_SPAN = ? WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND MAX_SPAN < ?")) {
      update.setLong(1, span);
      update.setLong(2, owner);
      update.setLong(3, folder.toLong());
      update.setLong(4, span);
      update.executeUpdate();
    }
  }

  private static long span(Promoted promoted) {
    return promoted.start() != null && promoted.end() != null ? promoted.end() - promoted.start() : 0;
  }

  @Override
  public void delete(FolderId folder, Collection<MessageId> ids, boolean hard) throws StoreException {
    Set<MessageId> unique = bulk(ids);
    long change = write(connection -> {
      requireFolder(connection, checkReplica(folder));
      List<Key> rows = rowsInFolder(connection, folder, unique, Key.COLUMNS, Key::read);
      int rights = Permissions.rights(connection, owner, folder.toLong(), caller);
      for (Key row : rows) {
        requireOwnedOrAny(rights, row.id(), row.creator(), FolderRights.DELETE_OWNED, FolderRights.DELETE_ANY);
      }
      long changeNumber = allocate(connection, 1);
      long now = clock.millis();
      String sql = hard
          ? "DELETE FROM MESSAGES WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?"
          : "UPDATE MESSAGES SET DELETED_AT = ? WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?";
      try (PreparedStatement delete = connection.prepareStatement(sql)) {
        for (Key row : rows) {
          int index = 1;
          if (!hard) {
            delete.setLong(index++, now);
          }
          delete.setLong(index++, owner);
          delete.setLong(index, row.id().toLong());
          delete.addBatch();
        }
        delete.executeBatch();
      }
      if (hard) {
        for (Key row : rows) {
          ItemParts.deleteAll(connection, owner, row.id());
        }
      }
      tombstones(connection, owner, folder, rows.stream().map(Key::id).toList(), changeNumber, hard);
      return changeNumber;
    });
    publish(StoreChange.Kind.ITEMS_DELETED, folder, List.copyOf(unique), change);
  }

  @Override
  public void setRead(FolderId folder, Collection<MessageId> ids, boolean read) throws StoreException {
    Set<MessageId> unique = bulk(ids);
    long change = write(connection -> {
      requireFolder(connection, checkReplica(folder));
      require(connection, folder, FolderRights.READ_ANY);
      List<Key> rows = rowsInFolder(connection, folder, unique, Key.COLUMNS, Key::read);
      long changeNumber = allocate(connection, 1);
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE MESSAGES SET IS_READ = ?, READ_CN = ? WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?")) {
        for (Key row : rows) {
          update.setShort(1, (short) (read ? 1 : 0));
          update.setLong(2, changeNumber);
          update.setLong(3, owner);
          update.setLong(4, row.id().toLong());
          update.addBatch();
        }
        update.executeBatch();
      }
      return changeNumber;
    });
    publish(StoreChange.Kind.ITEMS_READ_STATE, folder, List.copyOf(unique), change);
  }

  @Override
  public void move(FolderId from, Collection<MessageId> ids, FolderId to) throws StoreException {
    Set<MessageId> unique = bulk(ids);
    long change = write(connection -> {
      requireFolder(connection, checkReplica(from));
      refuseSearchFolder(requireFolder(connection, checkReplica(to)), to);
      require(connection, to, FolderRights.CREATE);
      List<Row> rows = rowsInFolder(connection, from, unique, Row.COLUMNS, rs -> Row.read(rs, codec));
      int rights = Permissions.rights(connection, owner, from.toLong(), caller);
      for (Row row : rows) {
        requireOwnedOrAny(rights, row.id(), row.creator(), FolderRights.DELETE_OWNED, FolderRights.DELETE_ANY);
      }
      long changeNumber = allocate(connection, 1);
      Instant now = clock.instant();
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE MESSAGES SET FOLDER_ID = ?, CHANGE_NUMBER = ?, LAST_MODIFIED = ?, PROPS = ? WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ?")) {
        for (Row row : rows) {
          Map<PropTag, PropValue> bag =
              ItemWriter.apply(row.properties(), List.of(), List.of(), replica, row.id(), to, changeNumber, now);
          update.setLong(1, to.toLong());
          update.setLong(2, changeNumber);
          update.setLong(3, now.toEpochMilli());
          update.setBytes(4, codec.encode(bag.values()));
          update.setLong(5, owner);
          update.setLong(6, row.id().toLong());
          update.addBatch();
        }
        update.executeBatch();
      }
      // the moved appointments may be longer than any in the target so far
      widenSpan(connection, to, maxSpan(connection, from));
      // for the source folder's sync the items are gone
      tombstones(connection, owner, from, rows.stream().map(Row::id).toList(), changeNumber, false);
      return changeNumber;
    });
    publish(StoreChange.Kind.ITEMS_MOVED, to, List.copyOf(unique), change);
  }

  @Override
  public List<MessageId> copy(FolderId from, Collection<MessageId> ids, FolderId to) throws StoreException {
    Set<MessageId> unique = bulk(ids);
    if (unique.isEmpty()) {
      return List.of();
    }
    List<MessageId> copies = new ArrayList<>(unique.size());
    long change = write(connection -> {
      requireFolder(connection, checkReplica(from));
      refuseSearchFolder(requireFolder(connection, checkReplica(to)), to);
      require(connection, from, FolderRights.READ_ANY);
      require(connection, to, FolderRights.CREATE);
      List<Row> rows = rowsInFolder(connection, from, unique, Row.COLUMNS, rs -> Row.read(rs, codec));
      Map<NamedProperty, Integer> promotedIds = promotedIds(connection);
      Instant now = clock.instant();
      long last = 0;
      long widest = 0;
      for (Row row : rows) {
        long first = allocate(connection, 2);
        MessageId id = MessageId.of(DerbyStore.REPLICA_ID, first);
        long changeNumber = first + 1;
        // a copy is a new item: its own change history and creation time
        Map<PropTag, PropValue> original = new LinkedHashMap<>(row.properties());
        original.remove(Tags.PREDECESSOR_CHANGE_LIST);
        original.remove(Tags.CREATION_TIME);
        Map<PropTag, PropValue> bag = ItemWriter.apply(original, List.of(), List.of(), replica, id, to, changeNumber, now);
        Promoted promoted = promote(promotedIds, bag);
        widest = Math.max(widest, span(promoted));
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO MESSAGES (ACCOUNT_ID, MESSAGE_ID, FOLDER_ID, CREATOR_ID, MESSAGE_CLASS, CHANGE_NUMBER, READ_CN,"
                + " IS_READ, START_TIME, END_TIME, RECUR_END, LAST_MODIFIED, PROPS, ASSOCIATED)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setLong(1, owner);
          insert.setLong(2, id.toLong());
          insert.setLong(3, to.toLong());
          insert.setLong(4, caller.system() ? owner : caller.accountId());
          insert.setString(5, promoted.messageClass());
          insert.setLong(6, changeNumber);
          insert.setLong(7, changeNumber);
          insert.setShort(8, (short) (row.read() ? 1 : 0));
          setTime(insert, 9, promoted.start());
          setTime(insert, 10, promoted.end());
          setTime(insert, 11, promoted.recurrenceEnd());
          insert.setLong(12, now.toEpochMilli());
          insert.setBytes(13, codec.encode(bag.values()));
          insert.setShort(14, (short) (row.associated() ? 1 : 0));
          insert.executeUpdate();
        }
        ItemParts.copyAll(connection, owner, row.id().toLong(), id.toLong());
        EmbeddedMessages.copyTree(connection, owner, counters.of(owner), row.id().toLong(), id.toLong(), id);
        copies.add(id);
        last = changeNumber;
      }
      widenSpan(connection, to, widest);
      return last;
    });
    publish(StoreChange.Kind.ITEMS_CREATED, to, List.copyOf(copies), change);
    return copies;
  }

  @Override
  public FolderChanges changesSince(FolderId folder, long since) throws StoreException {
    return Transactions.run(database, connection -> {
      requireFolder(connection, checkReplica(folder));
      require(connection, folder, FolderRights.READ_ANY);
      long highest = counters.of(owner).highest(connection);
      List<MessageId> changed = ids(connection,
          // SYNC_CN >= CHANGE_NUMBER: its range holds every content change after the state
          "SELECT MESSAGE_ID FROM " + messagesBy("MESSAGES_FOLDER_SYNC") + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND SYNC_CN > ?"
              + " AND CHANGE_NUMBER > ? AND DELETED_AT IS NULL ORDER BY CHANGE_NUMBER, MESSAGE_ID", folder, since, since);
      List<MessageId> deleted = ids(connection,
          "SELECT DISTINCT MESSAGE_ID FROM TOMBSTONES WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND CHANGE_NUMBER > ?"
              + " AND NOT EXISTS (SELECT 1 FROM MESSAGES M WHERE M.ACCOUNT_ID = TOMBSTONES.ACCOUNT_ID"
              + " AND M.MESSAGE_ID = TOMBSTONES.MESSAGE_ID AND M.FOLDER_ID = TOMBSTONES.FOLDER_ID AND M.DELETED_AT IS NULL)",
          folder, since);
      List<FolderChanges.ReadState> read = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT MESSAGE_ID, IS_READ FROM " + messagesBy("MESSAGES_FOLDER_SYNC") + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND SYNC_CN > ?"
              + " AND READ_CN > ? AND DELETED_AT IS NULL ORDER BY READ_CN, MESSAGE_ID")) {
        bindFolderAnd(query, folder, since, since);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            read.add(new FolderChanges.ReadState(MessageId.fromLong(rows.getLong(1)), rows.getShort(2) != 0));
          }
        }
      }
      return new FolderChanges(changed, deleted, read, highest);
    });
  }

  @Override
  public int namedPropertyId(NamedProperty property, boolean create) throws StoreException {
    int id;
    try {
      id = Transactions.run(database, connection -> NamedProperties.id(connection, owner, property, create));
    } finally {
      if (create) {
        promotedNames.mapped(owner); // after the commit: saves see the new id from now on
      }
    }
    if (id < 0) {
      throw new StoreException(StoreError.NOT_FOUND, "named property " + property + " is not mapped");
    }
    return id;
  }

  @Override
  public NamedProperty namedProperty(int id) throws StoreException {
    return Transactions.run(database, connection -> NamedProperties.property(connection, owner, id));
  }

  @Override
  public Map<Long, Integer> permissions(FolderId folder) throws StoreException {
    return Transactions.run(database, connection -> {
      requireFolder(connection, checkReplica(folder));
      require(connection, folder, FolderRights.FOLDER_OWNER);
      return Permissions.list(connection, owner, folder.toLong());
    });
  }

  @Override
  public int rights(FolderId folder) throws StoreException {
    return Transactions.run(database, connection -> {
      requireFolder(connection, checkReplica(folder));
      return Permissions.rights(connection, owner, folder.toLong(), caller);
    });
  }

  @Override
  public void setPermission(FolderId folder, long memberId, int rights) throws StoreException {
    if ((rights & ~FolderRights.ALL) != 0) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "unknown rights bits 0x" + Integer.toHexString(rights & ~FolderRights.ALL));
    }
    write(connection -> {
      requireFolder(connection, checkReplica(folder));
      require(connection, folder, FolderRights.FOLDER_OWNER);
      Permissions.set(connection, owner, folder.toLong(), memberId, rights);
      return null;
    });
  }

  // ---- folder deletion and properties, receive folders, mailbox properties (API 1.2) ----

  @Override
  public boolean deleteFolder(FolderId id, FolderDeletion what) throws StoreException {
    List<FolderId> deleted = new ArrayList<>();
    long change = write(connection -> {
      FolderDeleter deleter = new FolderDeleter(connection, owner, caller);
      List<FolderId> planned = deleter.plan(checkReplica(id), what);
      if (planned.isEmpty()) {
        return 0L;
      }
      counters.of(owner).folderStates().foldersDropped();
      long changeNumber = allocate(connection, 1);
      Instant now = clock.instant();
      deleter.delete(what.hard(), changeNumber, now);
      Map<SpecialFolder, FolderId> specials = SpecialFolderIds.ids(connection, owner);
      for (FolderId folder : planned) {
        ReceiveFolders.folderDeleted(connection, owner, folder, specials, now);
      }
      deleted.addAll(planned);
      return changeNumber;
    });
    for (FolderId folder : deleted) {
      publish(StoreChange.Kind.FOLDER_DELETED, folder, List.of(), change);
    }
    return !deleted.isEmpty();
  }

  @Override
  public List<FolderId> deletedFoldersSince(long since) throws StoreException {
    return Transactions.run(database, connection -> FolderDeleter.deletedSince(connection, owner, since));
  }

  @Override
  public Map<PropTag, StoreError> setFolderProperties(FolderId id, Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException {
    limits.get().checkBag(set, "folder " + id);
    long[] change = new long[1];
    Map<PropTag, StoreError> problems = write(connection -> {
      requireFolder(connection, checkReplica(id));
      require(connection, id, FolderRights.FOLDER_OWNER);
      FolderWriter writer = new FolderWriter(connection, owner, counters.of(owner), replica, codec, clock);
      Map<PropTag, StoreError> refused = FolderPropertyChanges.apply(connection, owner, writer, id, set, remove);
      change[0] = readFolder(connection, id).changeNumber().counter().value();
      return refused;
    });
    if (problems.size() < set.size() + remove.size()) {
      publish(StoreChange.Kind.FOLDER_MODIFIED, id, List.of(), change[0]);
    }
    return problems;
  }

  @Override
  public Map<Integer, NamedProperty> namedProperties() throws StoreException {
    return Transactions.run(database, connection -> NamedProperties.all(connection, owner));
  }

  @Override
  public ReceiveFolder receiveFolder(String messageClass) throws StoreException {
    ReceiveFolders.checkClass(messageClass);
    return Transactions.run(database, connection -> ReceiveFolders.find(connection, owner, messageClass));
  }

  @Override
  public void setReceiveFolder(String messageClass, FolderId folder) throws StoreException {
    ReceiveFolders.checkClass(messageClass);
    requireOwner("change receive folders");
    if (ReceiveFolders.isIpc(messageClass)) {
      throw new StoreException(StoreError.ACCESS_DENIED, "IPC messages are received in the root folder");
    }
    if (folder == null && ReceiveFolders.isPermanent(messageClass)) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "the receive folder of '" + messageClass + "' cannot be removed");
    }
    write(connection -> {
      if (folder == null) {
        ReceiveFolders.remove(connection, owner, messageClass);
      } else {
        requireFolder(connection, checkReplica(folder));
        ReceiveFolders.set(connection, owner, messageClass, folder, clock.instant());
      }
      return null;
    });
  }

  @Override
  public List<ReceiveFolder> receiveFolders() throws StoreException {
    return Transactions.run(database, connection -> ReceiveFolders.list(connection, owner));
  }

  @Override
  public Map<PropTag, PropValue> mailboxProperties() throws StoreException {
    return Transactions.run(database, connection -> MailboxProperties.read(connection, owner, codec));
  }

  @Override
  public Map<PropTag, StoreError> setMailboxProperties(Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException {
    requireOwner("set mailbox properties");
    limits.get().checkBag(set, "the mailbox");
    return write(connection -> {
      MailboxProperties.write(connection, owner, codec, set, remove);
      return Map.of();
    });
  }

  private void requireOwner(String what) throws StoreException {
    if (!caller.system() && caller.accountId() != owner) {
      throw new StoreException(StoreError.ACCESS_DENIED, "only the owner may " + what);
    }
  }

  // ---- messages embedded in attachments (MS-OXCMSG 2.2.2.9): changes of the item they are in ----

  @Override
  public EmbeddedMessage createEmbeddedMessage(AttachmentPath attachment, Collection<PropValue> properties)
      throws StoreException {
    StoreLimits current = limits.get();
    if (attachment.depth() > current.maxEmbeddingDepth()) {
      throw new StoreException(StoreError.TOO_BIG, "messages are embedded " + current.maxEmbeddingDepth()
          + " deep at most, " + attachment + " would be " + attachment.depth());
    }
    current.checkBag(properties, "the embedded message");
    EmbeddedMessage[] created = new EmbeddedMessage[1];
    modify(checkReplica(attachment.item()), (connection, row) -> {
      EmbeddedMessages.create(connection, owner, counters.of(owner), attachment, properties, codec, clock.instant());
      created[0] = EmbeddedMessages.read(connection, owner, attachment, codec);
    });
    return created[0];
  }

  @Override
  public EmbeddedMessage embeddedMessage(AttachmentPath attachment) throws StoreException {
    return Transactions.run(database, connection -> {
      Row row = readRow(connection, checkReplica(attachment.item()));
      require(connection, row.folder(), FolderRights.READ_ANY);
      return EmbeddedMessages.read(connection, owner, attachment, codec);
    });
  }

  @Override
  public SavedItem saveEmbeddedMessage(AttachmentPath attachment, Collection<PropValue> set, Collection<PropTag> remove)
      throws StoreException {
    StoreLimits current = limits.get();
    current.checkBag(set, "the message embedded in " + attachment);
    return modify(checkReplica(attachment.item()), (connection, row) ->
        EmbeddedMessages.save(connection, owner, attachment, set, remove, codec, clock.instant(), current));
  }

  @Override
  public SavedItem setEmbeddedRecipients(AttachmentPath attachment, List<? extends Collection<PropValue>> recipients)
      throws StoreException {
    StoreLimits current = limits.get();
    current.checkRows(recipients, current.maxRecipientsPerItem(), "recipients");
    return modify(checkReplica(attachment.item()), (connection, row) -> ItemParts.setRecipients(connection, owner,
        MessageId.fromLong(EmbeddedMessages.id(connection, owner, attachment)), recipients, codec));
  }

  @Override
  public AttachmentPath addEmbeddedAttachment(AttachmentPath attachment, Collection<PropValue> properties, InputStream data)
      throws StoreException {
    StoreLimits current = limits.get();
    current.checkBag(properties, "the attachment");
    int[] number = new int[1];
    modify(checkReplica(attachment.item()), (connection, row) -> {
      MessageId embedded = MessageId.fromLong(EmbeddedMessages.id(connection, owner, attachment));
      current.checkAttachmentCount(ItemParts.attachmentCount(connection, owner, embedded), "the message embedded in " + attachment);
      number[0] = ItemParts.addAttachment(connection, owner, embedded, properties,
          new LimitedInputStream(data, current.maxAttachmentBytes()), codec);
    });
    return attachment.child(number[0]);
  }

  @Override
  public void readAttachment(AttachmentPath attachment, OutputStream sink) throws StoreException {
    Transactions.run(database, connection -> {
      Row row = readRow(connection, checkReplica(attachment.item()));
      require(connection, row.folder(), FolderRights.READ_ANY);
      int number = attachment.numbers().get(attachment.depth() - 1);
      ItemParts.copyBlob(connection, "SELECT DATA FROM ATTACHMENTS WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND ATTACH_NUM = ?",
          owner, MessageId.fromLong(EmbeddedMessages.container(connection, owner, attachment)), number, sink,
          attachment.toString());
      return null;
    });
  }

  @Override
  public SavedItem deleteAttachment(AttachmentPath attachment) throws StoreException {
    int number = attachment.numbers().get(attachment.depth() - 1);
    return modify(checkReplica(attachment.item()), (connection, row) -> ItemParts.deleteAttachment(connection, owner,
        MessageId.fromLong(EmbeddedMessages.container(connection, owner, attachment)), number));
  }

  // ---- search folders and hierarchy tables (MS-OXCFOLD 2.2.1.4, 2.2.1.5, 2.2.1.13) ----

  @Override
  public void setSearchCriteria(FolderId searchFolder, Restriction restriction, Collection<FolderId> scope, int flags)
      throws StoreException {
    checkReplica(searchFolder);
    if (scope.size() > SearchFolders.MAX_SCOPE) {
      throw new StoreException(StoreError.TOO_BIG, "at most " + SearchFolders.MAX_SCOPE + " folders per search");
    }
    for (FolderId id : scope) {
      if (checkReplica(id).equals(searchFolder)) {
        throw new StoreException(StoreError.INVALID_PARAMETER, "a search folder cannot search itself");
      }
    }
    if (restriction != null) {
      try {
        // refused now rather than at every read: too deep, too large, an unsupported operator
        new RestrictionEvaluator(limits.get().queryLimits(), StringOrder.IGNORE_CASE).scan(restriction);
      } catch (QueryException e) {
        throw queryError(e);
      }
    }
    write(connection -> {
      if (requireFolder(connection, searchFolder) != SearchFolders.SEARCH) {
        throw new StoreException(StoreError.INVALID_PARAMETER, searchFolder + " is not a search folder");
      }
      require(connection, searchFolder, FolderRights.FOLDER_OWNER);
      for (FolderId id : scope) {
        requireFolder(connection, id);
      }
      RestrictionFormat format = restrictionFormat();
      SearchCriteria criteria = SearchFolders.merge(SearchFolders.read(connection, owner, searchFolder, format), restriction,
          scope, flags);
      SearchFolders.write(connection, owner, searchFolder, criteria, format);
      // a change of the folder: hierarchy sync sends it again
      new FolderWriter(connection, owner, counters.of(owner), replica, codec, clock).setProperties(searchFolder, List.of());
      return null;
    });
  }

  @Override
  public SearchCriteria searchCriteria(FolderId searchFolder) throws StoreException {
    return Transactions.run(database, connection -> {
      int folderType = requireFolder(connection, checkReplica(searchFolder));
      require(connection, searchFolder, FolderRights.FOLDER_VISIBLE);
      if (folderType != SearchFolders.SEARCH) {
        throw new StoreException(StoreError.INVALID_PARAMETER, searchFolder + " is not a search folder");
      }
      return SearchFolders.read(connection, owner, searchFolder, restrictionFormat())
          .orElseThrow(() -> new StoreException(StoreError.NOT_FOUND, "no search criteria were set on " + searchFolder));
    });
  }

  @Override
  public HierarchyPage hierarchy(FolderId parent, boolean allDescendants, Restriction restriction, SortOrderSet sort,
      int offset, int limit) throws StoreException {
    if (offset < 0 || limit < 0 || limit > MAX_BULK) {
      throw new StoreException(StoreError.INVALID_PARAMETER, "offset >= 0 and limit 0 to " + MAX_BULK);
    }
    try {
      RestrictionEvaluator.Scan scan = restriction == null ? null
          : new RestrictionEvaluator(limits.get().queryLimits(), StringOrder.IGNORE_CASE).scan(restriction);
      // ties keep the tree order: the sort is stable
      BagComparator order = sort.sorts().isEmpty() ? null : new BagComparator(sort, StringOrder.IGNORE_CASE, (a, b) -> 0);
      return Transactions.run(database, connection -> {
        requireFolder(connection, checkReplica(parent));
        require(connection, parent, FolderRights.FOLDER_VISIBLE);
        List<io.convene.api.store.HierarchyRow> rows = new ArrayList<>();
        walk(connection, parent, 1, allDescendants, rows);
        if (scan != null) {
          rows.removeIf(row -> !scan.matches(row.properties(), io.convene.storage.derby.query.SubObjects.NONE));
        }
        if (order != null) {
          rows.sort((a, b) -> order.compare(a.properties(), b.properties()));
        }
        int from = Math.min(offset, rows.size());
        return new HierarchyPage(rows.subList(from, Math.min(rows.size(), from + limit)), rows.size());
      });
    } catch (QueryException e) {
      throw queryError(e);
    }
  }

  /** Adds the visible subfolders of {@code parent}, parents before children, as hierarchy rows. */
  private void walk(Connection connection, FolderId parent, int depth, boolean allDescendants,
      List<io.convene.api.store.HierarchyRow> into) throws SQLException, StoreException {
    for (FolderId child : visibleChildren(connection, parent)) {
      if (into.size() >= HierarchyBags.MAX_FOLDERS) {
        throw new StoreException(StoreError.TOO_BIG, "a hierarchy table lists at most " + HierarchyBags.MAX_FOLDERS + " folders");
      }
      FolderInfo info = readFolder(connection, child);
      List<FolderId> grandchildren = visibleChildren(connection, child);
      into.add(new io.convene.api.store.HierarchyRow(info, depth,
          HierarchyBags.of(storedFolderBag(connection, child), info, depth, !grandchildren.isEmpty(), replica)));
      if (allDescendants && depth < HierarchyBags.MAX_DEPTH && !grandchildren.isEmpty()) {
        walk(connection, child, depth + 1, true, into);
      }
    }
  }

  private List<FolderId> visibleChildren(Connection connection, FolderId parent) throws SQLException {
    List<FolderId> ids = FolderChildren.of(connection, owner, parent);
    List<FolderId> visible = new ArrayList<>(ids.size());
    for (FolderId id : ids) {
      if (FolderRights.has(Permissions.rights(connection, owner, id.toLong(), caller), FolderRights.FOLDER_VISIBLE)) {
        visible.add(id);
      }
    }
    return visible;
  }

  private Map<PropTag, PropValue> storedFolderBag(Connection connection, FolderId id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT PROPS FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet row = query.executeQuery()) {
        Map<PropTag, PropValue> bag = new LinkedHashMap<>();
        if (row.next()) {
          for (PropValue value : codec.decode(row.getBytes(1))) {
            bag.put(value.tag(), value);
          }
        }
        return bag;
      }
    }
  }

  private static StoreException queryError(QueryException e) {
    StoreError error = switch (e.reason()) {
      case TOO_COMPLEX -> StoreError.TOO_COMPLEX;
      case UNSUPPORTED -> StoreError.NOT_SUPPORTED;
      default -> StoreError.INVALID_PARAMETER;
    };
    return new StoreException(error, e.getMessage(), e);
  }

  // ---- helpers ----

  /**
   * MESSAGES read through {@code index}. With its bounds unknown at prepare time Derby's optimizer
   * prefers the primary key (ACCOUNT_ID, MESSAGE_ID) for folder queries and so visits every row of
   * the mailbox (a one-week range in a 100,000-item calendar: 104,400 base rows instead of 950),
   * so the folder queries name their index. Derby wants the override comment to end the line.
   */
  private static String messagesBy(String index) {
    return "MESSAGES --DERBY-PROPERTIES index=" + index + "\n";
  }

  /** A transaction that allocates counter values: this mailbox's writes commit one at a time. */
  private <T> T write(Transactions.Work<T> work) throws StoreException {
    return Transactions.write(database, counters.of(owner), work);
  }

  private long allocate(Connection connection, int count) throws SQLException, StoreException {
    return counters.of(owner).allocate(connection, count);
  }

  private void publish(StoreChange.Kind kind, FolderId folder, List<MessageId> items, long changeNumber) {
    events.publish(new StoreChange(owner, kind, Optional.of(folder), items, changeNumber));
  }

  private static <T> T checkReplica(T id) throws StoreException {
    int replicaId = id instanceof FolderId folder ? folder.replicaId() : ((MessageId) id).replicaId();
    if (replicaId != DerbyStore.REPLICA_ID) {
      throw new StoreException(StoreError.NOT_FOUND, id + " is not an id of this mailbox");
    }
    return id;
  }

  private static Set<MessageId> bulk(Collection<MessageId> ids) throws StoreException {
    if (ids.size() > MAX_BULK) {
      throw new StoreException(StoreError.TOO_BIG, "at most " + MAX_BULK + " items per call");
    }
    Set<MessageId> unique = new LinkedHashSet<>();
    for (MessageId id : ids) {
      unique.add(checkReplica(id));
    }
    return unique;
  }

  private void require(Connection connection, FolderId folder, int right) throws SQLException, StoreException {
    if (!FolderRights.has(Permissions.rights(connection, owner, folder.toLong(), caller), right)) {
      throw new StoreException(StoreError.ACCESS_DENIED, "no right 0x" + Integer.toHexString(right) + " on " + folder);
    }
  }

  private void requireOwnedOrAny(Connection connection, Row row, int ownedRight, int anyRight) throws SQLException, StoreException {
    requireOwnedOrAny(Permissions.rights(connection, owner, row.folder().toLong(), caller), row.id(), row.creator(), ownedRight,
        anyRight);
  }

  /** For bulk calls: the rights on the folder are read once, the ownership checked per item. */
  private void requireOwnedOrAny(int rights, MessageId id, long creator, int ownedRight, int anyRight) throws StoreException {
    boolean own = !caller.system() && !caller.isAnonymous() && creator == caller.accountId();
    if (!FolderRights.has(rights, anyRight) && !(own && FolderRights.has(rights, ownedRight))) {
      throw new StoreException(StoreError.ACCESS_DENIED, "no right to change " + id);
    }
  }

  /**
   * Existence only: a primary-key lookup, unlike {@link #readFolder}, which also counts the items;
   * kept until a folder of the mailbox is deleted ({@link FolderStateCache}).
   *
   * @return the folder's type, {@link SearchFolders#GENERIC} or {@link SearchFolders#SEARCH}
   */
  private int requireFolder(Connection connection, FolderId id) throws SQLException, StoreException {
    Counters.Counter counter = counters.of(owner);
    return counter.folderStates().type(id.toLong(), counter.writing(), () -> readFolderType(connection, id));
  }

  private int readFolderType(Connection connection, FolderId id) throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement("SELECT FOLDER_TYPE FROM FOLDERS WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(StoreError.NOT_FOUND, "no folder " + id);
        }
        return row.getInt(1);
      }
    }
  }

  /** A search folder holds no normal items and no subfolders of its own (MS-OXCFOLD 3.1.4.10). */
  private static void refuseSearchFolder(int folderType, FolderId id) throws StoreException {
    if (folderType == SearchFolders.SEARCH) {
      throw new StoreException(StoreError.NOT_SUPPORTED, id + " is a search folder: it holds nothing of its own");
    }
  }

  /** Whether a new item is folder-associated: PidTagAssociated set among its properties. */
  private static boolean associated(Collection<PropValue> properties) {
    for (PropValue value : properties) {
      if (value.tag().equals(Contents.ASSOCIATED_TAG)) {
        return value.asBoolean();
      }
    }
    return false;
  }

  private FolderInfo readFolder(Connection connection, FolderId id) throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT PARENT_ID, DISPLAY_NAME, CONTAINER_CLASS, SPECIAL, CHANGE_NUMBER, FOLDER_TYPE FROM FOLDERS"
            + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ?")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new StoreException(StoreError.NOT_FOUND, "no folder " + id);
        }
        long parent = row.getLong(1);
        Optional<FolderId> parentId = row.wasNull() ? Optional.empty() : Optional.of(FolderId.fromLong(parent));
        String name = row.getString(2);
        Optional<String> containerClass = Optional.ofNullable(row.getString(3));
        Optional<SpecialFolder> special = Optional.ofNullable(row.getString(4)).map(SpecialFolder::valueOf);
        ChangeNumber changeNumber = DerbyStore.changeNumber(row.getLong(5));
        boolean search = row.getInt(6) == SearchFolders.SEARCH;
        int[] counts = search ? searchCounts(connection, id) : counts(connection, id);
        return new FolderInfo(id, parentId, name, containerClass, special, changeNumber, counts[0], counts[1], counts[2],
            search);
      }
    }
  }

  /** Normal items, unread normal items and folder-associated items, kept until the mailbox's next commit. */
  private int[] counts(Connection connection, FolderId id) throws SQLException {
    Counters.Counter counter = counters.of(owner);
    return counter.folderStates().counts(id.toLong(), counter.writing(), () -> countItems(connection, id));
  }

  /** The counts from the sync index alone. */
  private int[] countItems(Connection connection, FolderId id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT COUNT(*), COALESCE(SUM((1 - IS_READ) * (1 - ASSOCIATED)), 0), COALESCE(SUM(ASSOCIATED), 0) FROM "
            + messagesBy("MESSAGES_FOLDER_SYNC") + " WHERE ACCOUNT_ID = ? AND FOLDER_ID = ? AND DELETED_AT IS NULL")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new int[] {row.getInt(1) - row.getInt(3), row.getInt(2), row.getInt(3)};
      }
    }
  }

  /**
   * A search folder's counts are those of its matches now: the search runs for them. A search the
   * store can no longer run (limits lowered since its criteria were set) counts nothing rather than
   * making the folder unreadable; reading its contents reports the error.
   */
  private int[] searchCounts(Connection connection, FolderId id) throws SQLException, StoreException {
    try {
      List<StoredItem> matches = searchMatches(connection, id, null);
      int unread = (int) matches.stream().filter(item -> !item.read()).count();
      return new int[] {matches.size(), unread, counts(connection, id)[2]};
    } catch (QueryException e) {
      return new int[] {0, 0, 0};
    } catch (StoreException e) {
      if (e.error() == StoreError.TOO_BIG) {
        return new int[] {0, 0, 0};
      }
      throw e;
    }
  }

  /** Every item of a search folder's scope matching its criteria and {@code restriction}, unsorted. */
  private List<StoredItem> searchMatches(Connection connection, FolderId folder, Restriction restriction)
      throws SQLException, StoreException {
    Optional<SearchCriteria> criteria = SearchFolders.read(connection, owner, folder, restrictionFormat());
    if (criteria.isEmpty()) {
      return List.of();
    }
    Restriction all = restriction == null ? criteria.get().restriction() : Restriction.and(criteria.get().restriction(), restriction);
    RestrictionEvaluator.Scan scan = new RestrictionEvaluator(limits.get().queryLimits(), StringOrder.IGNORE_CASE).scan(all);
    List<StoredItem> matches = new ArrayList<>();
    for (FolderId searched : SearchFolders.searched(connection, owner, caller, criteria.get())) {
      collectMatches(connection, searched, false, Optional.empty(), null, scan, matches);
    }
    return matches;
  }

  private RestrictionFormat restrictionFormat() {
    io.convene.storage.derby.query.QueryLimits query = limits.get().queryLimits();
    return new RestrictionFormat(codec, query.maxDepth(), query.maxNodes());
  }

  private Row readRow(Connection connection, MessageId id) throws SQLException, StoreException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + Row.COLUMNS + " FROM MESSAGES WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND DELETED_AT IS NULL")) {
      query.setLong(1, owner);
      query.setLong(2, id.toLong());
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new StoreException(StoreError.NOT_FOUND, "no item " + id);
        }
        return Row.read(rows, codec);
      }
    }
  }

  @FunctionalInterface
  private interface RowReader<R> {
    R read(ResultSet rows) throws SQLException;
  }

  /**
   * The live rows of {@code ids} in their order, each in {@code folder}, read one by one by
   * primary key. {@code columns} start with MESSAGE_ID, FOLDER_ID.
   */
  private <R> List<R> rowsInFolder(Connection connection, FolderId folder, Set<MessageId> ids, String columns,
      RowReader<R> reader) throws SQLException, StoreException {
    Map<Long, R> found = new java.util.HashMap<>();
    Map<Long, Long> folders = new java.util.HashMap<>();
    List<MessageId> all = List.copyOf(ids);
    // one primary-key lookup per id: Derby scans the whole mailbox for an IN list (see itemsByIds)
    String sql = "SELECT " + columns + " FROM MESSAGES WHERE ACCOUNT_ID = ? AND MESSAGE_ID = ? AND DELETED_AT IS NULL";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (MessageId id : all) {
        query.setLong(1, owner);
        query.setLong(2, id.toLong());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            found.put(rows.getLong(1), reader.read(rows));
            folders.put(rows.getLong(1), rows.getLong(2));
          }
        }
      }
    }
    List<R> result = new ArrayList<>(all.size());
    for (MessageId id : all) {
      R row = found.get(id.toLong());
      if (row == null) {
        throw new StoreException(StoreError.NOT_FOUND, "no item " + id);
      }
      if (folders.get(id.toLong()) != folder.toLong()) {
        throw new StoreException(StoreError.NOT_FOUND, id + " is not in " + folder);
      }
      result.add(row);
    }
    return result;
  }

  /** Records deleted (or moved-away) items of {@code folder} under {@code changeNumber} for change queries. */
  static void tombstones(Connection connection, long owner, FolderId folder, List<MessageId> ids, long changeNumber,
      boolean hard) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO TOMBSTONES (ACCOUNT_ID, FOLDER_ID, MESSAGE_ID, CHANGE_NUMBER, HARD) VALUES (?, ?, ?, ?, ?)")) {
      for (MessageId id : ids) {
        insert.setLong(1, owner);
        insert.setLong(2, folder.toLong());
        insert.setLong(3, id.toLong());
        insert.setLong(4, changeNumber);
        insert.setShort(5, (short) (hard ? 1 : 0));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The ids {@code sql} selects, its parameters the owner, {@code folder} and then {@code bounds}. */
  private List<MessageId> ids(Connection connection, String sql, FolderId folder, long... bounds) throws SQLException {
    List<MessageId> ids = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bindFolderAnd(query, folder, bounds);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(MessageId.fromLong(rows.getLong(1)));
        }
      }
    }
    return ids;
  }

  /** The columns queries filter on, taken from the bag. */
  private record Promoted(String messageClass, Long start, Long end, Long recurrenceEnd) {}

  private Promoted promote(Map<NamedProperty, Integer> ids, Map<PropTag, PropValue> bag) {
    PropValue messageClass = bag.get(Tags.MESSAGE_CLASS);
    String text = messageClass == null ? null : messageClass.asString();
    if (text != null && text.length() > 255) {
      text = text.substring(0, 255);
    }
    Long start = time(ids, bag, START_WHOLE);
    Long end = time(ids, bag, END_WHOLE);
    Optional<PropValue> recurring = named(ids, bag, RECURRING, PropType.PT_BOOLEAN);
    Long clipEnd = recurring.isPresent() && recurring.get().asBoolean() ? time(ids, bag, CLIP_END) : null;
    return new Promoted(text, start, end, clipEnd == null ? null : SeriesEnd.of(clipEnd, start, end));
  }

  private static Long time(Map<NamedProperty, Integer> ids, Map<PropTag, PropValue> bag, NamedProperty property) {
    return named(ids, bag, property, PropType.PT_SYSTIME).map(value -> value.asTime().toEpochMilli()).orElse(null);
  }

  private static Optional<PropValue> named(Map<NamedProperty, Integer> ids, Map<PropTag, PropValue> bag, NamedProperty property,
      PropType type) {
    Integer id = ids.get(property);
    return id == null ? Optional.empty() : Optional.ofNullable(bag.get(PropTag.of(id, type)));
  }

  /**
   * The ids of the promoted named properties that are mapped in this mailbox, found with one query
   * per transaction until all are mapped; mappings never change, so found ones are kept.
   */
  private Map<NamedProperty, Integer> promotedIds(Connection connection) throws SQLException {
    return promotedNames.ids(connection, owner, PROMOTED);
  }

  private static void setTime(PreparedStatement statement, int index, Long millis) throws SQLException {
    if (millis == null) {
      statement.setNull(index, java.sql.Types.BIGINT);
    } else {
      statement.setLong(index, millis);
    }
  }

  /** What permission checks and bulk updates need of a row: no property bag. */
  private record Key(MessageId id, FolderId folder, long creator) {

    static final String COLUMNS = "MESSAGE_ID, FOLDER_ID, CREATOR_ID";

    static Key read(ResultSet rows) throws SQLException {
      return new Key(MessageId.fromLong(rows.getLong(1)), FolderId.fromLong(rows.getLong(2)), rows.getLong(3));
    }
  }

  /** One MESSAGES row, decoded. */
  private record Row(MessageId id, FolderId folder, long creator, long changeNumber, boolean read, Map<PropTag, PropValue> properties,
      boolean associated) {

    static final String COLUMNS = "MESSAGE_ID, FOLDER_ID, CREATOR_ID, CHANGE_NUMBER, IS_READ, PROPS, ASSOCIATED";
    static final int COLUMN_COUNT = 7;

    static Row read(ResultSet rows, PropertyBagCodec codec) throws SQLException {
      return read(rows, codec, null);
    }

    /** With {@code propertyIds}, only the values with those ids (see {@link ViewProperties}); else all. */
    static Row read(ResultSet rows, PropertyBagCodec codec, java.util.function.IntPredicate propertyIds) throws SQLException {
      Map<PropTag, PropValue> bag = new LinkedHashMap<>();
      byte[] encoded = rows.getBytes(6);
      for (PropValue value : propertyIds == null ? codec.decode(encoded) : codec.decodeOnly(encoded, propertyIds)) {
        bag.put(value.tag(), value);
      }
      return new Row(MessageId.fromLong(rows.getLong(1)), FolderId.fromLong(rows.getLong(2)), rows.getLong(3),
          rows.getLong(4), rows.getShort(5) != 0, bag, rows.getShort(7) != 0);
    }

    /** The item of the current row, decoded straight into its item (no intermediate map). */
    static StoredItem item(ResultSet rows, PropertyBagCodec codec) throws SQLException {
      return StoredItems.of(MessageId.fromLong(rows.getLong(1)), FolderId.fromLong(rows.getLong(2)), rows.getLong(4),
          rows.getShort(5) != 0, rows.getShort(7) != 0, codec.decode(rows.getBytes(6)));
    }

    /** {@link #item(ResultSet, PropertyBagCodec)} holding only the values with {@code propertyIds}; whole if null. */
    static StoredItem item(ResultSet rows, PropertyBagCodec codec, java.util.function.IntPredicate propertyIds)
        throws SQLException {
      if (propertyIds == null) {
        return item(rows, codec);
      }
      return StoredItems.of(MessageId.fromLong(rows.getLong(1)), FolderId.fromLong(rows.getLong(2)), rows.getLong(4),
          rows.getShort(5) != 0, rows.getShort(7) != 0, codec.decodeOnly(rows.getBytes(6), propertyIds), propertyIds);
    }

    StoredItem toItem() {
      return StoredItems.of(id, folder, changeNumber, read, associated, properties.values());
    }
  }
}
