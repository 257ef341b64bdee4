package io.convene.mapi.rop.objects;

import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoredItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An open message (RopOpenMessage). As in Exchange, it is a snapshot: the property ROPs read the
 * item as it was at OpenMessage (or at the last save) with this object's pending changes on top,
 * and the changes reach the store only at RopSaveChangesMessage (MS-OXCMSG 3.2.5.3: another
 * handle's changes stay invisible until committed). A session runs one request at a time, so the
 * object needs no locking.
 */
public final class MessageObject {

  /** OpenModeFlags (MS-OXCROPS 2.2.6.1.1): read-only. */
  public static final int READ_ONLY = 0x00;
  /** OpenModeFlags: read and write. */
  public static final int READ_WRITE = 0x01;
  /** OpenModeFlags: read-write if allowed, else read-only. */
  public static final int BEST_ACCESS = 0x03;
  /** OpenModeFlags: open even a soft-deleted message. */
  public static final int OPEN_SOFT_DELETED = 0x04;

  private final MailboxLogon logon;
  private final FolderId folderId;
  private final int openMode;
  private StoredItem snapshot;
  private boolean writable;
  /** Pending values by property id: one value per id, as in the store. */
  private final Map<Integer, PropValue> pendingSets = new LinkedHashMap<>();
  /** Pending removals by property id. */
  private final Map<Integer, PropTag> pendingRemovals = new LinkedHashMap<>();

  /**
   * @param logon the logon the message was opened in
   * @param folderId the folder the client named when opening it
   * @param item the item as read at OpenMessage
   * @param openMode the OpenModeFlags of the request
   * @param writable whether the write ROPs are allowed (decided from the rights at open)
   */
  public MessageObject(MailboxLogon logon, FolderId folderId, StoredItem item, int openMode, boolean writable) {
    this.logon = Objects.requireNonNull(logon, "logon");
    this.folderId = Objects.requireNonNull(folderId, "folderId");
    this.snapshot = Objects.requireNonNull(item, "item");
    this.openMode = openMode;
    this.writable = writable;
  }

  public MailboxLogon logon() {
    return logon;
  }

  public FolderId folderId() {
    return folderId;
  }

  public MessageId id() {
    return snapshot.id();
  }

  public int openMode() {
    return openMode;
  }

  /** Whether the write ROPs are allowed: opened for writing with the rights to, and not saved read-only. */
  public boolean writable() {
    return writable;
  }

  /** The item as read at open or at the last save, without pending changes. */
  public StoredItem snapshot() {
    return snapshot;
  }

  /** The properties as the client sees them: the snapshot with the pending changes applied. */
  public Map<Integer, Object> properties() {
    Map<Integer, Object> properties = new LinkedHashMap<>();
    for (PropValue value : snapshot.properties().values()) {
      int id = value.tag().id();
      if (!pendingRemovals.containsKey(id) && !pendingSets.containsKey(id)) {
        properties.put(value.tag().tag(), value.value());
      }
    }
    pendingSets.values().forEach(value -> properties.put(value.tag().tag(), value.value()));
    return properties;
  }

  /**
   * Buffers sets and removals until the save. Properties the server computes are refused one by
   * one ({@link StoreError#COMPUTED}) and the rest still buffered, as MS-OXCPRPT 3.2.5.5 asks.
   *
   * @return the refused properties with why
   * @throws IllegalStateException if the message is not writable; callers check {@link #writable()}
   */
  public Map<PropTag, StoreError> stage(Collection<PropValue> set, Collection<PropTag> remove) {
    if (!writable) {
      throw new IllegalStateException("message " + id() + " is open read-only");
    }
    Map<PropTag, StoreError> refused = new LinkedHashMap<>();
    for (PropTag tag : remove) {
      if (ComputedMessageProperties.contains(tag.id())) {
        refused.put(tag, StoreError.COMPUTED);
      } else {
        pendingSets.remove(tag.id());
        pendingRemovals.put(tag.id(), tag);
      }
    }
    for (PropValue value : set) {
      if (ComputedMessageProperties.contains(value.tag().id())) {
        refused.put(value.tag(), StoreError.COMPUTED);
      } else {
        pendingRemovals.remove(value.tag().id());
        pendingSets.put(value.tag().id(), value);
      }
    }
    return refused;
  }

  public List<PropValue> pendingSets() {
    return List.copyOf(pendingSets.values());
  }

  /** The pending removals, each with every type the snapshot holds the property in. */
  public List<PropTag> pendingRemovals() {
    List<PropTag> tags = new ArrayList<>();
    for (PropTag removed : pendingRemovals.values()) {
      tags.add(removed);
      snapshot.properties().keySet().stream()
          .filter(tag -> tag.id() == removed.id() && !tag.equals(removed))
          .forEach(tags::add);
    }
    return tags;
  }

  /** After a committed save: the new snapshot, no pending changes, and the access kept or lowered. */
  public void saved(StoredItem item, boolean keepWritable) {
    snapshot = Objects.requireNonNull(item, "item");
    pendingSets.clear();
    pendingRemovals.clear();
    writable = writable && keepWritable;
  }
}
