package io.convene.search.lucene.query;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.search.lucene.index.Fields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;

/**
 * Decides, for one search, which matches the caller may see: GAL entries, the caller's own
 * contacts, and contacts in other mailboxes' folders that {@link FolderAccess} grants. A folder is
 * asked about when its first match reaches the collector, once per search; since tiers are
 * collected in index order and stop when the page is full, a search asks about the folders of the
 * matches it could show, not of every match. At most {@code maxForeignFolders} distinct foreign
 * folders are asked per search; matches in further folders are not shown.
 *
 * <p>One instance per search; its decisions are shared by all tiers and segments of that search.
 */
final class VisibleOnly {

  private final Caller caller;
  private final FolderAccess access;
  private final int maxForeignFolders;
  private final Map<Folder, Boolean> byFolder = new HashMap<>();
  /** By segment ({@link LeafReaderContext#ord}). */
  private final Map<Integer, Gate> gates = new HashMap<>();
  private int asked;
  private boolean truncated;

  VisibleOnly(Caller caller, FolderAccess access, int maxForeignFolders) {
    this.caller = caller;
    this.access = access;
    this.maxForeignFolders = maxForeignFolders;
  }

  /** A contacts folder of a mailbox (folder ids are only unique within their mailbox). */
  private record Folder(long owner, long folder) {}

  /** Visibility of the documents of one segment. */
  interface Gate {
    boolean visible(int doc) throws IOException;
  }

  /**
   * The gate of one segment. It reads the owner and folder of a match from numeric doc values (no
   * terms dictionary to decompress, no strings) and remembers the last folder it decided, since
   * matches in index order often share one. A segment's gate serves every tier of the search: its
   * doc values are opened again only when a later tier starts before where the last one stopped
   * (opening them is most of a gate's cost when a tier has few matches in the segment).
   */
  synchronized Gate gate(LeafReaderContext context) {
    return gates.computeIfAbsent(context.ord, ord -> new SegmentGate(context));
  }

  /** {@link #gate} of one segment. */
  private final class SegmentGate implements Gate {
    private final LeafReaderContext context;
    private final long self = caller.accountId();
    private NumericDocValues folders;
    private NumericDocValues owners;
    private boolean galOnly;
    private long lastOwner = -1;
    private long lastFolder;
    private boolean lastVisible;

    SegmentGate(LeafReaderContext context) {
      this.context = context;
    }

    @Override
    public boolean visible(int doc) throws IOException {
      if (galOnly) {
        return true;
      }
      if (folders == null || doc < folders.docID()) {
        folders = context.reader().getNumericDocValues(Fields.HIT_FOLDER);
        if (folders == null) {
          galOnly = true; // GAL entries only
          return true;
        }
        owners = DocValues.getNumeric(context.reader(), Fields.HIT_ACCOUNT);
      }
      if (!folders.advanceExact(doc)) {
        return true; // a GAL entry
      }
      long owner = owners.advanceExact(doc) ? owners.longValue() : 0;
      if (owner == self) {
        return true;
      }
      long folder = folders.longValue();
      if (owner != lastOwner || folder != lastFolder) {
        lastVisible = VisibleOnly.this.visible(owner, folder);
        lastOwner = owner;
        lastFolder = folder;
      }
      return lastVisible;
    }
  }

  /** Whether more foreign folders matched than could be asked about. */
  synchronized boolean truncated() {
    return truncated;
  }

  private synchronized boolean visible(long owner, long folder) {
    Folder key = new Folder(owner, folder);
    Boolean known = byFolder.get(key);
    if (known != null) {
      return known;
    }
    boolean mayRead;
    if (asked >= maxForeignFolders) {
      truncated = true;
      mayRead = false;
    } else {
      asked++;
      mayRead = access.mayRead(caller, owner, FolderId.fromLong(folder));
    }
    byFolder.put(key, mayRead);
    return mayRead;
  }
}
