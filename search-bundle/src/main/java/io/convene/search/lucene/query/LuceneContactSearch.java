package io.convene.search.lucene.query;

import io.convene.api.search.ContactHit;
import io.convene.api.search.ContactSearch;
import io.convene.api.search.EntryKind;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.search.SearchException;
import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.index.EntryDocuments;
import io.convene.search.lucene.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContactSearch} over a {@link ContactIndex}.
 *
 * <p>Visibility: GAL entries and the caller's own contacts are filtered inside the query. For
 * other mailboxes' contacts the distinct folders holding matches are collected first (at most
 * {@code maxForeignFolders}), {@link FolderAccess} is asked about each, and the granted ones join
 * the filter; so ranking and paging only ever see what the caller may see.
 */
public final class LuceneContactSearch implements ContactSearch {

  private static final Logger LOG = LoggerFactory.getLogger(LuceneContactSearch.class);

  /** Most entries {@link #findByAddress} returns. */
  static final int MAX_ADDRESS_HITS = 100;

  private static final Sort RANKING = new Sort(
      SortField.FIELD_SCORE, new SortField(Fields.SORT_NAME, SortField.Type.STRING), new SortField(Fields.KEY, SortField.Type.STRING));

  private final ContactIndex index;
  private final FolderAccess access;
  private final int maxForeignFolders;

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
    Query query = ContactQueries.address(EntryDocuments.address(smtpAddress));
    List<ContactHit> hits = new ArrayList<>(page(caller, query, QueryOptions.page(0, MAX_ADDRESS_HITS)).hits());
    hits.sort(Comparator.comparing(hit -> !hit.kind().isGal()));
    return hits;
  }

  private HitPage page(Caller caller, Query match, QueryOptions options) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(options, "options");
    try {
      return index.search(searcher -> {
        Query kinds = ContactQueries.kinds(options.kinds());
        Query visible = caller.system() ? null : visibility(searcher, caller, match, kinds, options);
        Query query = ContactQueries.filtered(match, kinds, visible);
        int wanted = options.offset() + options.limit();
        TopFieldDocs top = searcher.search(query, wanted + 1, RANKING, true);
        List<ContactHit> hits = new ArrayList<>(options.limit());
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = options.offset(); i < Math.min(wanted, docs.length); i++) {
          hits.add(EntryDocuments.toHit(searcher.storedFields().document(docs[i].doc), docs[i].score));
        }
        return new HitPage(hits, docs.length > wanted);
      });
    } catch (IOException | AlreadyClosedException e) {
      LOG.warn("Contact search failed: {}", e.toString());
      throw new SearchException(SearchException.Reason.UNAVAILABLE, "the contact index cannot be read: " + e.getMessage(), e);
    }
  }

  /** GAL entries, the caller's own contacts, and contacts in other mailboxes' folders the caller may read. */
  private Query visibility(IndexSearcher searcher, Caller caller, Query match, Query kinds, QueryOptions options)
      throws IOException {
    String callerId = Long.toString(caller.accountId());
    BooleanQuery.Builder visible = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.SCOPE, Fields.SCOPE_GAL)), Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.OWNER, callerId)), Occur.SHOULD);
    if (options.kinds().contains(EntryKind.PERSONAL_CONTACT)) {
      Query foreign = new BooleanQuery.Builder()
          .add(match, Occur.FILTER)
          .add(new TermQuery(new Term(Fields.SCOPE, Fields.SCOPE_PERSONAL)), Occur.FILTER)
          .add(new TermQuery(new Term(Fields.OWNER, callerId)), Occur.MUST_NOT)
          .build();
      ForeignFolderCollector folders = new ForeignFolderCollector(maxForeignFolders);
      searcher.search(foreign, folders);
      if (folders.truncated()) {
        LOG.debug("Matches in more than {} foreign contacts folders; account {} sees the first ones only",
            maxForeignFolders, caller.accountId());
      }
      List<BytesRef> granted = new ArrayList<>();
      for (String folder : folders.folders()) {
        int colon = folder.indexOf(':');
        long owner = Long.parseLong(folder.substring(0, colon));
        FolderId id = FolderId.fromLong(Long.parseLong(folder.substring(colon + 1)));
        if (access.mayRead(caller, owner, id)) {
          granted.add(new BytesRef(folder));
        }
      }
      if (!granted.isEmpty()) {
        visible.add(new TermInSetQuery(Fields.FOLDER, granted), Occur.SHOULD);
      }
    }
    return visible.build();
  }
}
