package io.convene.search.lucene.component;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import io.convene.api.directory.Directory;
import io.convene.api.search.ContactHit;
import io.convene.api.search.ContactSearch;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.store.Caller;
import io.convene.api.store.Store;
import io.convene.api.store.StoreChange;
import io.convene.api.store.StoreListener;
import io.convene.search.lucene.feed.IndexFeeder;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.query.LuceneContactSearch;
import io.convene.search.lucene.query.StoreFolderAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ContactSearch} service on a Lucene index in {@code <convene.data>/index/contacts}
 * (the framework property {@code convene.data}, else this bundle's data area, as the storage
 * bundle finds its database), fed as a {@link StoreListener} and an {@link AccountListener}
 * (both whiteboard services). Also registered under its own class for {@link ReindexCommand}.
 * Configured by {@code etc/io.convene.search.cfg} (optional); an invalid change is logged and the
 * previous settings kept.
 */
@Component(
    immediate = true,
    configurationPid = SearchConfig.PID,
    service = {ContactSearch.class, StoreListener.class, AccountListener.class, SearchComponent.class})
@Designate(ocd = SearchConfig.class)
public final class SearchComponent implements ContactSearch, StoreListener, AccountListener {

  private static final Logger LOG = LoggerFactory.getLogger(SearchComponent.class);

  private final ContactIndex index;
  private final IndexFeeder feeder;
  private final StoreFolderAccess access;
  private final LuceneContactSearch search;
  private volatile SearchSettings settings;

  @Activate
  public SearchComponent(BundleContext context, SearchConfig config, @Reference Store store, @Reference Directory directory)
      throws IOException {
    this(indexDirectory(context), SearchSettings.from(config), store, directory);
  }

  SearchComponent(Path indexDirectory, SearchSettings settings, Store store, Directory directory) throws IOException {
    this.settings = settings;
    this.index = ContactIndex.open(indexDirectory, settings.refresh());
    this.feeder = new IndexFeeder(index, store, directory, settings.commit());
    this.access = new StoreFolderAccess(store, Clock.systemUTC(), settings.permissionCache());
    this.search = new LuceneContactSearch(index, access, settings.maxForeignFolders());
    feeder.start();
  }

  @Modified
  void modified(SearchConfig config) {
    SearchSettings next;
    try {
      next = SearchSettings.from(config);
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration {} rejected, keeping the previous one: {}", SearchConfig.PID, e.getMessage());
      return;
    }
    access.ttl(next.permissionCache());
    if (!next.refresh().equals(settings.refresh()) || !next.commit().equals(settings.commit())
        || next.maxForeignFolders() != settings.maxForeignFolders()) {
      LOG.info("{}: the new refresh, commit and folder settings take effect when the search bundle restarts", SearchConfig.PID);
    }
    settings = next;
  }

  @Deactivate
  void deactivate() throws IOException {
    feeder.close();
    index.close();
  }

  /** The feeder, for {@link ReindexCommand}. */
  IndexFeeder feeder() {
    return feeder;
  }

  ContactIndex index() {
    return index;
  }

  static Path indexDirectory(BundleContext context) {
    String dataDir = context.getProperty("convene.data");
    Path data = dataDir != null && !dataDir.isBlank() ? Path.of(dataDir) : context.getDataFile("").toPath();
    return data.resolve("index").resolve("contacts");
  }

  @Override
  public HitPage resolve(Caller caller, String text, QueryOptions options) {
    return search.resolve(caller, text, options);
  }

  @Override
  public List<ContactHit> findByAddress(Caller caller, String smtpAddress) {
    return search.findByAddress(caller, smtpAddress);
  }

  @Override
  public HitPage search(Caller caller, String text, QueryOptions options) {
    return search.search(caller, text, options);
  }

  @Override
  public void changed(StoreChange change) {
    feeder.changed(change);
  }

  @Override
  public void accountCreated(Account account) {
    feeder.accountCreated(account);
  }

  @Override
  public void accountChanged(Account account) {
    feeder.accountChanged(account);
  }

  @Override
  public void accountRemoved(Account account) {
    feeder.accountRemoved(account);
  }
}
