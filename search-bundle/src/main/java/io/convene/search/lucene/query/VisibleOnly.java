package io.convene.search.lucene.query;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.search.lucene.index.Fields;
import io.convene.search.lucene.index.IndexEntry;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;

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

  private static final byte UNKNOWN = 0;
  private static final byte VISIBLE = 1;
  private static final byte HIDDEN = 2;

  private final Caller caller;
  private final FolderAccess access;
  private final int maxForeignFolders;
  private final Map<String, Boolean> byFolder = new HashMap<>();
  private int asked;
  private boolean truncated;

  VisibleOnly(Caller caller, FolderAccess access, int maxForeignFolders) {
    this.caller = caller;
    this.access = access;
    this.maxForeignFolders = maxForeignFolders;
  }

  /** Visibility of the documents of one segment. */
  interface Gate {
    boolean visible(int doc) throws IOException;
  }

  Gate gate(LeafReaderContext context) throws IOException {
    SortedDocValues folders = context.reader().getSortedDocValues(Fields.FOLDER);
    if (folders == null) {
      return doc -> true; // GAL entries only
    }
    byte[] byOrd = new byte[folders.getValueCount()];
    return doc -> {
      if (!folders.advanceExact(doc)) {
        return true; // a GAL entry
      }
      int ord = folders.ordValue();
      if (byOrd[ord] == UNKNOWN) {
        byOrd[ord] = visible(folders.lookupOrd(ord).utf8ToString()) ? VISIBLE : HIDDEN;
      }
      return byOrd[ord] == VISIBLE;
    };
  }

  /** Whether more foreign folders matched than could be asked about. */
  synchronized boolean truncated() {
    return truncated;
  }

  private synchronized boolean visible(String folderKey) {
    Boolean known = byFolder.get(folderKey);
    if (known != null) {
      return known;
    }
    long owner = Long.parseLong(folderKey.substring(0, folderKey.indexOf(':')));
    boolean mayRead;
    if (owner == caller.accountId()) {
      mayRead = true;
    } else if (asked >= maxForeignFolders) {
      truncated = true;
      mayRead = false;
    } else {
      asked++;
      mayRead = access.mayRead(caller, owner, FolderId.fromLong(IndexEntry.folderOfKey(folderKey)));
    }
    byFolder.put(folderKey, mayRead);
    return mayRead;
  }
}
