package io.convene.search.lucene.query;

import io.convene.search.lucene.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * The first {@code wanted} visible matches in index order ({@link
 * io.convene.search.lucene.index.ContactIndex#ORDER}), all scoring {@code score}. Every segment is
 * sorted that way, so each segment stops after its first {@code wanted} visible matches, and the
 * segments' runs are merged reading the sort values of run heads only: no per-match comparisons,
 * and no visit of matches past the page.
 *
 * <p>Documents already ranked by an earlier tier are skipped. An earlier tier that did not fill the
 * page collected every visible document it matched, so skipping those ranks the same as excluding
 * the earlier tiers' queries, without evaluating them again.
 */
final class FirstInIndexOrder implements CollectorManager<FirstInIndexOrder.Runs, List<ScoreDoc>> {

  private final int wanted;
  private final float score;
  private final VisibleOnly visibility;
  private final int[] ranked;

  /**
   * @param visibility which matches the caller may see; {@code null} for all
   */
  FirstInIndexOrder(int wanted, float score, VisibleOnly visibility) {
    this(wanted, score, visibility, List.of());
  }

  /**
   * @param visibility which matches the caller may see; {@code null} for all
   * @param ranked the hits of earlier tiers (every visible match of theirs), skipped here
   */
  FirstInIndexOrder(int wanted, float score, VisibleOnly visibility, List<ScoreDoc> ranked) {
    this.wanted = wanted;
    this.score = score;
    this.visibility = visibility;
    this.ranked = ranked.stream().mapToInt(hit -> hit.doc).sorted().toArray();
  }

  /** The leading matches of one segment, in doc id (that is, index) order. */
  private record Run(LeafReaderContext leaf, int[] docs, int length) {}

  /** Collects one run per segment. */
  static final class Runs implements Collector {
    private final int wanted;
    private final VisibleOnly visibility;
    private final int[] ranked;
    private final List<Run> runs = new ArrayList<>();

    Runs(int wanted, VisibleOnly visibility, int[] ranked) {
      this.wanted = wanted;
      this.visibility = visibility;
      this.ranked = ranked;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (wanted == 0) {
        throw new CollectionTerminatedException();
      }
      VisibleOnly.Gate gate = visibility == null ? null : visibility.gate(context);
      int[] docs = new int[Math.min(wanted, context.reader().maxDoc())];
      return new LeafCollector() {
        private int length;
        private boolean finished;

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (ranked.length > 0 && Arrays.binarySearch(ranked, context.docBase + doc) >= 0) {
            return;
          }
          if (gate != null && !gate.visible(doc)) {
            return;
          }
          docs[length++] = doc;
          if (length == docs.length) {
            finish();
            throw new CollectionTerminatedException();
          }
        }

        @Override
        public void finish() {
          if (!finished && length > 0) {
            runs.add(new Run(context, docs, length));
          }
          finished = true;
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  @Override
  public Runs newCollector() {
    return new Runs(wanted, visibility, ranked);
  }

  @Override
  public List<ScoreDoc> reduce(Collection<Runs> collectors) throws IOException {
    try {
      return merge(collectors);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private List<ScoreDoc> merge(Collection<Runs> collectors) throws IOException {
    PriorityQueue<Head> heads = new PriorityQueue<>();
    for (Runs collector : collectors) {
      for (Run run : collector.runs) {
        heads.add(new Head(run));
      }
    }
    List<ScoreDoc> merged = new ArrayList<>(wanted);
    while (merged.size() < wanted && !heads.isEmpty()) {
      Head head = heads.poll();
      merged.add(new ScoreDoc(head.run.leaf().docBase + head.doc(), score));
      if (head.advance()) {
        heads.add(head);
      }
    }
    return merged;
  }

  /**
   * The next document of a run and its sort value, read only when compared. Each head reads its own
   * doc values forward in doc id order, which within a segment is the order of their ordinals, so
   * the value stays valid (no copy) until the head advances.
   */
  private static final class Head implements Comparable<Head> {
    private final Run run;
    /** Opened at the first comparison: a run that is never compared (the only one) needs no values. */
    private SortedDocValues names;
    private boolean opened;
    private int position;
    private BytesRef name;

    Head(Run run) {
      this.run = run;
    }

    int doc() {
      return run.docs()[position];
    }

    boolean advance() {
      position++;
      name = null;
      return position < run.length();
    }

    @Override
    public int compareTo(Head other) {
      try {
        return name().compareTo(other.name());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private BytesRef name() throws IOException {
      if (!opened) {
        names = run.leaf().reader().getSortedDocValues(Fields.SORT_NAME);
        opened = true;
      }
      if (name == null) {
        name = names != null && names.advanceExact(doc()) ? names.lookupOrd(names.ordValue()) : new BytesRef();
      }
      return name;
    }
  }
}
