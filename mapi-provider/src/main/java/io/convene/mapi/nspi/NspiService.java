package io.convene.mapi.nspi;

import io.convene.api.directory.AccountCertificates;
import io.convene.api.directory.DirectoryException;
import io.convene.api.store.Caller;
import io.convene.api.store.PropType;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.nspi.book.AbMatcher;
import io.convene.mapi.nspi.book.AbObject;
import io.convene.mapi.nspi.book.AbTable;
import io.convene.mapi.nspi.book.AbTags;
import io.convene.mapi.nspi.book.AddressBook;
import io.convene.mapi.nspi.book.CertificatePublisher;
import io.convene.mapi.nspi.book.EntryIds;
import io.convene.mapi.nspi.book.NameResolver;
import io.convene.mapi.nspi.book.TablePosition;
import io.convene.mapi.nspi.wire.AbValues;
import io.convene.mapi.nspi.wire.NspiErrorCodes;
import io.convene.mapi.nspi.wire.NspiException;
import io.convene.mapi.nspi.wire.NspiRequest;
import io.convene.mapi.nspi.wire.NspiResponses;
import io.convene.mapi.nspi.wire.Stat;
import io.convene.mapi.rop.data.PropertyRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the NSPI requests of one bound session (MS-OXNSPI 3.1.4.1 semantics, MS-OXCMAPIHTTP
 * 2.2.5 bodies) from the current {@link AddressBook} snapshot (in production kept by {@link
 * io.convene.mapi.nspi.book.AddressBookCache}); one request reads one snapshot throughout. Request
 * failures are ErrorCodes in the response body, logged once; nothing escapes as an exception.
 */
public final class NspiService {

  private static final Logger LOG = LoggerFactory.getLogger(NspiService.class);
  /** MS-OXNSPI 2.2.1.9 ResolveNames results besides an MId. */
  public static final int MID_UNRESOLVED = 0x0;
  public static final int MID_AMBIGUOUS = 0x1;
  /** Bind flags (MS-OXNSPI 2.2.1.4) and GetSpecialTable flags (2.2.1.3). */
  public static final int FLAG_ANONYMOUS_LOGIN = 0x20;
  public static final int FLAG_EPHEMERAL_IDS = 0x2;
  public static final int FLAG_SKIP_OBJECTS = 0x1;
  public static final int SPECIAL_TABLE_CREATION_TEMPLATES = 0x2;
  public static final int SPECIAL_TABLE_UNICODE = 0x4;
  /** The hierarchy table version a client may cache; rows change only with a new server version. */
  public static final int HIERARCHY_VERSION = 1;
  /** MS-OXNSPI 3.1.4.1.8: a default column set for QueryRows without columns. */
  static final int[] DEFAULT_COLUMNS = {
    AbTags.CONTAINER_ID, AbTags.OBJECT_TYPE, AbTags.DISPLAY_TYPE, string8(AbTags.DISPLAY_NAME),
    string8(AbTags.PRIMARY_TELEPHONE_NUMBER), string8(AbTags.DEPARTMENT_NAME), string8(AbTags.OFFICE_LOCATION)
  };
  /** The columns QueryColumns lists: every property an entry can have. */
  static final int[] ALL_COLUMNS = {
    AbTags.DISPLAY_NAME, AbTags.TRANSMITTABLE_DISPLAY_NAME, AbTags.ADDRESS_TYPE, AbTags.EMAIL_ADDRESS,
    AbTags.SMTP_ADDRESS, AbTags.ACCOUNT, AbTags.DISPLAY_TYPE, AbTags.DISPLAY_TYPE_EX, AbTags.OBJECT_TYPE,
    AbTags.ENTRY_ID, AbTags.RECORD_KEY, AbTags.TEMPLATE_ID, AbTags.INSTANCE_KEY, AbTags.SEARCH_KEY,
    AbTags.MAPPING_SIGNATURE, AbTags.TITLE, AbTags.DEPARTMENT_NAME, AbTags.COMPANY_NAME, AbTags.OFFICE_LOCATION,
    AbTags.BUSINESS_TELEPHONE_NUMBER, AbTags.MOBILE_TELEPHONE_NUMBER, AbTags.PROXY_ADDRESSES, AbTags.ROOM_CAPACITY
  };

  private final Supplier<AddressBook> books;
  private final NameResolver resolver;
  private final UUID serverGuid;
  private final NspiServiceSettings settings;
  private final CertificatePublisher certificates;

  /** An address book whose entries take no ModProps (certificates are refused). */
  public NspiService(Supplier<AddressBook> books, NameResolver resolver, UUID serverGuid, NspiServiceSettings settings) {
    this(books, resolver, serverGuid, settings, CertificatePublisher.NONE);
  }

  /**
   * @param books the address book to answer from, asked once per request
   * @param certificates where ModProps publishes a user's certificates
   */
  public NspiService(Supplier<AddressBook> books, NameResolver resolver, UUID serverGuid, NspiServiceSettings settings,
      CertificatePublisher certificates) {
    this.books = books;
    this.resolver = resolver;
    this.serverGuid = serverGuid;
    this.settings = settings;
    this.certificates = certificates;
  }

  public UUID serverGuid() {
    return serverGuid;
  }

  /** The response body of {@code request} for the session's account. */
  public byte[] answer(long accountId, String requestId, NspiRequest request) {
    try {
      return run(accountId, request);
    } catch (NspiException e) {
      LOG.warn("NSPI {} {} for account {} answered 0x{}: {}", request.type().wireName(), requestId, accountId,
          Long.toHexString(e.errorCode()), e.getMessage());
      return failure(request, e.errorCode());
    } catch (RuntimeException e) {
      LOG.error("NSPI {} {} for account {} failed", request.type().wireName(), requestId, accountId, e);
      return failure(request, NspiErrorCodes.GENERAL_FAILURE);
    }
  }

  /** The response of {@code request} with a failing ErrorCode and no optional fields. */
  static byte[] failure(NspiRequest request, long code) {
    return switch (request.type()) {
      case BIND -> NspiResponses.bind(code, new UUID(0, 0));
      case COMPARE_MIDS -> NspiResponses.compareMIds(code, 0);
      case DN_TO_MID -> NspiResponses.dnToMId(code, null);
      case GET_MATCHES -> NspiResponses.getMatches(code, null, null, null);
      case GET_PROP_LIST, QUERY_COLUMNS -> NspiResponses.getPropList(code, null);
      case GET_PROPS, GET_TEMPLATE_INFO -> NspiResponses.valueList(code, 0, null);
      case GET_SPECIAL_TABLE -> NspiResponses.getSpecialTable(code, 0, null, null);
      case QUERY_ROWS, SEEK_ENTRIES -> NspiResponses.queryRows(code, null, null);
      case RESOLVE_NAMES -> NspiResponses.resolveNames(code, 0, null, null);
      case RESORT_RESTRICTION -> NspiResponses.resortRestriction(code, null, null);
      case UPDATE_STAT -> NspiResponses.updateStat(code, null, null);
      case GET_MAILBOX_URL, GET_ADDRESS_BOOK_URL -> NspiResponses.url(code, "");
      default -> NspiResponses.errorOnly(code);
    };
  }

  private byte[] run(long accountId, NspiRequest request) throws NspiException {
    if (request instanceof NspiRequest.Bind r) {
      return bind(r);
    }
    if (request instanceof NspiRequest.Unbind) {
      return NspiResponses.errorOnly(NspiErrorCodes.UNBIND_SUCCESS);
    }
    if (request instanceof NspiRequest.GetSpecialTable r) {
      return specialTable(r);
    }
    if (request instanceof NspiRequest.UpdateStat r) {
      return updateStat(r);
    }
    if (request instanceof NspiRequest.QueryRows r) {
      return queryRows(r);
    }
    if (request instanceof NspiRequest.QueryColumns r) {
      return NspiResponses.queryColumns(NspiErrorCodes.SUCCESS, columnsFor(r.mapiFlags()));
    }
    if (request instanceof NspiRequest.GetPropList r) {
      return getPropList(r);
    }
    if (request instanceof NspiRequest.GetProps r) {
      return getProps(r);
    }
    if (request instanceof NspiRequest.DnToMId r) {
      return dnToMId(r);
    }
    if (request instanceof NspiRequest.ResolveNames r) {
      return resolveNames(accountId, r);
    }
    if (request instanceof NspiRequest.SeekEntries r) {
      return seekEntries(r);
    }
    if (request instanceof NspiRequest.GetMatches r) {
      return getMatches(accountId, r);
    }
    if (request instanceof NspiRequest.CompareMIds r) {
      return compareMIds(r);
    }
    if (request instanceof NspiRequest.ResortRestriction r) {
      return resortRestriction(r);
    }
    if (request instanceof NspiRequest.GetTemplateInfo) {
      throw new NspiException(NspiErrorCodes.NOT_FOUND, "no details templates; Outlook shows its built-in pages");
    }
    if (request instanceof NspiRequest.ModProps r) {
      return modProps(accountId, r);
    }
    if (request instanceof NspiRequest.ModLinkAtt) {
      throw new NspiException(NspiErrorCodes.ACCESS_DENIED, "the address book has no link attributes to change");
    }
    if (request instanceof NspiRequest.GetMailboxUrl) {
      return NspiResponses.url(NspiErrorCodes.SUCCESS, url(settings.mailboxUrl()));
    }
    if (request instanceof NspiRequest.GetAddressBookUrl) {
      return NspiResponses.url(NspiErrorCodes.SUCCESS, url(settings.addressBookUrl()));
    }
    throw new NspiException(NspiErrorCodes.NOT_SUPPORTED, request.type() + " is not answered here");
  }

  private static String url(String url) throws NspiException {
    if (url.isEmpty()) {
      throw new NspiException(NspiErrorCodes.NOT_FOUND, "no public.base.url configured to build the URL from");
    }
    return url;
  }

  private AddressBook book() {
    return books.get();
  }

  private static Stat stat(Optional<Stat> state) throws NspiException {
    Stat stat = state.orElseThrow(() -> new NspiException(NspiErrorCodes.INVALID_PARAMETER, "no STAT"));
    if (stat.codePage() == Stat.CP_WINUNICODE) {
      throw new NspiException(NspiErrorCodes.INVALID_CODEPAGE, "CodePage CP_WINUNICODE in a STAT");
    }
    return stat;
  }

  private static AbTable table(AddressBook book, Stat stat) throws NspiException {
    return book.table(stat.containerId())
        .orElseThrow(() -> new NspiException(NspiErrorCodes.INVALID_BOOKMARK,
            "no container " + Integer.toUnsignedString(stat.containerId())));
  }

  private int[] columns(int[] requested, int[] defaults) throws NspiException {
    int[] columns = requested == null ? defaults : requested;
    if (columns.length > settings.maxColumns()) {
      throw new NspiException(NspiErrorCodes.TABLE_TOO_BIG, columns.length + " columns, at most " + settings.maxColumns());
    }
    return columns;
  }

  // --- requests ------------------------------------------------------------------------------

  private byte[] bind(NspiRequest.Bind r) throws NspiException {
    if ((r.flags() & FLAG_ANONYMOUS_LOGIN) != 0) {
      throw new NspiException(NspiErrorCodes.NOT_SUPPORTED, "anonymous login");
    }
    if (r.state().isPresent()) {
      stat(r.state());
    }
    return NspiResponses.bind(NspiErrorCodes.SUCCESS, serverGuid);
  }

  private byte[] specialTable(NspiRequest.GetSpecialTable r) throws NspiException {
    int codePage = r.state().map(Stat::codePage).orElse(0);
    if ((r.flags() & SPECIAL_TABLE_CREATION_TEMPLATES) != 0) {
      // Convene has no address creation templates: an empty table, so "New Entry" offers none.
      return NspiResponses.getSpecialTable(NspiErrorCodes.SUCCESS, codePage, null, List.of());
    }
    if (r.version().isPresent() && r.version().get() == HIERARCHY_VERSION) {
      // The client's cached hierarchy is current (MS-OXNSPI 3.1.4.1.3): no rows.
      return NspiResponses.getSpecialTable(NspiErrorCodes.SUCCESS, codePage, HIERARCHY_VERSION, null);
    }
    boolean unicode = (r.flags() & SPECIAL_TABLE_UNICODE) != 0;
    List<List<AbValues.Tagged>> rows = new ArrayList<>();
    for (AbObject container : book().containers()) {
      List<AbValues.Tagged> row = new ArrayList<>();
      for (int tag : new int[] {AbTags.ENTRY_ID, AbTags.CONTAINER_FLAGS, AbTags.DEPTH, AbTags.CONTAINER_ID,
          unicode ? AbTags.DISPLAY_NAME : string8(AbTags.DISPLAY_NAME), AbTags.IS_MASTER}) {
        row.add(tagged(container, tag, false));
      }
      rows.add(row);
    }
    return NspiResponses.getSpecialTable(NspiErrorCodes.SUCCESS, codePage, HIERARCHY_VERSION, rows);
  }

  private byte[] updateStat(NspiRequest.UpdateStat r) throws NspiException {
    Stat stat = stat(r.state());
    AbTable table = table(book(), stat);
    int from = TablePosition.current(table, stat);
    int to = TablePosition.move(from, stat.delta(), table.size());
    return NspiResponses.updateStat(NspiErrorCodes.SUCCESS, TablePosition.at(stat, table, to), r.deltaRequested() ? to - from : null);
  }

  private byte[] queryRows(NspiRequest.QueryRows r) throws NspiException {
    Stat stat = stat(r.state());
    int[] columns = columns(r.columns(), DEFAULT_COLUMNS);
    boolean ephemeral = (r.flags() & FLAG_EPHEMERAL_IDS) != 0;
    AddressBook book = book();
    if (r.explicitTable().length > 0) {
      if (r.explicitTable().length > settings.maxRows()) {
        throw new NspiException(NspiErrorCodes.TABLE_TOO_BIG, r.explicitTable().length + " explicit rows");
      }
      List<List<PropertyRow.Cell>> rows = new ArrayList<>();
      for (int mid : r.explicitTable()) {
        rows.add(row(book.find(mid), columns, ephemeral));
      }
      return NspiResponses.queryRows(NspiErrorCodes.SUCCESS, stat, new NspiResponses.Rows(columns, rows));
    }
    if (r.rowCount() == 0) {
      throw new NspiException(NspiErrorCodes.INVALID_PARAMETER, "RowCount 0 without an explicit table");
    }
    AbTable table = table(book, stat);
    int start = TablePosition.move(TablePosition.current(table, stat), stat.delta(), table.size());
    long wanted = Integer.toUnsignedLong(r.rowCount());
    int count = (int) Math.min(Math.min(wanted, settings.maxRows()), table.size() - start);
    if (wanted > settings.maxRows()) {
      LOG.info("NSPI QueryRows asked for {} rows; answering at most {}", wanted, settings.maxRows());
    }
    List<List<PropertyRow.Cell>> rows = new ArrayList<>(count);
    for (int i = start; i < start + count; i++) {
      rows.add(row(Optional.of(table.get(i)), columns, ephemeral));
    }
    return NspiResponses.queryRows(
        NspiErrorCodes.SUCCESS, TablePosition.at(stat, table, start + count), new NspiResponses.Rows(columns, rows));
  }

  private static int[] columnsFor(int mapiFlags) {
    // MAPI_UNICODE (0x80000000) asks for PtypString; otherwise strings are listed as PtypString8.
    boolean unicode = (mapiFlags & 0x80000000) != 0;
    int[] columns = ALL_COLUMNS.clone();
    for (int i = 0; i < columns.length; i++) {
      columns[i] = unicode ? columns[i] : string8(columns[i]);
    }
    return columns;
  }

  private byte[] getPropList(NspiRequest.GetPropList r) throws NspiException {
    if (r.codePage() == Stat.CP_WINUNICODE) {
      throw new NspiException(NspiErrorCodes.INVALID_CODEPAGE, "CodePage CP_WINUNICODE");
    }
    AbObject object = book().find(r.mid())
        .orElseThrow(() -> new NspiException(NspiErrorCodes.INVALID_BOOKMARK, "no object " + Integer.toUnsignedString(r.mid())));
    return NspiResponses.getPropList(NspiErrorCodes.SUCCESS, object.tags(false));
  }

  private byte[] getProps(NspiRequest.GetProps r) throws NspiException {
    Stat stat = stat(r.state());
    AbObject object = book().find(stat.currentRec())
        .orElseThrow(() -> new NspiException(NspiErrorCodes.INVALID_BOOKMARK,
            "no object " + Integer.toUnsignedString(stat.currentRec())));
    boolean ephemeral = (r.flags() & FLAG_EPHEMERAL_IDS) != 0;
    int[] tags = r.tags() == null ? object.tags(false) : columns(r.tags(), null);
    List<AbValues.Tagged> values = new ArrayList<>();
    boolean errors = false;
    for (int tag : tags) {
      AbValues.Tagged value = tagged(object, tag, ephemeral);
      errors |= (value.typeCode() == PropType.PT_ERROR.code() && (tag & 0xffff) != PropType.PT_ERROR.code());
      values.add(value);
    }
    return NspiResponses.valueList(errors ? NspiErrorCodes.ERRORS_RETURNED : NspiErrorCodes.SUCCESS, stat.codePage(), values);
  }

  private byte[] dnToMId(NspiRequest.DnToMId r) {
    AddressBook book = book();
    int[] mids = new int[r.names().size()];
    for (int i = 0; i < mids.length; i++) {
      mids[i] = book.findByDn(r.names().get(i)).map(AbObject::mid).orElse(MID_UNRESOLVED);
    }
    return NspiResponses.dnToMId(NspiErrorCodes.SUCCESS, mids);
  }

  private byte[] resolveNames(long accountId, NspiRequest.ResolveNames r) throws NspiException {
    Stat stat = stat(r.state());
    int[] columns = columns(r.tags(), DEFAULT_COLUMNS);
    AddressBook book = book();
    AbTable gal = book.gal();
    int[] mids = new int[r.names().size()];
    List<List<PropertyRow.Cell>> rows = new ArrayList<>();
    for (int i = 0; i < mids.length; i++) {
      String name = r.names().get(i).strip();
      Optional<AbObject> exact = book.exactMatch(name);
      List<AbObject> hits = exact.map(List::of).orElseGet(() -> resolver.resolve(caller(accountId), name, gal, NameResolver.GAL_KINDS, 2));
      if (hits.size() == 1) {
        mids[i] = hits.get(0).mid();
        rows.add(row(hits, columns));
      } else {
        mids[i] = hits.isEmpty() ? MID_UNRESOLVED : MID_AMBIGUOUS;
      }
    }
    return NspiResponses.resolveNames(NspiErrorCodes.SUCCESS, stat.codePage(), mids, new NspiResponses.Rows(columns, rows));
  }

  private List<PropertyRow.Cell> row(List<AbObject> one, int[] columns) {
    return row(Optional.of(one.get(0)), columns, false);
  }

  private byte[] seekEntries(NspiRequest.SeekEntries r) throws NspiException {
    Stat stat = stat(r.state());
    if (stat.sortType() != Stat.SORT_DISPLAY_NAME && stat.sortType() != Stat.SORT_DISPLAY_NAME_RO
        && stat.sortType() != Stat.SORT_DISPLAY_NAME_W) {
      throw new NspiException(NspiErrorCodes.NOT_SUPPORTED, "SeekEntries in sort order " + stat.sortType());
    }
    AbValues.Tagged target = r.target().orElseThrow(() -> new NspiException(NspiErrorCodes.INVALID_PARAMETER, "no Target"));
    if (target.id() != AbTags.DISPLAY_NAME >>> 16 || !(target.value() instanceof String prefix)) {
      throw new NspiException(NspiErrorCodes.NOT_SUPPORTED, "SeekEntries on a property other than PidTagDisplayName");
    }
    int[] columns = r.columns() == null ? null : columns(r.columns(), null);
    AddressBook book = book();
    List<AbObject> table;
    if (r.explicitTable() != null) {
      table = new ArrayList<>();
      for (int mid : r.explicitTable()) {
        book.find(mid).ifPresent(table::add);
      }
    } else {
      table = table(book, stat);
    }
    java.text.Collator collator = java.text.Collator.getInstance(Locale.ROOT);
    collator.setStrength(java.text.Collator.SECONDARY);
    int index = table.size();
    for (int i = 0; i < table.size(); i++) {
      if (collator.compare(table.get(i).displayName(), prefix) >= 0) {
        index = i;
        break;
      }
    }
    if (index == table.size()) {
      throw new NspiException(NspiErrorCodes.NOT_FOUND, "no entry at or after the target");
    }
    NspiResponses.Rows rows = null;
    if (columns != null) {
      List<List<PropertyRow.Cell>> cells = new ArrayList<>();
      int end = Math.min(table.size(), index + settings.maxRows());
      for (int i = index; i < end; i++) {
        cells.add(row(Optional.of(table.get(i)), columns, false));
      }
      rows = new NspiResponses.Rows(columns, cells);
    }
    return NspiResponses.queryRows(NspiErrorCodes.SUCCESS, TablePosition.at(stat, table, index), rows);
  }

  private byte[] getMatches(long accountId, NspiRequest.GetMatches r) throws NspiException {
    Stat stat = stat(r.state());
    if (r.hasPropertyName()) {
      throw new NspiException(NspiErrorCodes.NOT_SUPPORTED, "GetMatches over a link attribute");
    }
    Restriction filter = r.filter().orElseThrow(() -> new NspiException(NspiErrorCodes.INVALID_PARAMETER, "no Filter"));
    int[] columns = r.columns() == null ? null : columns(r.columns(), null);
    long requested = Math.min(Integer.toUnsignedLong(r.rowCount()), settings.maxRows());
    AddressBook book = book();
    AbTable table = table(book, stat);
    List<String> anr = new ArrayList<>();
    AbMatcher.anrTexts(filter, anr);
    Set<Long> anrHits = new HashSet<>();
    for (String text : anr) {
      resolver.resolve(caller(accountId), text, table, NameResolver.GAL_KINDS, (int) requested + 1)
          .forEach(o -> anrHits.add(o.accountId()));
    }
    AbMatcher matcher = new AbMatcher(anrHits);
    List<AbObject> found = new ArrayList<>();
    for (AbObject object : table) {
      if (matcher.matches(filter, object)) {
        found.add(object);
        if (found.size() > requested) {
          // MS-OXNSPI 3.1.4.1.10: more matches than asked for is ecTableTooBig; Outlook then asks
          // the user to narrow the search.
          throw new NspiException(NspiErrorCodes.TABLE_TOO_BIG, "more than " + requested + " matches");
        }
      }
    }
    int[] mids = found.stream().mapToInt(AbObject::mid).toArray();
    NspiResponses.Rows rows = null;
    if (columns != null) {
      List<List<PropertyRow.Cell>> cells = new ArrayList<>();
      for (AbObject object : found) {
        cells.add(row(Optional.of(object), columns, true));
      }
      rows = new NspiResponses.Rows(columns, cells);
    }
    // MS-OXNSPI 3.1.4.1.10: the STAT's ContainerID becomes its CurrentRec.
    return NspiResponses.getMatches(NspiErrorCodes.SUCCESS, stat.withContainerId(stat.currentRec()), mids, rows);
  }

  private byte[] compareMIds(NspiRequest.CompareMIds r) throws NspiException {
    Stat stat = stat(r.state());
    AbTable table = table(book(), stat);
    int first = indexOf(table, r.mid1());
    int second = indexOf(table, r.mid2());
    return NspiResponses.compareMIds(NspiErrorCodes.SUCCESS, Integer.signum(first - second));
  }

  private static int indexOf(AbTable table, int mid) throws NspiException {
    int index = table.indexOfMid(mid);
    if (index >= 0) {
      return index;
    }
    throw new NspiException(NspiErrorCodes.INVALID_BOOKMARK, "MId " + Integer.toUnsignedString(mid) + " is not in the table");
  }

  private byte[] resortRestriction(NspiRequest.ResortRestriction r) throws NspiException {
    Stat stat = stat(r.state());
    if (r.mids().length > settings.maxRows()) {
      throw new NspiException(NspiErrorCodes.TABLE_TOO_BIG, r.mids().length + " MIds");
    }
    AbTable gal = book().gal();
    // The GAL is already in display name order, so the listed MIds in GAL order are sorted; MIds
    // of no listed object are dropped (MS-OXNSPI 3.1.4.1.11).
    List<AbObject> sorted = java.util.Arrays.stream(r.mids()).map(gal::indexOfMid).filter(i -> i >= 0)
        .distinct().sorted().mapToObj(gal::get).toList();
    int[] mids = sorted.stream().mapToInt(AbObject::mid).toArray();
    int position = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).mid() == stat.currentRec()) {
        position = i;
      }
    }
    Stat result = stat.moved(sorted.isEmpty() ? Stat.MID_END_OF_TABLE : sorted.get(position).mid(), position, sorted.size());
    return NspiResponses.resortRestriction(NspiErrorCodes.SUCCESS, result, mids);
  }

  /**
   * MS-OXNSPI 3.1.4.1.14: a user publishes or withdraws their own certificates
   * (PidTagUserX509Certificate, PidTagAddressBookX509Certificate); the tags in PropTags lose all
   * their values, then the row's values replace theirs. Every other property is the
   * administrator's: ecAccessDenied, as for another account's entry, and nothing is changed.
   */
  private byte[] modProps(long accountId, NspiRequest.ModProps r) throws NspiException {
    Stat stat = stat(r.state());
    AbObject object = book().find(stat.currentRec())
        .orElseThrow(() -> new NspiException(NspiErrorCodes.INVALID_BOOKMARK, "no object to modify"));
    if (object.accountId() != accountId) {
      throw new NspiException(NspiErrorCodes.ACCESS_DENIED, "ModProps on another account's entry");
    }
    AccountCertificates current;
    try {
      current = certificates.current(accountId);
    } catch (DirectoryException e) {
      throw new NspiException(NspiErrorCodes.GENERAL_FAILURE, "reading the certificates failed: " + e.getMessage());
    }
    List<byte[]> user = current.userX509();
    List<byte[]> addressBook = current.addressBookX509();
    for (int tag : r.tags() == null ? new int[0] : r.tags()) {
      if (isCertificate(tag, AbTags.USER_X509_CERTIFICATE)) {
        user = List.of();
      } else if (isCertificate(tag, AbTags.ADDRESS_BOOK_X509_CERTIFICATE)) {
        addressBook = List.of();
      } else {
        throw new NspiException(NspiErrorCodes.ACCESS_DENIED, "ModProps may not remove 0x" + Integer.toHexString(tag));
      }
    }
    for (AbValues.Tagged value : r.values()) {
      if (isCertificate(value.tag(), AbTags.USER_X509_CERTIFICATE)) {
        user = binaries(value);
      } else if (isCertificate(value.tag(), AbTags.ADDRESS_BOOK_X509_CERTIFICATE)) {
        addressBook = binaries(value);
      } else {
        throw new NspiException(NspiErrorCodes.ACCESS_DENIED, "ModProps may not set 0x" + Integer.toHexString(value.tag()));
      }
    }
    try {
      certificates.publish(accountId, new AccountCertificates(user, addressBook));
    } catch (DirectoryException e) {
      long code = e.reason() == DirectoryException.Reason.INVALID ? NspiErrorCodes.INVALID_PARAMETER
          : e.reason() == DirectoryException.Reason.UNAVAILABLE ? NspiErrorCodes.NOT_SUPPORTED
          : NspiErrorCodes.GENERAL_FAILURE;
      throw new NspiException(code, "publishing the certificates failed: " + e.getMessage());
    }
    LOG.info("Account {} changed its published certificates with NSPI ModProps", accountId);
    return NspiResponses.errorOnly(NspiErrorCodes.SUCCESS);
  }

  /** Whether {@code tag} names the property of {@code certificateTag}, in any type. */
  private static boolean isCertificate(int tag, int certificateTag) {
    return tag >>> 16 == certificateTag >>> 16;
  }

  /** The values of a certificate property: PtypMultipleBinary, or one PtypBinary value. */
  @SuppressWarnings("unchecked")
  private static List<byte[]> binaries(AbValues.Tagged value) throws NspiException {
    if (value.typeCode() == PropType.PT_MV_BINARY.code()) {
      return (List<byte[]>) value.value();
    }
    if (value.typeCode() == PropType.PT_BINARY.code()) {
      return List.of((byte[]) value.value());
    }
    throw new NspiException(NspiErrorCodes.INVALID_PARAMETER,
        "a certificate must be PtypMultipleBinary, not type 0x" + Integer.toHexString(value.typeCode()));
  }

  // --- cells ---------------------------------------------------------------------------------

  private static Caller caller(long accountId) {
    return accountId > 0 ? Caller.account(accountId) : Caller.server();
  }

  private List<PropertyRow.Cell> row(Optional<AbObject> object, int[] columns, boolean ephemeral) {
    List<PropertyRow.Cell> cells = new ArrayList<>(columns.length);
    for (int column : columns) {
      if (object.isEmpty()) {
        cells.add(new PropertyRow.Error((int) NspiErrorCodes.NOT_FOUND));
        continue;
      }
      AbValues.Tagged value = tagged(object.get(), column, ephemeral);
      if (value.typeCode() == PropType.PT_ERROR.code() && (column & 0xffff) != PropType.PT_ERROR.code()) {
        cells.add(new PropertyRow.Error((Integer) value.value()));
      } else {
        cells.add(new PropertyRow.Value(value.typeCode(), value.value()));
      }
    }
    return cells;
  }

  /**
   * The value of {@code tag} on {@code object} in the type the tag asks for (PtypString8 and
   * PtypString convert; PtypUnspecified takes the natural type), or PtypErrorCode ecNotFound.
   */
  AbValues.Tagged tagged(AbObject object, int tag, boolean ephemeral) {
    int id = tag >>> 16;
    int type = tag & 0xffff;
    Optional<AbObject.Prop> prop = object.property(id);
    if (prop.isEmpty()) {
      return new AbValues.Tagged(id << 16 | PropType.PT_ERROR.code(), (int) NspiErrorCodes.NOT_FOUND);
    }
    Object value = prop.get().value();
    if (ephemeral && id == AbTags.ENTRY_ID >>> 16) {
      value = EntryIds.ephemeral(serverGuid, object.displayType(), object.mid());
    }
    int natural = prop.get().typeCode();
    if (type == PropType.PT_UNSPECIFIED.code() || type == natural) {
      return new AbValues.Tagged(id << 16 | natural, value);
    }
    boolean strings = isString(type) && isString(natural);
    boolean lists = isStringList(type) && isStringList(natural);
    if (strings || lists) {
      return new AbValues.Tagged(tag, value);
    }
    return new AbValues.Tagged(id << 16 | PropType.PT_ERROR.code(), (int) NspiErrorCodes.NOT_FOUND);
  }

  private static boolean isString(int type) {
    return type == PropType.PT_UNICODE.code() || type == PropType.PT_STRING8.code();
  }

  private static boolean isStringList(int type) {
    return type == PropType.PT_MV_UNICODE.code() || type == PropType.PT_MV_STRING8.code();
  }

  static int string8(int tag) {
    return AbObject.toString8(tag);
  }
}
