package io.convene.search.lucene;

import io.convene.api.directory.Account;
import io.convene.api.directory.NewAccount;
import io.convene.api.search.ContactHit;
import io.convene.api.search.ContactSearch;
import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import io.convene.search.lucene.feed.IndexFeeder;
import io.convene.search.lucene.index.ContactIndex;
import io.convene.search.lucene.query.FolderAccess;
import io.convene.search.lucene.query.LuceneContactSearch;
import io.convene.search.lucene.query.StoreFolderAccess;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.directory.AccountListeners;
import io.convene.storage.derby.directory.DerbyDirectory;
import io.convene.storage.derby.directory.DirectorySchema;
import io.convene.storage.derby.directory.PasswordHasher;
import io.convene.storage.derby.store.ChangePublisher;
import io.convene.storage.derby.store.DerbyStore;
import io.convene.storage.derby.store.StoreLimits;
import io.convene.storage.derby.store.StoreSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The real directory and store (Derby, on a temporary directory) with the search index fed by
 * their events, as the components wire them. The index can be stopped and started again on the
 * same database to test restarts.
 */
public final class SearchFixture implements AutoCloseable {

  /** The production default refresh: near-real-time tests measure against it. */
  public static final Duration REFRESH = Duration.ofMillis(100);

  private static final PropTag MESSAGE_CLASS = PropTag.of(0x001A, PropType.PT_UNICODE);
  private static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  private static final PropTag GIVEN_NAME = PropTag.of(0x3A06, PropType.PT_UNICODE);
  private static final PropTag SURNAME = PropTag.of(0x3A11, PropType.PT_UNICODE);
  private static final PropTag COMPANY = PropTag.of(0x3A16, PropType.PT_UNICODE);
  private static final PropTag DEPARTMENT = PropTag.of(0x3A18, PropType.PT_UNICODE);
  private static final PropTag BUSINESS_PHONE = PropTag.of(0x3A08, PropType.PT_UNICODE);
  private static final NamedProperty EMAIL1 = NamedProperty.ofLid(NamedProperty.PSETID_ADDRESS, 0x8083);

  private final Path data;
  private final Database database;
  private final AccountListeners listeners = new AccountListeners();
  private final ChangePublisher events = new ChangePublisher(10_000);
  public final DerbyDirectory directory;
  public final DerbyStore store;
  private ContactIndex index;
  private IndexFeeder feeder;
  private LuceneContactSearch search;

  public SearchFixture(Path data) {
    this.data = data;
    this.database = Database.open(data.resolve("derby/convene"), List.of(new DirectorySchema(), new StoreSchema()));
    this.directory = new DerbyDirectory(database, new PasswordHasher(1_000), listeners);
    this.store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC(), events, StoreLimits.DEFAULT);
  }

  public Path indexDirectory() {
    return data.resolve("index/contacts");
  }

  /** Opens the index, wires it to the events and waits for its start-up reconciliation. */
  public SearchFixture startIndex() throws Exception {
    return startIndex(new StoreFolderAccess(store, Clock.systemUTC(), Duration.ZERO));
  }

  public SearchFixture startIndex(FolderAccess access) throws Exception {
    index = ContactIndex.open(indexDirectory(), REFRESH);
    feeder = new IndexFeeder(index, store, directory, Duration.ofSeconds(1));
    search = new LuceneContactSearch(index, access, 200);
    listeners.add(feeder);
    events.add(feeder);
    feeder.start().get(30, TimeUnit.SECONDS);
    return this;
  }

  /** Stops as the component does on deactivation: events no longer heard, queued work done, commit, close. */
  public void stopIndex() throws Exception {
    listeners.remove(feeder);
    events.remove(feeder);
    feeder.close();
    index.close();
    index = null;
  }

  public ContactSearch search() {
    return search;
  }

  public ContactIndex index() {
    return index;
  }

  public IndexFeeder feeder() {
    return feeder;
  }

  public Account user(String smtp, String displayName) throws StoreException {
    Account account = directory.create(NewAccount.user(smtp, displayName), null);
    store.provision(account.id());
    return account;
  }

  public Account room(String smtp, String displayName, int capacity, String location) throws StoreException {
    Account account = directory.create(NewAccount.room(smtp, displayName).withCapacity(capacity).withLocation(location), null);
    store.provision(account.id());
    return account;
  }

  public FolderId contactsFolder(long owner) throws StoreException {
    return mailbox(owner).folder(SpecialFolder.CONTACTS).id();
  }

  public Mailbox mailbox(long owner) throws StoreException {
    return store.mailbox(owner, Caller.account(owner));
  }

  /** Saves a contact in the owner's Contacts folder, as Outlook would (the fields search reads). */
  public MessageId contact(long owner, String given, String surname, String email) throws StoreException {
    return contact(owner, contactsFolder(owner), given, surname, email, "", "", "");
  }

  public MessageId contact(long owner, FolderId folder, String given, String surname, String email, String company,
      String department, String phone) throws StoreException {
    Mailbox mailbox = mailbox(owner);
    List<PropValue> props = new ArrayList<>();
    props.add(PropValue.ofString(MESSAGE_CLASS, "IPM.Contact"));
    props.add(PropValue.ofString(DISPLAY_NAME, (given + " " + surname).trim()));
    props.add(PropValue.ofString(GIVEN_NAME, given));
    props.add(PropValue.ofString(SURNAME, surname));
    if (!email.isEmpty()) {
      props.add(PropValue.ofString(PropTag.of(mailbox.namedPropertyId(EMAIL1, true), PropType.PT_UNICODE), email));
    }
    if (!company.isEmpty()) {
      props.add(PropValue.ofString(COMPANY, company));
    }
    if (!department.isEmpty()) {
      props.add(PropValue.ofString(DEPARTMENT, department));
    }
    if (!phone.isEmpty()) {
      props.add(PropValue.ofString(BUSINESS_PHONE, phone));
    }
    return mailbox.createItem(folder, props).id();
  }

  public void rename(long owner, MessageId contact, String displayName) throws StoreException {
    mailbox(owner).updateItem(contact, List.of(PropValue.ofString(DISPLAY_NAME, displayName)), List.of());
  }

  /** Display names of the hits of an ANR. */
  public List<String> resolve(Caller caller, String text) {
    return search.resolve(caller, text).hits().stream().map(ContactHit::displayName).toList();
  }

  /**
   * Polls {@code probe} until {@code done} holds or {@code timeout} passes; returns the last value.
   * Index updates are asynchronous by design (store events, then a refresh), so tests wait for the
   * outcome with a deadline instead of sleeping.
   */
  public static <T> T eventually(Supplier<T> probe, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      value = probe.get();
    }
    return value;
  }

  public static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
    return eventually(probe, done, Duration.ofSeconds(10));
  }

  @Override
  public void close() throws Exception {
    if (index != null) {
      stopIndex();
    }
    events.close();
    database.close();
  }
}
