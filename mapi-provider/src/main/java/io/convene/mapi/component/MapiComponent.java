package io.convene.mapi.component;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import io.convene.api.directory.Directory;
import io.convene.api.net.HttpEndpoint;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.autodiscover.AutodiscoverHandler;
import io.convene.mapi.autodiscover.AutodiscoverJsonHandler;
import io.convene.mapi.http.EmsmdbHandler;
import io.convene.mapi.http.MapiUser;
import io.convene.mapi.http.NspiHandler;
import io.convene.mapi.nspi.NspiEndpoint;
import io.convene.mapi.nspi.NspiService;
import io.convene.mapi.nspi.NspiServiceSettings;
import io.convene.mapi.nspi.book.AddressBook;
import io.convene.mapi.nspi.book.AddressBookCache;
import io.convene.mapi.nspi.book.CertificatePublisher;
import io.convene.mapi.nspi.book.NameResolver;
import io.convene.mapi.nspi.wire.NspiLimits;
import io.convene.api.search.ContactSearch;
import io.convene.mapi.rop.ReleaseRops;
import io.convene.mapi.rop.RopDispatcher;
import io.convene.mapi.rop.RopRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Autodiscover and the MAPI/HTTP endpoints on the HTTP whiteboard. A thin shell: it
 * validates the configuration, builds the plain handlers and registers them. A configuration
 * update that fails validation is logged and the running endpoints stay as they are; a valid one
 * replaces them (open MAPI/HTTP sessions end, and Outlook reconnects).
 */
@Component(configurationPid = MapiConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = MapiConfig.class)
public final class MapiComponent {

  private static final Logger LOG = LoggerFactory.getLogger(MapiComponent.class);
  /** The path spellings Outlook uses; the network layer matches prefixes case-sensitively. */
  static final List<String> AUTODISCOVER_PREFIXES =
      List.of("/autodiscover", "/Autodiscover", "/AutoDiscover", "/AUTODISCOVER");

  static final List<String> AUTODISCOVER_JSON_PATHS =
      List.of("/autodiscover/autodiscover.json", "/Autodiscover/Autodiscover.json", "/AutoDiscover/AutoDiscover.json");

  private final BundleContext context;
  private final Directory directory;
  private final io.convene.api.store.Store store;
  private final ScheduledExecutorService ticker;
  private final List<ServiceRegistration<HttpEndpoint>> registrations = new ArrayList<>();
  private EmsmdbHandler emsmdb;
  private ScheduledFuture<?> sweep;
  private NspiEndpoint nspi;
  private ScheduledFuture<?> nspiSweep;
  /** The GAL snapshot's ear on the directory: account events mark it stale. */
  private ServiceRegistration<AccountListener> galListener;
  /** Optional: without it NSPI name resolution falls back to a prefix match over the directory. */
  private volatile ContactSearch contactSearch;

  @Activate
  public MapiComponent(
      BundleContext context, @Reference Directory directory, @Reference io.convene.api.store.Store store, MapiConfig config) {
    this.context = context;
    this.directory = directory;
    this.store = store;
    this.ticker =
        // Two threads, so one keep-alive write stuck on a slow client delays the others less.
        Executors.newScheduledThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "convene-mapi-ticker");
              thread.setDaemon(true);
              return thread;
            });
    publish(MapiSettings.from(config));
  }

  @Modified
  synchronized void modified(MapiConfig config) {
    MapiSettings settings;
    try {
      settings = MapiSettings.from(config);
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration not applied, the previous one stays in force: {}", e.getMessage());
      return;
    }
    withdraw();
    publish(settings);
  }

  @Deactivate
  synchronized void deactivate() {
    withdraw();
    ticker.shutdownNow();
  }

  private synchronized void publish(MapiSettings settings) {
    RopRegistry registry = RopRegistry.builder().add(new ReleaseRops())
        .add(new io.convene.mapi.rop.table.TableRops()).add(new io.convene.mapi.rop.permission.PermissionRops(io.convene.mapi.rop.permission.PermissionMembers.of(directory)))
        .add(new io.convene.mapi.rop.store.StoreRops(store, new io.convene.mapi.rop.store.DirectoryMailboxResolver(directory), Clock.systemUTC())).add(new io.convene.mapi.rop.folder.FolderRops()).add(new io.convene.mapi.rop.property.PropertyRops()).add(new io.convene.mapi.rop.message.MessageRops()).add(new io.convene.mapi.rop.notify.NotifyRops()).build();
    RopDispatcher engine = new RopDispatcher(registry, settings.rops());
    Clock clock = Clock.systemUTC();
    emsmdb = new EmsmdbHandler(settings.emsmdb(), engine, this::user, ticker, clock);
    sweep = ticker.scheduleAtFixedRate(emsmdb::sweepExpiredSessions, 1, 1, TimeUnit.MINUTES);
    register("/mapi/emsmdb/", false, emsmdb);
    String base = settings.autodiscover().publicBaseUrl();
    AddressBookCache addressBook = new AddressBookCache(() -> AddressBook.of(directory));
    galListener = context.registerService(AccountListener.class, addressBook, null);
    NspiService nspiService =
        new NspiService(
            addressBook::current,
            new NameResolver(() -> Optional.ofNullable(contactSearch)),
            java.util.UUID.randomUUID(),
            new NspiServiceSettings(
                base.isEmpty() ? "" : base + "/mapi/emsmdb/", base.isEmpty() ? "" : base + "/mapi/nspi/", 1000, 100),
            CertificatePublisher.of(directory));
    nspi = new NspiEndpoint(settings.emsmdb(), nspiService, NspiLimits.DEFAULT, ticker, clock);
    nspiSweep = ticker.scheduleAtFixedRate(nspi::sweepExpiredSessions, 1, 1, TimeUnit.MINUTES);
    NspiEndpoint endpoint = nspi;
    register("/mapi/nspi/", false, new NspiHandler(() -> Optional.of(endpoint), settings.emsmdb().serverApplication()));

    AutodiscoverHandler autodiscover = new AutodiscoverHandler(accounts(), settings.autodiscover(), clock);
    for (String prefix : AUTODISCOVER_PREFIXES) {
      register(prefix, false, autodiscover);
    }
    AutodiscoverJsonHandler json = new AutodiscoverJsonHandler(autodiscover);
    for (String path : AUTODISCOVER_JSON_PATHS) {
      register(path, true, json);
    }
  }

  private void withdraw() {
    registrations.forEach(ServiceRegistration::unregister);
    registrations.clear();
    if (emsmdb != null) {
      sweep.cancel(false);
      emsmdb.closeAllSessions();
      emsmdb = null;
    }
    if (galListener != null) {
      galListener.unregister();
      galListener = null;
    }
    if (nspi != null) {
      nspiSweep.cancel(false);
      nspi.closeAllSessions();
      nspi = null;
    }
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  void bindContactSearch(ContactSearch search) {
    contactSearch = search;
  }

  void unbindContactSearch(ContactSearch search) {
    if (contactSearch == search) {
      contactSearch = null;
    }
  }

  private void register(String path, boolean anonymous, HttpEndpoint endpoint) {
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(HttpEndpoint.PATH, path);
    properties.put(
        HttpEndpoint.AUTHENTICATION,
        anonymous ? HttpEndpoint.AUTHENTICATION_ANONYMOUS : HttpEndpoint.AUTHENTICATION_REQUIRED);
    registrations.add(context.registerService(HttpEndpoint.class, endpoint, properties));
  }

  private Optional<MapiUser> user(String accountId) {
    long id;
    try {
      id = Long.parseLong(accountId);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return directory.find(id).filter(Account::enabled).map(a -> new MapiUser(accountId, a.displayName(), LegacyDn.of(a)));
  }

  private AutodiscoverHandler.Accounts accounts() {
    return new AutodiscoverHandler.Accounts() {
      @Override
      public Optional<Account> bySmtp(String smtpAddress) {
        return directory.findBySmtp(smtpAddress.trim());
      }

      @Override
      public Optional<Account> byAlias(String alias) {
        return directory.findByAlias(alias);
      }
    };
  }
}
