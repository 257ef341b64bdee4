package io.convene.mapi.nspi.book;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.AccountCertificates;
import io.convene.api.directory.AccountProfile;
import io.convene.api.directory.Directory;
import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.codec.LittleEndianWriter;
import java.nio.charset.StandardCharsets;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the address book: the Global Address List (every enabled account,
 * sorted by display name as SortTypeDisplayName asks) and the "All Rooms" address list (its room
 * accounts), with the accounts' profiles (title, department, phones) as properties. {@link
 * AddressBookCache} keeps one until the directory changes. MIds derive from account ids ({@link
 * #midOf(long)}), so they are the same in every snapshot and stable for the life of any session;
 * they never take a reserved value (0, 1, 2 and the small container ids). Disabled accounts are not
 * listed and have no MId here.
 */
public final class AddressBook {

  /** The GAL's container id (MS-OXNSPI 3.1.4.1.8: 0 names the Global Address List). */
  public static final int GAL_CONTAINER = 0;
  /** The MId and container id of the "All Rooms" address list. */
  public static final int ROOMS_CONTAINER = 0x10;
  /** Account MIds start here, above every reserved value and container id. */
  static final long MID_OFFSET = 0x1000;
  public static final String GAL_NAME = "Global Address List";
  public static final String ROOMS_NAME = "All Rooms";
  /** The DN of the All Rooms list, in the "/guid=" form Exchange gives address lists. */
  public static final String ROOMS_DN = "/guid=3C7E5F1B0A9D4E6C8F2B1D4A6E8C0B2F";

  private final AbTable gal;
  private final AbTable rooms;
  private final Map<Integer, AbObject> byMid = new HashMap<>();
  private final Map<String, AbObject> byDn = new HashMap<>();
  /** Lower-case SMTP addresses, aliases, DNs and display names of the GAL: ResolveNames' exact names. */
  private final Map<String, List<AbObject>> byExactName = new HashMap<>();
  private final List<AbObject> containers;

  /** The address book of {@code accounts} without profiles. */
  public AddressBook(List<Account> accounts) {
    this(accounts, Map.of());
  }

  /** The address book of the directory as it is now: its accounts, their profiles and certificates. */
  public static AddressBook of(Directory directory) {
    return new AddressBook(directory.list(), directory.profiles(), directory.allCertificates());
  }

  /**
   * @param accounts every account, enabled or not, in any order
   * @param profiles profiles by account id; accounts missing here have none
   */
  public AddressBook(List<Account> accounts, Map<Long, AccountProfile> profiles) {
    this(accounts, profiles, Map.of());
  }

  /**
   * @param accounts every account, enabled or not, in any order
   * @param profiles profiles by account id; accounts missing here have none
   * @param certificates published certificates by account id; accounts missing here have none
   */
  public AddressBook(List<Account> accounts, Map<Long, AccountProfile> profiles,
      Map<Long, AccountCertificates> certificates) {
    Collator collator = Collator.getInstance(Locale.ROOT);
    collator.setStrength(Collator.SECONDARY);
    List<AbObject> entries = new ArrayList<>();
    List<AbObject> roomEntries = new ArrayList<>();
    for (Account account : accounts) {
      if (!account.enabled() || account.id() <= 0 || account.id() > 0xFFFFFFFFL - MID_OFFSET) {
        continue;
      }
      AbObject entry = user(account, profiles.getOrDefault(account.id(), AccountProfile.EMPTY),
          certificates.getOrDefault(account.id(), AccountCertificates.EMPTY));
      entries.add(entry);
      if (account.kind() == AccountKind.ROOM) {
        roomEntries.add(entry);
      }
      byMid.put(entry.mid(), entry);
      byDn.put(entry.dn().toLowerCase(Locale.ROOT), entry);
      indexExactNames(entry);
    }
    // One collation key per entry: sorting 10,000 names by keys is several times faster than
    // comparing through the collator, and orders them the same.
    Map<AbObject, CollationKey> keys = new IdentityHashMap<>();
    entries.forEach(e -> keys.put(e, collator.getCollationKey(e.displayName())));
    Comparator<AbObject> order =
        Comparator.comparing((AbObject e) -> keys.get(e)).thenComparingLong(e -> e.mid() & 0xffffffffL);
    entries.sort(order);
    roomEntries.sort(order);
    gal = AbTable.of(entries);
    rooms = AbTable.of(roomEntries);
    AbObject galContainer = container(GAL_CONTAINER, "", GAL_NAME);
    AbObject roomsContainer = container(ROOMS_CONTAINER, ROOMS_DN, ROOMS_NAME);
    containers = List.of(galContainer, roomsContainer);
    byMid.put(ROOMS_CONTAINER, roomsContainer);
    byDn.put(ROOMS_DN.toLowerCase(Locale.ROOT), roomsContainer);
  }

  /** The MId of an account, whether or not it is listed. */
  public static int midOf(long accountId) {
    return (int) (accountId + MID_OFFSET);
  }

  /** The rows of the container with this id: the GAL or All Rooms; empty for any other id. */
  public Optional<AbTable> table(int containerId) {
    return switch (containerId) {
      case GAL_CONTAINER -> Optional.of(gal);
      case ROOMS_CONTAINER -> Optional.of(rooms);
      default -> Optional.empty();
    };
  }

  /** The listed object (user or All Rooms container) with this MId. */
  public Optional<AbObject> find(int mid) {
    return Optional.ofNullable(byMid.get(mid));
  }

  /** The listed object with this DN, compared case-insensitively as X.500 DNs are. */
  public Optional<AbObject> findByDn(String dn) {
    return Optional.ofNullable(byDn.get(dn.toLowerCase(Locale.ROOT)));
  }

  /** The hierarchy table rows: the GAL, then All Rooms. */
  public List<AbObject> containers() {
    return containers;
  }

  public AbTable gal() {
    return gal;
  }

  /**
   * The one GAL entry whose SMTP address (with or without "SMTP:"), alias, DN or display name
   * equals {@code name}, ignoring case; empty when none or several do. Exchange resolves such a
   * name uniquely even when it also starts other names.
   */
  public Optional<AbObject> exactMatch(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    Set<AbObject> found = new HashSet<>(byExactName.getOrDefault(wanted, List.of()));
    if (wanted.startsWith("smtp:")) {
      byExactName.getOrDefault(wanted.substring(5), List.of()).stream()
          .filter(o -> text(o, AbTags.SMTP_ADDRESS).equals(wanted.substring(5)))
          .forEach(found::add);
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  private void indexExactNames(AbObject entry) {
    Set<String> names = new HashSet<>();
    for (int tag : new int[] {AbTags.SMTP_ADDRESS, AbTags.ACCOUNT, AbTags.DISPLAY_NAME}) {
      names.add(text(entry, tag));
    }
    names.add(entry.dn().toLowerCase(Locale.ROOT));
    names.remove("");
    for (String name : names) {
      byExactName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(entry);
    }
  }

  private static String text(AbObject object, int tag) {
    return object.property(tag >>> 16).map(p -> ((String) p.value()).toLowerCase(Locale.ROOT)).orElse("");
  }

  private static AbObject container(int id, String dn, String name) {
    AbObject.Builder props =
        new AbObject.Builder()
            .put(AbTags.ENTRY_ID, EntryIds.permanent(AbTags.DT_CONTAINER, dn))
            .put(AbTags.CONTAINER_FLAGS, AbTags.AB_RECIPIENTS | AbTags.AB_UNMODIFIABLE)
            .put(AbTags.DEPTH, 0)
            .put(AbTags.CONTAINER_ID, id)
            .put(AbTags.DISPLAY_NAME, name)
            .put(AbTags.IS_MASTER, false)
            .put(AbTags.OBJECT_TYPE, AbTags.MAPI_ABCONT)
            .put(AbTags.DISPLAY_TYPE, AbTags.DT_CONTAINER);
    return new AbObject(id, dn, 0, AbTags.DT_CONTAINER, props.build());
  }

  private static AbObject user(Account account, AccountProfile profile, AccountCertificates certificates) {
    int mid = midOf(account.id());
    String dn = LegacyDn.of(account);
    byte[] permanent = EntryIds.permanent(AbTags.DT_MAILUSER, dn);
    AbObject.Builder props =
        new AbObject.Builder()
            .put(AbTags.DISPLAY_NAME, account.displayName())
            .put(AbTags.TRANSMITTABLE_DISPLAY_NAME, account.displayName())
            .put(AbTags.ADDRESS_TYPE, "EX")
            .put(AbTags.EMAIL_ADDRESS, dn)
            .putIfNotEmpty(AbTags.SMTP_ADDRESS, account.smtpAddress())
            .putIfNotEmpty(AbTags.ACCOUNT, account.alias())
            .put(AbTags.DISPLAY_TYPE, AbTags.DT_MAILUSER)
            .put(AbTags.DISPLAY_TYPE_EX, displayTypeEx(account.kind()))
            .put(AbTags.OBJECT_TYPE, AbTags.MAPI_MAILUSER)
            .put(AbTags.ENTRY_ID, permanent)
            .put(AbTags.RECORD_KEY, permanent)
            .put(AbTags.TEMPLATE_ID, permanent)
            .put(AbTags.INSTANCE_KEY, new LittleEndianWriter(4).u32(mid & 0xffffffffL).toByteArray())
            .put(AbTags.SEARCH_KEY, searchKey(dn))
            .put(AbTags.MAPPING_SIGNATURE, io.convene.api.store.Guids.toBytes(EntryIds.GUID_NSPI))
            .putIfNotEmpty(AbTags.OFFICE_LOCATION, account.location())
            .putIfNotEmpty(AbTags.TITLE, profile.title())
            .putIfNotEmpty(AbTags.DEPARTMENT_NAME, profile.department())
            .putIfNotEmpty(AbTags.COMPANY_NAME, profile.company())
            .putIfNotEmpty(AbTags.BUSINESS_TELEPHONE_NUMBER, profile.businessPhone())
            .putIfNotEmpty(AbTags.MOBILE_TELEPHONE_NUMBER, profile.mobilePhone());
    if (!account.smtpAddress().isEmpty()) {
      props.putList(AbTags.PROXY_ADDRESSES, List.of("SMTP:" + account.smtpAddress()));
    }
    if (account.kind() == AccountKind.ROOM && account.capacity() > 0) {
      props.put(AbTags.ROOM_CAPACITY, account.capacity());
    }
    if (!certificates.userX509().isEmpty()) {
      props.put(AbTags.USER_X509_CERTIFICATE, certificates.userX509());
    }
    if (!certificates.addressBookX509().isEmpty()) {
      props.put(AbTags.ADDRESS_BOOK_X509_CERTIFICATE, certificates.addressBookX509());
    }
    return new AbObject(mid, dn, account.id(), AbTags.DT_MAILUSER, props.build());
  }

  /** MS-OXOABK 2.2.3.12: users are ACL-capable mail users; rooms and equipment say what they are. */
  static int displayTypeEx(AccountKind kind) {
    return switch (kind) {
      case USER -> AbTags.DTE_FLAG_ACL_CAPABLE | AbTags.DT_MAILUSER;
      case ROOM -> AbTags.DT_ROOM;
      case EQUIPMENT -> AbTags.DT_EQUIPMENT;
    };
  }

  /** PidTagSearchKey (MS-OXOABK 2.2.3.7): "EX:", the DN in upper case, a terminating NUL. */
  static byte[] searchKey(String dn) {
    return ("EX:" + dn.toUpperCase(Locale.ROOT) + "\0").getBytes(StandardCharsets.US_ASCII);
  }
}
