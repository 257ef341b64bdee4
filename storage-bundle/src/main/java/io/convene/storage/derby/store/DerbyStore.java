package io.convene.storage.derby.store;

import io.convene.api.store.Caller;
import io.convene.api.store.ChangeNumber;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Guids;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.Store;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreChange;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Store} on Derby: mailboxes, their folder trees and items. */
public final class DerbyStore implements Store {

  private static final Logger LOG = LoggerFactory.getLogger(DerbyStore.class);

  /** A private mailbox has one replica: itself. */
  static final int REPLICA_ID = 1;

  private static final String[] TABLES = {
    "RECEIVE_FOLDERS", "FOLDER_TOMBSTONES", "EMBEDDED_MESSAGES", "RECIPIENTS", "ATTACHMENTS", "LARGE_VALUES", "TOMBSTONES", "PERMISSIONS", "NAMED_PROPS",
    "MESSAGES", "SEARCH_CRITERIA", "FOLDERS", "MAILBOXES"};

  private final Database database;
  private final PropertyBagCodec codec;
  private final Clock clock;
  private final ChangePublisher events;
  private volatile StoreLimits limits;
  private final Counters counters = new Counters();
  private final PromotedNames promotedNames = new PromotedNames();

  public DerbyStore(Database database, PropertyBagCodec codec, Clock clock) {
    this(database, codec, clock, new ChangePublisher(1), StoreLimits.DEFAULT);
  }

  public DerbyStore(Database database, PropertyBagCodec codec, Clock clock, ChangePublisher events, StoreLimits limits) {
    this.database = database;
    this.codec = codec;
    this.clock = clock;
    this.events = events;
    this.limits = limits;
  }

  /** The limits in force. */
  public StoreLimits limits() {
    return limits;
  }

  /** Replaces the limits; open mailboxes apply them from their next call on. */
  public void limits(StoreLimits limits) {
    this.limits = java.util.Objects.requireNonNull(limits, "limits");
  }

  @Override
  public void provision(long accountId) throws StoreException {
    Counters.Counter counter = counters.of(accountId);
    boolean created =
        Transactions.write(database, counter, connection -> {
          if (replicaGuid(connection, accountId) != null) {
            return false;
          }
          UUID replica = UUID.randomUUID();
          try (PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO MAILBOXES (ACCOUNT_ID, REPLICA_GUID, NEXT_COUNTER, NEXT_NAMED_ID, CREATED) VALUES (?, ?, 1, 32768, ?)")) {
            insert.setLong(1, accountId);
            insert.setBytes(2, Guids.toBytes(replica));
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
          }
          FolderWriter folders = new FolderWriter(connection, accountId, counter, replica, codec, clock);
          Map<SpecialFolder, FolderId> ids = new EnumMap<>(SpecialFolder.class);
          for (SpecialFolder special : SpecialFolder.values()) {
            FolderId parent = special.parent().map(ids::get).orElse(null);
            ids.put(special, folders.create(parent, special.displayName(), special.containerClass().orElse(null), special));
          }
          // Exchange's default: everybody may see free/busy times of the calendar, nothing else.
          Permissions.set(connection, accountId, ids.get(SpecialFolder.CALENDAR).toLong(), FolderRights.DEFAULT_MEMBER,
              FolderRights.FREE_BUSY_SIMPLE);
          SpecialFolderIds.write(connection, accountId, counter, replica, codec, clock);
          HiddenFolders.mark(connection, accountId, counter, replica, codec, clock);
          ReceiveFolders.provisionDefaults(connection, accountId, ids, clock.instant());
          return true;
        });
    if (created) {
      LOG.info("Provisioned the mailbox of account {}", accountId);
      events.publish(new StoreChange(accountId, StoreChange.Kind.MAILBOX_PROVISIONED, Optional.empty(), List.of(), 0));
    }
  }

  /**
   * Brings mailboxes provisioned by an older Convene up to date: adds the special-folder entry ids
   * (MS-OXOSFLD 2.2), the default receive folders (MS-OXCSTOR 3.2.5.2) and PidTagAttributeHidden on
   * the configuration folders ({@link HiddenFolders}) to those that lack them, one transaction per
   * mailbox.
   *
   * @return how many mailboxes were changed
   */
  public int upgradeMailboxes() throws StoreException {
    List<Long> accounts = Transactions.run(database, connection -> {
      List<Long> ids = new java.util.ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement("SELECT ACCOUNT_ID FROM MAILBOXES ORDER BY ACCOUNT_ID")) {
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
      }
      return ids;
    });
    int upgraded = 0;
    for (long accountId : accounts) {
      boolean changed = Transactions.write(database, counters.of(accountId), connection -> {
        UUID replica = replicaGuid(connection, accountId);
        if (replica == null) {
          return false;
        }
        boolean receive = ReceiveFolders.provisionDefaults(connection, accountId, SpecialFolderIds.ids(connection, accountId),
            clock.instant());
        boolean folders = SpecialFolderIds.createMissing(connection, accountId, counters.of(accountId), replica, codec, clock);
        boolean hidden = HiddenFolders.mark(connection, accountId, counters.of(accountId), replica, codec, clock);
        if (!folders && !SpecialFolderIds.missing(connection, accountId, codec)) {
          return receive || hidden;
        }
        SpecialFolderIds.write(connection, accountId, counters.of(accountId), replica, codec, clock);
        return true;
      });
      if (changed) {
        upgraded++;
      }
    }
    if (upgraded > 0) {
      LOG.info("Added the special-folder entry ids or default receive folders to {} mailboxes", upgraded);
    }
    return upgraded;
  }

  @Override
  public boolean exists(long accountId) throws StoreException {
    return Transactions.run(database, connection -> replicaGuid(connection, accountId) != null);
  }

  @Override
  public Mailbox mailbox(long ownerAccountId, Caller caller) throws StoreException {
    UUID replica = Transactions.run(database, connection -> replicaGuid(connection, ownerAccountId));
    if (replica == null) {
      throw new StoreException(StoreError.NO_MAILBOX, "account " + ownerAccountId + " has no mailbox");
    }
    return new DerbyMailbox(database, codec, clock, ownerAccountId, replica, caller, events, this::limits, counters,
        promotedNames);
  }

  @Override
  public void remove(long accountId) throws StoreException {
    Counters.Counter counter = counters.of(accountId);
    Transactions.write(database, counter, connection -> {
      counter.folderStates().foldersDropped();
      for (String table : TABLES) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE ACCOUNT_ID = ?")) {
          delete.setLong(1, accountId);
          delete.executeUpdate();
        }
      }
      counters.forget(counter); // still locked: a later write loads the next mailbox's counter
      return null;
    });
    promotedNames.forget(accountId);
    LOG.info("Removed the mailbox of account {}", accountId);
    events.publish(new StoreChange(accountId, StoreChange.Kind.MAILBOX_REMOVED, Optional.empty(), List.of(), 0));
  }

  static UUID replicaGuid(Connection connection, long accountId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT REPLICA_GUID FROM MAILBOXES WHERE ACCOUNT_ID = ?")) {
      query.setLong(1, accountId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Guids.fromBytes(row.getBytes(1)) : null;
      }
    }
  }

  /** The mailboxes' counters (tests look at their commit epochs). */
  Counters counters() {
    return counters;
  }

  static ChangeNumber changeNumber(long counter) {
    return ChangeNumber.of(REPLICA_ID, counter);
  }
}
