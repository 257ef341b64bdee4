package io.convene.search.lucene.query;

import io.convene.api.search.ContactHit;
import io.convene.api.search.ContactSearch;
import io.convene.api.search.EntryKind;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.search.SearchException;
import io.convene.api.store.Caller;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.EntryDocuments;
import io.convene.search.lucene.query.ContactQueries.Tier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContactSearch} over a {@link ContactIndex}.
 *
 * <p>Ranking: the query's tiers are searched one after the other, each without the documents of
 * the tiers before it (those it ranked already: a tier that did not fill the page ranked all its
 * visible matches); within a tier hits follow the index order (folded display name, then key),
 * so each tier stops as soon as the page is full instead of visiting and sorting every match
 * ({@link FirstInIndexOrder}).
 *
 * <p>Concurrency: at most one search per core runs at a time, in arrival order ({@link
 * SearchGate}).
 *
 * <p>Visibility: only the kinds asked for are matched; {@link VisibleOnly} then lets through GAL
 * entries, the caller's own contacts and contacts in other mailboxes' folders {@link FolderAccess}
 * grants (at most {@code maxForeignFolders} folders asked per search), so ranking and paging only
 * ever see what the caller may see.
 */
public final class LuceneContactSearch implements ContactSearch {

  private static final Logger LOG = LoggerFactory.getLogger(LuceneContactSearch.class);

  /** Most entries {@link #findByAddress} returns. */
  static final int MAX_ADDRESS_HITS = 100;

  private final ContactIndex index;
  private final FolderAccess access;
  private final int maxForeignFolders;
  private final SearchGate gate = SearchGate.perCore();

  public LuceneContactSearch(ContactIndex index, FolderAccess access, int maxForeignFolders) {
    this.index = Objects.requireNonNull(index, "index");
    this.access = Objects.requireNonNull(access, "access");
    this.maxForeignFolders = maxForeignFolders;
  }

  @Override
  public HitPage resolve(Caller caller, String text, QueryOptions options) {
    SearchText search = SearchText.of(text);
    if (search.isEmpty()) {
      return HitPage.empty();
    }
    return page(caller, ContactQueries.anr(search), options);
  }

  @Override
  public HitPage search(Caller caller, String text, QueryOptions options) {
    SearchText search = SearchText.of(text);
    if (search.isEmpty()) {
      return HitPage.empty();
    }
    return page(caller, ContactQueries.text(search, text.trim()), options);
  }

  @Override
  public List<ContactHit> findByAddress(Caller caller, String smtpAddress) {
    SearchText.of(smtpAddress); // length check
    if (smtpAddress == null || smtpAddress.isBlank()) {
      return List.of();
    }
    Tier exact = new Tier(ContactQueries.address(EntryDocuments.address(smtpAddress)), ContactQueries.EXACT);
    List<ContactHit> hits = new ArrayList<>(page(caller, List.of(exact), QueryOptions.page(0, MAX_ADDRESS_HITS)).hits());
    hits.sort(Comparator.comparing(hit -> !hit.kind().isGal()));
    return hits;
  }

  @Override
  public HitPage listGal(Caller caller, String fromName, QueryOptions options) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(options, "options");
    SearchText.of(fromName); // length check
    Query gal = ContactQueries.galFrom(fromName == null ? "" : fromName, options.kinds());
    if (gal == null) {
      return HitPage.empty();
    }
    try {
      return gate.run(() -> index.search(searcher -> {
        int wanted = options.offset() + options.limit();
        // GAL entries only: visible to every caller, so no visibility check
        List<ScoreDoc> first = searcher.search(gal, new FirstInIndexOrder(wanted + 1, 1, null));
        int end = Math.min(wanted, first.size());
        List<ContactHit> hits = options.offset() >= end
            ? List.of()
            : EntryDocuments.toHits(searcher.getIndexReader(), first.subList(options.offset(), end).toArray(ScoreDoc[]::new));
        return new HitPage(hits, first.size() > wanted);
      }));
    } catch (IOException | AlreadyClosedException e) {
      LOG.warn("Listing the GAL failed: {}", e.toString());
      throw new SearchException(SearchException.Reason.UNAVAILABLE, "the contact index cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public int countGal(Caller caller, Set<EntryKind> kinds) {
    Objects.requireNonNull(caller, "caller");
    Query gal = ContactQueries.galFrom("", kinds);
    if (gal == null) {
      return 0;
    }
    try {
      return index.search(searcher -> searcher.count(gal));
    } catch (IOException | AlreadyClosedException e) {
      throw new SearchException(SearchException.Reason.UNAVAILABLE, "the contact index cannot be read: " + e.getMessage(), e);
    }
  }

  private HitPage page(Caller caller, List<Tier> tiers, QueryOptions options) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(options, "options");
    try {
      return gate.run(() -> index.search(searcher -> {
        Query kinds = ContactQueries.kinds(options.kinds());
        int wanted = options.offset() + options.limit();
        List<ScoreDoc> ranked = new ArrayList<>(wanted + 1);
        VisibleOnly visibility = caller.system() ? null : new VisibleOnly(caller, access, maxForeignFolders);
        for (Tier tier : tiers) {
          Query query = ContactQueries.filtered(tier.query(), kinds);
          ranked.addAll(searcher.search(query, new FirstInIndexOrder(wanted + 1 - ranked.size(), tier.score(), visibility, ranked)));
          if (ranked.size() > wanted) {
            break;
          }
        }
        if (visibility != null && visibility.truncated()) {
          LOG.debug("Matches in more than {} foreign contacts folders; account {} sees the first ones only",
              maxForeignFolders, caller.accountId());
        }
        int end = Math.min(wanted, ranked.size());
        List<ContactHit> hits = options.offset() >= end
            ? List.of()
            : EntryDocuments.toHits(searcher.getIndexReader(), ranked.subList(options.offset(), end).toArray(ScoreDoc[]::new));
        return new HitPage(hits, ranked.size() > wanted);
      }));
    } catch (IOException | AlreadyClosedException e) {
      LOG.warn("Contact search failed: {}", e.toString());
      throw new SearchException(SearchException.Reason.UNAVAILABLE, "the contact index cannot be read: " + e.getMessage(), e);
    }
  }
}
