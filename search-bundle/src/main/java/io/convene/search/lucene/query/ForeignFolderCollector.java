package io.convene.search.lucene.query;

import io.convene.search.lucene.index.Fields;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;

/**
 * Collects the distinct contacts folders of the matching documents, up to a limit: the folders
 * whose read access must be asked before their contacts can be shown.
 */
final class ForeignFolderCollector extends SimpleCollector {

  private final int limit;
  private final Set<String> folders = new LinkedHashSet<>();
  private boolean truncated;
  private SortedDocValues values;
  private FixedBitSet seen;

  ForeignFolderCollector(int limit) {
    this.limit = limit;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    values = context.reader().getSortedDocValues(Fields.FOLDER);
    seen = values == null ? null : new FixedBitSet(Math.max(1, values.getValueCount()));
  }

  @Override
  public void collect(int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return;
    }
    int ord = values.ordValue();
    if (seen.getAndSet(ord)) {
      return;
    }
    if (folders.size() >= limit) {
      truncated = true;
      return;
    }
    folders.add(values.lookupOrd(ord).utf8ToString());
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  Set<String> folders() {
    return folders;
  }

  /** Whether more folders matched than {@link #folders()} holds. */
  boolean truncated() {
    return truncated;
  }
}
