package io.convene.search.lucene.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact index in one directory: an {@link IndexWriter}, near-real-time searchers over it,
 * and for every mailbox the highest change number whose effects are indexed ("watermark"). The
 * watermarks travel in the commit's user data, so after a restart each mailbox is caught up from
 * where the last commit left it, and they can never claim more than the committed documents hold.
 *
 * <p>{@link #open} creates a new, empty index when none exists, when the existing one cannot be
 * read (corrupt, truncated, from another Lucene) or when it was written with another document
 * layout ({@link #SCHEMA}); {@link #createdFresh()} then tells the feeder to index everything.
 *
 * <p>Thread-safe: writes come from the feeder's thread, searches from any thread.
 */
public final class ContactIndex implements Closeable {

  /** Version of the document layout; a change rebuilds existing indexes. */
  static final String SCHEMA = "5";

  private static final Logger LOG = LoggerFactory.getLogger(ContactIndex.class);

  /**
   * The order of documents in every segment: by folded display name, then key (both in the one
   * {@link Fields#SORT_NAME} value). Hits of equal score rank in this order, so collecting a tier in
   * index order can stop after the first page.
   */
  public static final Sort ORDER = new Sort(new SortField(Fields.SORT_NAME, SortField.Type.STRING));

  /**
   * Searchers without Lucene's query cache. Searches stop once a page is full, and hardly two ask
   * for the same words; the cache would, for a query seen a few times, match it over the whole
   * index to fill a bit set, and every search pays its bookkeeping.
   */
  private static final SearcherFactory UNCACHED = new SearcherFactory() {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      return searcher;
    }
  };

  private static final double NORMAL_RAM_BUFFER_MB = 64;
  /** While bulk loading: fewer, larger flushed segments and so fewer merges. */
  private static final double BULK_RAM_BUFFER_MB = 256;
  private static final String SCHEMA_KEY = "convene.schema";
  private static final String WATERMARK_PREFIX = "cn.";

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ScheduledExecutorService refresher;
  private final AtomicInteger bulkLoads = new AtomicInteger();
  /** The writer's merge policy, put back when the last bulk load ends; guarded by bulkTransitions. */
  private MergePolicy mergePolicyBeforeBulk;
  /** Starting the first and ending the last bulk load, each with its writer settings. */
  private final Object bulkTransitions = new Object();
  private final Map<Long, Long> watermarks = new ConcurrentHashMap<>();
  private final boolean createdFresh;
  private volatile boolean uncommitted;

  private ContactIndex(Path path, Directory directory, IndexWriter writer, Map<String, String> commitData, boolean createdFresh,
      Duration maxStale) throws IOException {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.createdFresh = createdFresh;
    commitData.forEach((key, value) -> {
      if (key.startsWith(WATERMARK_PREFIX)) {
        watermarks.put(Long.parseLong(key.substring(WATERMARK_PREFIX.length())), Long.parseLong(value));
      }
    });
    this.searchers = new SearcherManager(writer, UNCACHED);
    this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "convene-search-refresh");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, maxStale.toMillis());
    refresher.scheduleWithFixedDelay(this::periodicRefresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the index in {@code path}, creating or re-creating it as the class comment says.
   *
   * @param maxStale how long a write may stay invisible to searches (near-real-time refresh)
   */
  public static ContactIndex open(Path path, Duration maxStale) throws IOException {
    Files.createDirectories(path);
    Map<String, String> commitData = readableCommit(path);
    boolean fresh = commitData == null;
    if (fresh) {
      clearDirectory(path);
    }
    Directory directory = FSDirectory.open(path);
    try {
      IndexWriterConfig config = new IndexWriterConfig(new ContactAnalyzer())
          .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
          .setRAMBufferSizeMB(NORMAL_RAM_BUFFER_MB)
          .setIndexSort(ORDER);
      IndexWriter writer = new IndexWriter(directory, config);
      if (fresh) {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
        writer.commit();
      }
      return new ContactIndex(path, directory, writer, fresh ? Map.of() : commitData, fresh, maxStale);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The user data of the last commit if the index there is readable and of our layout, else {@code null}. */
  private static Map<String, String> readableCommit(Path path) {
    try (Directory directory = FSDirectory.open(path)) {
      if (!DirectoryReader.indexExists(directory)) {
        LOG.info("No contact index in {}; building it", path);
        return null;
      }
      // opening a reader reads every segment's metadata and checks their checksummed headers
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        if (!SCHEMA.equals(data.get(SCHEMA_KEY))) {
          LOG.info("Contact index in {} has layout {}, not {}; rebuilding it", path, data.get(SCHEMA_KEY), SCHEMA);
          return null;
        }
        return data;
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Contact index in {} cannot be read ({}); rebuilding it", path, e.toString());
      return null;
    }
  }

  private static void clearDirectory(Path path) throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Files.delete(file);
        }
      }
    }
  }

  public Path path() {
    return path;
  }

  /** Whether {@link #open} started from an empty index (missing, corrupt or of another layout). */
  public boolean createdFresh() {
    return createdFresh;
  }

  /** Adds the entry or replaces the one with the same key. */
  public void upsert(IndexEntry entry) throws IOException {
    writer.updateDocument(new Term(Fields.KEY, entry.key()), EntryDocuments.toDocument(entry));
    uncommitted = true;
  }

  /**
   * Adds an entry that is known not to be in the index (building into an empty index), without
   * the key lookup {@link #upsert} needs; adding an entry twice indexes it twice.
   */
  public void add(IndexEntry entry) throws IOException {
    writer.addDocument(EntryDocuments.toDocument(entry));
    uncommitted = true;
  }

  /**
   * Starts a bulk load: until the returned handle is closed, the periodic near-real-time refresh
   * pauses (each refresh would flush a small segment that has to be merged again) and the writer
   * buffers more. Closing it makes everything written visible and starts merging the index into one
   * segment in the background (searches run on the segments meanwhile; see {@link
   * #mergeToOneSegment}). Meant for filling an empty index.
   */
  public BulkLoad bulkLoad() {
    synchronized (bulkTransitions) {
      if (bulkLoads.getAndIncrement() == 0) {
        // a flushed segment in a compound file is written twice: once as files, once copied into it
        writer.getConfig().setRAMBufferSizeMB(BULK_RAM_BUFFER_MB).setUseCompoundFile(false);
        // no merges while filling: the end merges everything into one segment anyway, and a
        // segment merged on the way is read and written again by that last merge
        mergePolicyBeforeBulk = writer.getConfig().getMergePolicy();
        writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
      }
    }
    return () -> {
      synchronized (bulkTransitions) {
        try {
          if (bulkLoads.get() == 1) {
            // flushed while the count still pauses the periodic refresh, which would otherwise
            // flush a buffer on its own thread alongside
            flushBuffers();
            writer.getConfig().setRAMBufferSizeMB(NORMAL_RAM_BUFFER_MB).setUseCompoundFile(true)
                .setMergePolicy(mergePolicyBeforeBulk);
            // a filled index is searchable now; merging it into one segment in the background
            // halves the CPU of a search (one terms lookup per term, no merging of per-segment runs)
            writer.forceMerge(1, false);
          }
        } finally {
          bulkLoads.decrementAndGet();
        }
      }
      refresh();
    };
  }

  /**
   * Writes out the buffers of all indexing threads, one per core at a time. A refresh would write
   * them one after the other on its own thread, and at the end of a bulk load that is nearly half
   * of the work.
   */
  private void flushBuffers() throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> new Thread(task, "convene-search-flush"));
    try {
      List<Future<?>> flushes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        flushes.add(pool.submit(() -> {
          while (writer.flushNextBuffer()) {
            // the next buffer, until none is left
          }
          return null;
        }));
      }
      for (Future<?> flush : flushes) {
        flush.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("flushing the contact index failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while flushing the contact index");
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Merges the index into one segment and waits for it; a merge the end of a bulk load started is
   * awaited rather than started again. Searches see the merged segment after the next refresh.
   */
  public void mergeToOneSegment() throws IOException {
    writer.forceMerge(1, true);
  }

  /** An open {@link #bulkLoad()}. */
  @FunctionalInterface
  public interface BulkLoad extends Closeable {
    @Override
    void close() throws IOException;
  }

  /** Lets a refresh in progress end before the searchers close under it. */
  private void awaitRefresher() {
    try {
      if (!refresher.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Refreshing the contact index in {} did not end within 10 s; closing anyway", path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void periodicRefresh() {
    if (bulkLoads.get() > 0) {
      return;
    }
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Refreshing the contact index searcher in {} failed: {}", path, e.toString());
    }
  }

  public void delete(String key) throws IOException {
    writer.deleteDocuments(new Term(Fields.KEY, key));
    uncommitted = true;
  }

  /** Removes every personal contact of a mailbox and forgets its watermark. */
  public void deleteMailbox(long ownerId) throws IOException {
    writer.deleteDocuments(new Term(Fields.OWNER, Long.toString(ownerId)));
    watermarks.remove(ownerId);
    uncommitted = true;
  }

  /** Removes the personal contacts of mailboxes not in {@code owners} (removed while we were away). */
  public void retainMailboxes(Set<Long> owners) throws IOException {
    for (Long owner : Set.copyOf(watermarks.keySet())) {
      if (!owners.contains(owner)) {
        deleteMailbox(owner);
      }
    }
  }

  /** The ids of the GAL entries in the index, as of the latest refresh. */
  public Set<Long> galAccounts() throws IOException {
    searchers.maybeRefreshBlocking();
    IndexSearcher searcher = searchers.acquire();
    try {
      Set<Long> ids = new java.util.HashSet<>();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        NumericDocValues accounts = leaf.reader().getNumericDocValues(Fields.ACCOUNT);
        Bits live = leaf.reader().getLiveDocs();
        if (accounts == null) {
          continue;
        }
        for (int doc = accounts.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = accounts.nextDoc()) {
          if (live == null || live.get(doc)) {
            ids.add(accounts.longValue());
          }
        }
      }
      return ids;
    } finally {
      searchers.release(searcher);
    }
  }

  /** The change number up to which a mailbox is indexed; 0 if never. */
  public long watermark(long ownerId) {
    return watermarks.getOrDefault(ownerId, 0L);
  }

  /** Records that a mailbox is indexed up to {@code changeNumber}; call after its documents were written. */
  public void watermark(long ownerId, long changeNumber) {
    watermarks.put(ownerId, changeNumber);
    uncommitted = true;
  }

  /** Empties the index and forgets every watermark (a reindex follows). */
  public void clear() throws IOException {
    writer.deleteAll();
    watermarks.clear();
    uncommitted = true;
  }

  /**
   * Makes the writes so far durable together with the watermarks, if anything changed; a finished
   * merge counts (the background merge after a bulk load), so a restart opens the merged index.
   */
  public synchronized void commit() throws IOException {
    if (!uncommitted && !writer.hasUncommittedChanges()) {
      return;
    }
    uncommitted = false;
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, SCHEMA);
    watermarks.forEach((owner, cn) -> data.put(WATERMARK_PREFIX + owner, Long.toString(cn)));
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** Makes the writes so far visible to searches (near-real-time, without a commit). */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Runs a search on the current searcher. */
  public <T> T search(SearchFunction<T> search) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return search.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** A search over one {@link IndexSearcher}. */
  @FunctionalInterface
  public interface SearchFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Number of live documents, as of the latest refresh. */
  public int size() throws IOException {
    return search(searcher -> searcher.getIndexReader().numDocs());
  }

  /** Number of live documents with {@code field:value}, as of the latest refresh. */
  public int count(String field, String value) throws IOException {
    return search(searcher -> searcher.count(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER).build()));
  }

  /** Commits and closes; the index is reopened where it stopped. */
  @Override
  public void close() throws IOException {
    try {
      commit();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Last commit of the contact index in {} failed; it is caught up at the next start", path, e);
    }
    try {
      refresher.shutdown();
      awaitRefresher();
      searchers.close();
      writer.close();
    } finally {
      directory.close();
    }
  }
}
