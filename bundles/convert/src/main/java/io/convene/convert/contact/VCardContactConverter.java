package io.convene.convert.contact;

import static io.convene.convert.props.NamedProps.EMAIL_ADDRESS_TYPE;
import static io.convene.convert.props.NamedProps.EMAIL_DISPLAY_NAME;
import static io.convene.convert.props.NamedProps.EMAIL_EMAIL_ADDRESS;
import static io.convene.convert.props.NamedProps.EMAIL_ORIGINAL_DISPLAY_NAME;
import static io.convene.convert.props.NamedProps.FILE_UNDER;
import static io.convene.convert.props.NamedProps.HAS_PICTURE;
import static io.convene.convert.props.NamedProps.INSTANT_MESSAGING_ADDRESS;
import static io.convene.convert.props.NamedProps.INTERNET_UID;
import static io.convene.convert.props.NamedProps.KEYWORDS;
import static io.convene.convert.props.TaggedProps.BIRTHDAY;
import static io.convene.convert.props.TaggedProps.BODY;
import static io.convene.convert.props.TaggedProps.BUSINESS_HOME_PAGE;
import static io.convene.convert.props.TaggedProps.COMPANY_NAME;
import static io.convene.convert.props.TaggedProps.DEPARTMENT_NAME;
import static io.convene.convert.props.TaggedProps.DISPLAY_NAME;
import static io.convene.convert.props.TaggedProps.DISPLAY_NAME_PREFIX;
import static io.convene.convert.props.TaggedProps.GENERATION;
import static io.convene.convert.props.TaggedProps.GIVEN_NAME;
import static io.convene.convert.props.TaggedProps.LAST_MODIFICATION_TIME;
import static io.convene.convert.props.TaggedProps.MESSAGE_CLASS;
import static io.convene.convert.props.TaggedProps.MIDDLE_NAME;
import static io.convene.convert.props.TaggedProps.NICKNAME;
import static io.convene.convert.props.TaggedProps.PERSONAL_HOME_PAGE;
import static io.convene.convert.props.TaggedProps.SURNAME;
import static io.convene.convert.props.TaggedProps.TITLE;
import static io.convene.convert.props.TaggedProps.WEDDING_ANNIVERSARY;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Anniversary;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Impp;
import ezvcard.property.Nickname;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.ProductId;
import ezvcard.property.RawProperty;
import ezvcard.property.Revision;
import ezvcard.property.SortString;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.ContactConverter;
import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ConversionResult;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.NamedPropertyIds;
import io.convene.api.convert.VCardVersion;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.convert.props.Bag;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.PreservedProperty;
import io.convene.convert.props.PropDef;
import io.convene.convert.props.TaggedProps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Contacts to and from vCard 3.0 and 4.0 with ez-vcard (MS-OXVCARD 2.1.3, RFC 2426, RFC 6350).
 *
 * <p>Mapped: FN, N (prefix, given, middle, family, suffix), the file-as name (3.0 SORT-STRING, 4.0
 * N;SORT-AS), NICKNAME, three EMAILs (PidLidEmail1..3), TELs by type ({@link Phone}), ADR work /
 * home / other, PHOTO (the contact photo attachment), BDAY, ANNIVERSARY (3.0: X-ANNIVERSARY),
 * ORG (company; department), TITLE, NOTE, CATEGORIES, URL work / home, IMPP or X-MS-IMADDRESS,
 * UID and REV. As with iCalendar, unmapped MAPI properties travel as {@code X-CONVENE-PROP} and
 * unmapped vCard properties are kept as named properties.
 */
public final class VCardContactConverter implements ContactConverter {

  public static final String CONTACT_CLASS = "IPM.Contact";
  static final String PHOTO_FILE_NAME = "ContactPicture.jpg";
  static final String KEPT_PREFIX = "VCARD:";

  /** Contact address blocks: TYPE, then PO box, street, city, state, postal code, country. */
  private static final Map<String, PropDef[]> ADDRESSES = new LinkedHashMap<>();

  static {
    ADDRESSES.put("work", new PropDef[] {
      NamedProps.WORK_ADDRESS_PO_BOX, NamedProps.WORK_ADDRESS_STREET, NamedProps.WORK_ADDRESS_CITY,
      NamedProps.WORK_ADDRESS_STATE, NamedProps.WORK_ADDRESS_POSTAL_CODE, NamedProps.WORK_ADDRESS_COUNTRY});
    ADDRESSES.put("home", new PropDef[] {
      TaggedProps.HOME_ADDRESS_PO_BOX, TaggedProps.HOME_ADDRESS_STREET, TaggedProps.HOME_ADDRESS_CITY,
      TaggedProps.HOME_ADDRESS_STATE, TaggedProps.HOME_ADDRESS_POSTAL_CODE, TaggedProps.HOME_ADDRESS_COUNTRY});
    ADDRESSES.put("other", new PropDef[] {
      TaggedProps.OTHER_ADDRESS_PO_BOX, TaggedProps.OTHER_ADDRESS_STREET, TaggedProps.OTHER_ADDRESS_CITY,
      TaggedProps.OTHER_ADDRESS_STATE, TaggedProps.OTHER_ADDRESS_POSTAL_CODE, TaggedProps.OTHER_ADDRESS_COUNTRY});
  }

  private final VCardLimits limits;

  public VCardContactConverter(VCardLimits limits) {
    this.limits = limits;
  }

  // ---------------------------------------------------------------- export

  @Override
  public ConversionResult<String> toVCard(ItemContent contact, VCardVersion version, NamedPropertyIds ids)
      throws ConversionException {
    List<String> warnings = new ArrayList<>();
    ezvcard.VCardVersion v = version == VCardVersion.V4_0 ? ezvcard.VCardVersion.V4_0 : ezvcard.VCardVersion.V3_0;
    Bag bag = Bag.of(contact.properties(), ids);
    VCard card = new VCard(v);
    bag.consumeIfEquals(MESSAGE_CLASS, CONTACT_CLASS);
    exportNames(bag, card, v);
    exportEmails(bag, card, v);
    exportPhones(bag, card);
    exportAddresses(bag, card);
    exportPhoto(bag, contact.attachments(), card);
    exportDates(bag, card, v);
    String company = bag.string(COMPANY_NAME);
    String department = bag.string(DEPARTMENT_NAME);
    if (company != null || department != null) {
      Organization org = new Organization();
      org.getValues().add(company == null ? "" : company);
      if (department != null) {
        org.getValues().add(department);
      }
      card.setOrganization(org);
      consumeText(bag, COMPANY_NAME, company);
      consumeText(bag, DEPARTMENT_NAME, department);
    }
    exportText(bag, TITLE, card, Title::new);
    String body = bag.string(BODY);
    if (body != null) {
      card.addNote(new Note(body.replace("\r\n", "\n")));
      String lf = body.replace("\r\n", "\n");
      if (lf.indexOf('\r') < 0 && lf.replace("\n", "\r\n").equals(body)) {
        bag.consume(BODY);
      }
    }
    List<String> keywords = bag.strings(KEYWORDS);
    if (keywords != null && !keywords.isEmpty() && keywords.stream().noneMatch(String::isEmpty)) {
      Categories categories = new Categories();
      categories.getValues().addAll(keywords);
      card.setCategories(categories);
      bag.consume(KEYWORDS);
    }
    exportUrl(bag, BUSINESS_HOME_PAGE, "work", card);
    exportUrl(bag, PERSONAL_HOME_PAGE, "home", card);
    String im = bag.string(INSTANT_MESSAGING_ADDRESS);
    if (im != null && !im.isEmpty()) {
      if (im.indexOf(':') > 0 && v == ezvcard.VCardVersion.V4_0) {
        try {
          card.addImpp(new Impp(im));
          bag.consume(INSTANT_MESSAGING_ADDRESS);
        } catch (IllegalArgumentException notUri) {
          card.addExtendedProperty("X-MS-IMADDRESS", im);
          bag.consume(INSTANT_MESSAGING_ADDRESS);
        }
      } else {
        card.addExtendedProperty("X-MS-IMADDRESS", im);
        bag.consume(INSTANT_MESSAGING_ADDRESS);
      }
    }
    String uid = bag.string(INTERNET_UID);
    if (uid != null && !uid.isEmpty()) {
      card.setUid(new Uid(uid));
      bag.consume(INTERNET_UID);
    }
    Instant modified = bag.time(LAST_MODIFICATION_TIME);
    if (modified != null && modified.getEpochSecond() > 0 && modified.getEpochSecond() < 253402300799L) {
      card.setRevision(new Revision(modified.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
      if (modified.getNano() == 0) {
        bag.consume(LAST_MODIFICATION_TIME);
      }
    }
    exportPreserved(bag, card, v, warnings);
    try {
      // ez-vcard folds by chars; Convene folds by octets (RFC 6350 3.2).
      String text = Ezvcard.write(card).version(v).prodId(false).foldLines(false).go();
      return new ConversionResult<>(io.convene.convert.ical.LineFolding.foldAll(text), warnings);
    } catch (RuntimeException e) {
      throw new ConversionException(ConversionError.UNSUPPORTED, "cannot write vCard: " + e.getMessage(), e);
    }
  }

  private void exportNames(Bag bag, VCard card, ezvcard.VCardVersion v) throws ConversionException {
    String display = bag.string(DISPLAY_NAME);
    String given = bag.string(GIVEN_NAME);
    String family = bag.string(SURNAME);
    String middle = bag.string(MIDDLE_NAME);
    String prefix = bag.string(DISPLAY_NAME_PREFIX);
    String suffix = bag.string(GENERATION);
    String fileAs = bag.string(FILE_UNDER);
    String fn = display != null ? display : composeName(prefix, given, middle, family, suffix);
    card.setFormattedName(new FormattedName(fn == null ? "" : fn));
    consumeText(bag, DISPLAY_NAME, display);
    StructuredName n = new StructuredName();
    n.setFamily(family);
    n.setGiven(given);
    if (middle != null) {
      n.getAdditionalNames().add(middle);
    }
    if (prefix != null) {
      n.getPrefixes().add(prefix);
    }
    if (suffix != null) {
      n.getSuffixes().add(suffix);
    }
    for (PropDef def : new PropDef[] {GIVEN_NAME, SURNAME, MIDDLE_NAME, DISPLAY_NAME_PREFIX, GENERATION}) {
      consumeText(bag, def, bag.string(def));
    }
    if (fileAs != null && !fileAs.isEmpty()) {
      if (v == ezvcard.VCardVersion.V3_0) {
        card.setSortString(new SortString(fileAs));
        consumeText(bag, FILE_UNDER, fileAs);
      } else if (fileAs.indexOf(',') < 0) {
        n.setSortAs(fileAs);
        consumeText(bag, FILE_UNDER, fileAs);
      }
    }
    card.setStructuredName(n);
    String nickname = bag.string(NICKNAME);
    if (nickname != null && !nickname.isEmpty() && nickname.indexOf(',') < 0) {
      Nickname nick = new Nickname();
      nick.getValues().add(nickname);
      card.setNickname(nick);
      consumeText(bag, NICKNAME, nickname);
    }
  }

  static String composeName(String prefix, String given, String middle, String family, String suffix) {
    StringBuilder name = new StringBuilder();
    for (String part : new String[] {prefix, given, middle, family, suffix}) {
      if (part != null && !part.isEmpty()) {
        name.append(name.length() == 0 ? "" : " ").append(part);
      }
    }
    return name.length() == 0 ? null : name.toString();
  }

  // Values with a bare CR cannot survive vCard's line structure unchanged; they travel as X-CONVENE-PROP.
  private static void consumeText(Bag bag, PropDef def, String value) throws ConversionException {
    if (value != null && value.indexOf('\r') < 0) {
      bag.consume(def);
    }
  }

  /** For multi-line values kept with CRLF line ends, as MAPI does: consumed if in that form. */
  private static void consumeCrlfText(Bag bag, PropDef def, String value) throws ConversionException {
    String lf = value.replace("\r\n", "\n");
    if (lf.indexOf('\r') < 0 && lf.replace("\n", "\r\n").equals(value)) {
      bag.consume(def);
    }
  }

  private static void exportText(Bag bag, PropDef def, VCard card, java.util.function.Function<String, VCardProperty> make)
      throws ConversionException {
    String value = bag.string(def);
    if (value != null) {
      card.addProperty(make.apply(value));
      consumeText(bag, def, value);
    }
  }

  private static void exportUrl(Bag bag, PropDef def, String type, VCard card) throws ConversionException {
    String value = bag.string(def);
    if (value != null && !value.isEmpty()) {
      Url url = new Url(value);
      url.setType(type);
      card.addUrl(url);
      consumeText(bag, def, value);
    }
  }

  private static void exportEmails(Bag bag, VCard card, ezvcard.VCardVersion v) throws ConversionException {
    String fn = card.getFormattedName() == null ? null : card.getFormattedName().getValue();
    int written = 0;
    for (int i = 0; i < 3; i++) {
      String address = bag.string(EMAIL_EMAIL_ADDRESS[i]);
      if (address == null || address.isEmpty()) {
        continue;
      }
      Email email = new Email(address);
      if (v == ezvcard.VCardVersion.V3_0) {
        email.getTypes().add(EmailType.INTERNET);
      }
      card.addEmail(email);
      // Import fills slots in order, so a gap (Email2 without Email1) does not come back as is.
      if (written == i && address.indexOf('\r') < 0) {
        bag.consume(EMAIL_EMAIL_ADDRESS[i]);
        bag.consumeIfEquals(EMAIL_ADDRESS_TYPE[i], "SMTP");
        bag.consumeIfEquals(EMAIL_ORIGINAL_DISPLAY_NAME[i], address);
        bag.consumeIfEquals(EMAIL_DISPLAY_NAME[i], emailDisplayName(fn, address));
      }
      written++;
    }
  }

  /** PidLidEmailNDisplayName as Outlook forms it: "Name (address)". */
  static String emailDisplayName(String fn, String address) {
    return fn == null || fn.isEmpty() ? address : fn + " (" + address + ")";
  }

  private static void exportPhones(Bag bag, VCard card) throws ConversionException {
    EnumMap<Phone, String> numbers = new EnumMap<>(Phone.class);
    for (Phone phone : Phone.values()) {
      String number = bag.string(phone.def);
      if (number != null && !number.isEmpty()) {
        numbers.put(phone, number);
      }
    }
    for (Map.Entry<Phone, String> e : numbers.entrySet()) {
      Telephone tel = new Telephone(e.getValue());
      for (String type : e.getKey().types) {
        tel.getTypes().add(TelephoneType.get(type));
      }
      card.addTelephoneNumber(tel);
      Phone p = e.getKey();
      boolean comesBack = (p != Phone.BUSINESS2 || numbers.containsKey(Phone.BUSINESS))
          && (p != Phone.HOME2 || numbers.containsKey(Phone.HOME));
      if (comesBack) {
        consumeText(bag, p.def, e.getValue());
      }
    }
  }

  private static void exportAddresses(Bag bag, VCard card) throws ConversionException {
    for (Map.Entry<String, PropDef[]> e : ADDRESSES.entrySet()) {
      PropDef[] defs = e.getValue();
      String[] parts = new String[defs.length];
      boolean any = false;
      for (int i = 0; i < defs.length; i++) {
        parts[i] = bag.string(defs[i]);
        any |= parts[i] != null;
      }
      if (!any) {
        continue;
      }
      Address adr = new Address();
      adr.setPoBox(parts[0]);
      adr.setStreetAddress(parts[1] == null ? null : parts[1].replace("\r\n", "\n"));
      adr.setLocality(parts[2]);
      adr.setRegion(parts[3]);
      adr.setPostalCode(parts[4]);
      adr.setCountry(parts[5]);
      adr.getTypes().add(AddressType.get(e.getKey()));
      card.addAddress(adr);
      for (int i = 0; i < defs.length; i++) {
        // An empty component is not written, so only non-empty values come back.
        if (parts[i] != null && !parts[i].isEmpty()) {
          if (i == 1) {
            consumeCrlfText(bag, defs[i], parts[i]);
          } else {
            consumeText(bag, defs[i], parts[i]);
          }
        }
      }
    }
  }

  private static void exportPhoto(Bag bag, List<AttachmentContent> attachments, VCard card) throws ConversionException {
    AttachmentContent photo = photoAttachment(attachments);
    if (photo == null) {
      return;
    }
    PropValue mime = photo.properties().get(tagOf(TaggedProps.ATTACH_MIME_TAG));
    ImageType type = mime == null ? ImageType.JPEG : ImageType.get(null, mime.asString(), null);
    card.addPhoto(new Photo(photo.data(), type));
    bag.consumeIfEquals(HAS_PICTURE, true);
  }

  static AttachmentContent photoAttachment(List<AttachmentContent> attachments) {
    for (AttachmentContent a : attachments) {
      PropValue flag = a.properties().get(tagOf(TaggedProps.ATTACHMENT_CONTACT_PHOTO));
      if (flag != null && flag.asBoolean()) {
        return a;
      }
    }
    return null;
  }

  private static PropTag tagOf(PropDef def) {
    return new PropTag(def.id(), def.type());
  }

  private static void exportDates(Bag bag, VCard card, ezvcard.VCardVersion v) throws ConversionException {
    Instant birthday = bag.time(BIRTHDAY);
    if (birthday != null && inYearRange(birthday)) {
      card.setBirthday(new Birthday(birthdayValue(birthday)));
      bag.consumeIfEquals(BIRTHDAY, midnight(birthday));
    }
    Instant anniversary = bag.time(WEDDING_ANNIVERSARY);
    if (anniversary != null && inYearRange(anniversary)) {
      LocalDate date = LocalDate.ofInstant(anniversary, ZoneOffset.UTC);
      if (v == ezvcard.VCardVersion.V4_0) {
        card.setAnniversary(new Anniversary(date));
      } else {
        card.addExtendedProperty("X-ANNIVERSARY", date.toString());
      }
      bag.consumeIfEquals(WEDDING_ANNIVERSARY, midnight(anniversary));
    }
  }

  private static Temporal birthdayValue(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant midnight(Instant t) {
    return t.truncatedTo(ChronoUnit.DAYS);
  }

  private static boolean inYearRange(Instant t) {
    return t.getEpochSecond() >= -62135596800L && t.getEpochSecond() <= 253402300799L;
  }

  private void exportPreserved(Bag bag, VCard card, ezvcard.VCardVersion v, List<String> warnings)
      throws ConversionException {
    for (Map.Entry<PropTag, PropValue> e : bag.unconsumed().entrySet()) {
      PropValue value = e.getValue();
      if (e.getKey().isNamed()) {
        NamedProperty name = bag.nameOf(e.getKey().id());
        if (name != null && NamedProps.PSETID_CONVENE_INTERNET.equals(name.propertySet()) && !name.isLid()
            && name.name().startsWith(KEPT_PREFIX) && value.type() == PropType.PT_MV_UNICODE) {
          for (Object text : value.asList()) {
            restoreKept((String) text, card, warnings);
          }
          continue;
        }
      }
      Map<String, String> params = PreservedProperty.parameters(value, bag);
      if (params == null) {
        warnings.add("property " + e.getKey() + " has no named-property mapping; not exported");
        continue;
      }
      RawProperty raw = card.addExtendedProperty(PreservedProperty.NAME, PreservedProperty.value(value));
      params.forEach(raw::addParameter);
    }
  }

  // Kept text is a whole small vCard; it is re-parsed, never pasted.
  private void restoreKept(String text, VCard card, List<String> warnings) {
    try {
      if (text.length() > limits.maxChars()) {
        throw new IllegalArgumentException("too long");
      }
      VCard kept = Ezvcard.parse("BEGIN:VCARD\r\nVERSION:4.0\r\n" + text + "END:VCARD\r\n").first();
      if (kept == null) {
        throw new IllegalArgumentException("no vCard");
      }
      for (VCardProperty p : kept.getProperties()) {
        card.addProperty(p);
      }
    } catch (RuntimeException e) {
      warnings.add("kept vCard text no longer parses: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- import

  @Override
  public ConversionResult<List<ItemContent>> fromVCard(String vcard, NamedPropertyIds ids) throws ConversionException {
    if (vcard.length() > limits.maxChars()) {
      throw new ConversionException(ConversionError.TOO_LARGE,
          "vCard text of " + vcard.length() + " characters exceeds " + limits.maxChars());
    }
    List<String> warnings = new ArrayList<>();
    List<VCard> cards;
    try {
      List<List<ezvcard.io.ParseWarning>> parseWarnings = new ArrayList<>();
      cards = Ezvcard.parse(vcard).warnings(parseWarnings).all();
      for (List<ezvcard.io.ParseWarning> list : parseWarnings) {
        for (ezvcard.io.ParseWarning w : list) {
          if (warnings.size() < 100) {
            warnings.add(w.toString());
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      throw new ConversionException(ConversionError.MALFORMED, "malformed vCard: " + e.getMessage());
    }
    if (cards.isEmpty()) {
      throw new ConversionException(ConversionError.MALFORMED, "no vCard in the text");
    }
    if (cards.size() > limits.maxCards()) {
      throw new ConversionException(ConversionError.TOO_LARGE, "more than " + limits.maxCards() + " vCards");
    }
    List<ItemContent> contacts = new ArrayList<>();
    for (VCard card : cards) {
      try {
        contacts.add(importCard(card, ids, warnings));
      } catch (RuntimeException e) {
        // ez-vcard hands back partly parsed values (nulls, odd temporals): never let one escape.
        throw new ConversionException(ConversionError.MALFORMED, "unusable vCard: " + e, e);
      }
    }
    return new ConversionResult<>(contacts, warnings);
  }

  private ItemContent importCard(VCard card, NamedPropertyIds ids, List<String> warnings) throws ConversionException {
    if (card.getProperties().size() > limits.maxProperties()) {
      throw new ConversionException(ConversionError.TOO_LARGE,
          "vCard has " + card.getProperties().size() + " properties, more than " + limits.maxProperties());
    }
    Bag bag = Bag.empty(ids);
    bag.put(MESSAGE_CLASS, CONTACT_CLASS);
    List<VCardProperty> mapped = new ArrayList<>();
    // X-CONVENE-PROPs first (and again last) so that they win over derived values.
    restoreConveneProps(card, bag, warnings);

    StructuredName n = card.getStructuredName();
    String fn = card.getFormattedName() == null ? null : card.getFormattedName().getValue();
    if (n != null) {
      putText(bag, SURNAME, n.getFamily());
      putText(bag, GIVEN_NAME, n.getGiven());
      putText(bag, MIDDLE_NAME, n.getAdditionalNames().isEmpty() ? null : String.join(" ", n.getAdditionalNames()));
      putText(bag, DISPLAY_NAME_PREFIX, n.getPrefixes().isEmpty() ? null : String.join(" ", n.getPrefixes()));
      putText(bag, GENERATION, n.getSuffixes().isEmpty() ? null : String.join(" ", n.getSuffixes()));
      if (!n.getSortAs().isEmpty()) {
        bag.put(FILE_UNDER, String.join(",", n.getSortAs()));
      }
      mapped.add(n);
    }
    if (fn == null || fn.isEmpty()) {
      // vCard 3.0 and 4.0 require FN; a card without one gets it from N, ORG or EMAIL.
      fn = n == null ? null : composeName(first(n.getPrefixes()), n.getGiven(), first(n.getAdditionalNames()),
          n.getFamily(), first(n.getSuffixes()));
      if (fn == null && card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
        fn = card.getOrganization().getValues().get(0);
      }
      if (fn == null && !card.getEmails().isEmpty()) {
        fn = card.getEmails().get(0).getValue();
      }
      if (fn == null || fn.isEmpty()) {
        throw new ConversionException(ConversionError.MISSING_REQUIRED, "vCard has no FN (nor N, ORG or EMAIL to make one)");
      }
      warnings.add("vCard without FN; used \"" + fn + "\"");
    }
    bag.put(DISPLAY_NAME, fn);
    mapped.addAll(card.getFormattedNames());
    SortString sort = card.getSortString();
    if (sort != null && sort.getValue() != null) {
      bag.put(FILE_UNDER, sort.getValue());
      mapped.add(sort);
    }
    Nickname nick = card.getNickname();
    if (nick != null && !nick.getValues().isEmpty()) {
      bag.put(NICKNAME, String.join(",", nick.getValues()));
      mapped.add(nick);
    }
    int slot = 0;
    for (Email email : card.getEmails()) {
      if (slot < 3 && email.getValue() != null && !email.getValue().isEmpty()) {
        bag.put(EMAIL_EMAIL_ADDRESS[slot], email.getValue());
        bag.put(EMAIL_ADDRESS_TYPE[slot], "SMTP");
        bag.put(EMAIL_ORIGINAL_DISPLAY_NAME[slot], email.getValue());
        bag.put(EMAIL_DISPLAY_NAME[slot], emailDisplayName(fn, email.getValue()));
        mapped.add(email);
        slot++;
      }
    }
    importPhones(card, bag, mapped);
    importAddresses(card, bag, mapped);
    List<AttachmentContent> attachments = importPhoto(card, bag, mapped, warnings);
    importDates(card, bag, mapped, warnings);
    Organization org = card.getOrganization();
    if (org != null && !org.getValues().isEmpty()) {
      putText(bag, COMPANY_NAME, org.getValues().get(0).isEmpty() ? null : org.getValues().get(0));
      if (org.getValues().size() > 1) {
        bag.put(DEPARTMENT_NAME, String.join(";", org.getValues().subList(1, org.getValues().size())));
      }
      mapped.add(org);
    }
    if (!card.getTitles().isEmpty()) {
      bag.put(TITLE, card.getTitles().get(0).getValue());
      mapped.add(card.getTitles().get(0));
    }
    if (!card.getNotes().isEmpty() && card.getNotes().get(0).getValue() != null) {
      bag.put(BODY, card.getNotes().get(0).getValue().replace("\r\n", "\n").replace("\n", "\r\n"));
      mapped.add(card.getNotes().get(0));
    }
    List<String> categories = new ArrayList<>();
    for (Categories c : card.getCategoriesList()) {
      categories.addAll(c.getValues());
      mapped.add(c);
    }
    if (!categories.isEmpty()) {
      bag.put(KEYWORDS, categories);
    }
    for (Url url : card.getUrls()) {
      String type = url.getType() == null ? "" : url.getType().toLowerCase(Locale.ROOT);
      PropDef def = type.contains("home") ? PERSONAL_HOME_PAGE : BUSINESS_HOME_PAGE;
      if (url.getValue() != null && bag.string(def) == null) {
        bag.put(def, url.getValue());
        mapped.add(url);
      }
    }
    if (!card.getImpps().isEmpty() && card.getImpps().get(0).getUri() != null) {
      bag.put(INSTANT_MESSAGING_ADDRESS, card.getImpps().get(0).getUri().toString());
      mapped.add(card.getImpps().get(0));
    } else {
      RawProperty imAddress = card.getExtendedProperty("X-MS-IMADDRESS");
      if (imAddress != null && imAddress.getValue() != null) {
        bag.put(INSTANT_MESSAGING_ADDRESS, imAddress.getValue());
        mapped.add(imAddress);
      }
    }
    if (card.getUid() != null && card.getUid().getValue() != null) {
      bag.put(INTERNET_UID, card.getUid().getValue());
      mapped.add(card.getUid());
    }
    Revision rev = card.getRevision();
    if (rev != null && rev.getValue() != null) {
      Instant t = instantOf(rev.getValue());
      if (t != null) {
        bag.put(LAST_MODIFICATION_TIME, t);
        mapped.add(rev);
      }
    }
    keepUnmapped(card, mapped, bag);
    restoreConveneProps(card, bag, warnings);
    return new ItemContent(bag.toMap(), List.of(), attachments);
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }

  private static void putText(Bag bag, PropDef def, String value) throws ConversionException {
    if (value != null && !value.isEmpty()) {
      bag.put(def, value);
    }
  }

  private static void importPhones(VCard card, Bag bag, List<VCardProperty> mapped) throws ConversionException {
    EnumMap<Phone, String> taken = new EnumMap<>(Phone.class);
    for (Telephone tel : card.getTelephoneNumbers()) {
      String number = tel.getText() != null ? tel.getText() : tel.getUri() != null ? telText(tel.getUri()) : null;
      if (number == null || number.isEmpty()) {
        continue;
      }
      List<String> types = new ArrayList<>();
      for (TelephoneType t : tel.getTypes()) {
        types.add(t.getValue().toLowerCase(Locale.ROOT));
      }
      if (tel.getPref() != null) {
        types.add("pref");
      }
      for (Phone phone : Phone.values()) {
        if (!taken.containsKey(phone) && phone.matches(types)) {
          taken.put(phone, number);
          bag.put(phone.def, number);
          mapped.add(tel);
          break;
        }
      }
    }
  }

  /** A tel: URI (vCard 4.0) as the plain number MAPI keeps. */
  private static String telText(ezvcard.util.TelUri uri) {
    String number = uri.getNumber();
    return uri.getExtension() == null ? number : number + " ext. " + uri.getExtension();
  }

  private static void importAddresses(VCard card, Bag bag, List<VCardProperty> mapped) throws ConversionException {
    Map<String, Boolean> taken = new HashMap<>();
    for (Address adr : card.getAddresses()) {
      String kind = "other";
      for (AddressType t : adr.getTypes()) {
        String type = t.getValue().toLowerCase(Locale.ROOT);
        if (type.equals("work") || type.equals("home")) {
          kind = type;
        }
      }
      if (taken.putIfAbsent(kind, true) != null) {
        continue;
      }
      PropDef[] defs = ADDRESSES.get(kind);
      // MAPI has no extended-address field: it becomes the street's first line.
      String street = adr.getExtendedAddress() == null || adr.getExtendedAddress().isEmpty()
          ? adr.getStreetAddress()
          : adr.getStreetAddress() == null ? adr.getExtendedAddress() : adr.getExtendedAddress() + "\r\n" + adr.getStreetAddress();
      if (street != null) {
        street = street.replace("\r\n", "\n").replace("\n", "\r\n");
      }
      String[] parts = {adr.getPoBox(), street, adr.getLocality(), adr.getRegion(),
        adr.getPostalCode(), adr.getCountry()};
      for (int i = 0; i < defs.length; i++) {
        putText(bag, defs[i], parts[i]);
      }
      mapped.add(adr);
    }
  }

  private List<AttachmentContent> importPhoto(VCard card, Bag bag, List<VCardProperty> mapped, List<String> warnings)
      throws ConversionException {
    for (Photo photo : card.getPhotos()) {
      byte[] data = photo.getData();
      if (data == null) {
        continue; // a URL: kept as it is, Convene does not fetch it
      }
      if (data.length > limits.maxPhotoBytes()) {
        warnings.add("PHOTO of " + data.length + " bytes exceeds " + limits.maxPhotoBytes() + "; dropped");
        mapped.add(photo);
        continue;
      }
      String mime = photo.getContentType() == null ? "image/jpeg" : photo.getContentType().getMediaType();
      Map<PropTag, PropValue> props = new LinkedHashMap<>();
      put(props, TaggedProps.ATTACH_METHOD, 1); // ATTACH_BY_VALUE
      put(props, TaggedProps.ATTACH_LONG_FILENAME, PHOTO_FILE_NAME);
      put(props, TaggedProps.ATTACH_EXTENSION, ".jpg");
      if (mime != null) {
        put(props, TaggedProps.ATTACH_MIME_TAG, mime);
      }
      put(props, TaggedProps.ATTACHMENT_CONTACT_PHOTO, true);
      put(props, TaggedProps.ATTACHMENT_HIDDEN, true);
      bag.put(HAS_PICTURE, true);
      mapped.add(photo);
      return List.of(new AttachmentContent(props, data));
    }
    return List.of();
  }

  private static void put(Map<PropTag, PropValue> props, PropDef def, Object value) {
    PropTag tag = tagOf(def);
    props.put(tag, PropValue.of(tag, value));
  }

  private static void importDates(VCard card, Bag bag, List<VCardProperty> mapped, List<String> warnings)
      throws ConversionException {
    Birthday birthday = card.getBirthday();
    if (birthday != null) {
      Instant t = dateOf(birthday);
      if (t != null) {
        bag.put(BIRTHDAY, t);
        mapped.add(birthday);
      } else {
        warnings.add("BDAY without a full date kept as it is");
      }
    }
    Anniversary anniversary = card.getAnniversary();
    if (anniversary != null && dateOf(anniversary) != null) {
      bag.put(WEDDING_ANNIVERSARY, dateOf(anniversary));
      mapped.add(anniversary);
    } else {
      RawProperty x = card.getExtendedProperty("X-ANNIVERSARY");
      if (x != null && x.getValue() != null) {
        try {
          String v = x.getValue().trim();
          LocalDate date = v.length() == 8 ? LocalDate.parse(v, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
              : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
          bag.put(WEDDING_ANNIVERSARY, date.atStartOfDay(ZoneOffset.UTC).toInstant());
          mapped.add(x);
        } catch (java.time.DateTimeException bad) {
          warnings.add("X-ANNIVERSARY " + x.getValue() + " kept as it is");
        }
      }
    }
  }

  /**
   * The instant of a BDAY or ANNIVERSARY: a full date or date-time, or a "partial" one that has
   * year, month and day (ez-vcard parses {@code 20090808T1430-0500} that way); {@code null} for
   * dates without a year and for text.
   */
  private static Instant dateOf(ezvcard.property.DateOrTimeProperty p) {
    if (p.getDate() != null) {
      return instantOf(p.getDate());
    }
    ezvcard.util.PartialDate partial = p.getPartialDate();
    if (partial == null || partial.getYear() == null || partial.getMonth() == null || partial.getDate() == null) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.of(partial.getYear(), partial.getMonth(), partial.getDate(),
          partial.getHour() == null ? 0 : partial.getHour(), partial.getMinute() == null ? 0 : partial.getMinute(),
          partial.getSecond() == null ? 0 : partial.getSecond());
      Instant i = t.toInstant(partial.getUtcOffset() == null ? ZoneOffset.UTC : partial.getUtcOffset());
      return io.convene.api.store.FileTimes.inRange(i) ? i : null;
    } catch (java.time.DateTimeException invalid) {
      return null;
    }
  }

  /** A date at midnight UTC, a date-time as its instant; {@code null} for partial dates. */
  static Instant instantOf(Temporal t) {
    Instant i;
    if (t instanceof LocalDate d) {
      i = d.atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (t instanceof LocalDateTime d) {
      i = d.toInstant(ZoneOffset.UTC);
    } else if (t instanceof OffsetDateTime d) {
      i = d.toInstant();
    } else if (t instanceof ZonedDateTime d) {
      i = d.toInstant();
    } else if (t instanceof Instant d) {
      i = d;
    } else {
      return null;
    }
    return io.convene.api.store.FileTimes.inRange(i) ? i : null;
  }

  private static void keepUnmapped(VCard card, List<VCardProperty> mapped, Bag bag) throws ConversionException {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (VCardProperty p : card.getProperties()) {
      if (containsIdentity(mapped, p) || p instanceof ProductId
          || p instanceof RawProperty raw && PreservedProperty.NAME.equalsIgnoreCase(raw.getPropertyName())) {
        continue;
      }
      // Kept as vCard 4.0 content lines without the BEGIN/VERSION/END wrapper, so the same
      // property keeps the same text whichever version it arrived in.
      VCard single = new VCard(ezvcard.VCardVersion.V4_0);
      single.addProperty(p);
      String text = stripWrapper(Ezvcard.write(single).version(ezvcard.VCardVersion.V4_0).prodId(false).foldLines(false).go());
      String name = p instanceof RawProperty raw ? raw.getPropertyName().toUpperCase(Locale.ROOT)
          : p.getClass().getSimpleName().toUpperCase(Locale.ROOT);
      kept.computeIfAbsent(KEPT_PREFIX + name, k -> new ArrayList<>()).add(text);
    }
    for (Map.Entry<String, List<String>> e : kept.entrySet()) {
      int id = bag.idOf(NamedProperty.ofName(NamedProps.PSETID_CONVENE_INTERNET, e.getKey()), true);
      bag.put(PropValue.of(new PropTag(id, PropType.PT_MV_UNICODE), e.getValue()));
    }
  }

  private static String stripWrapper(String card) {
    StringBuilder lines = new StringBuilder();
    for (String line : card.split("\r\n")) {
      if (!line.isEmpty() && !line.equals("BEGIN:VCARD") && !line.equals("END:VCARD") && !line.startsWith("VERSION:")) {
        lines.append(line).append("\r\n");
      }
    }
    return lines.toString();
  }

  private static boolean containsIdentity(List<VCardProperty> list, VCardProperty p) {
    for (VCardProperty q : list) {
      if (q == p) {
        return true;
      }
    }
    return false;
  }

  private static void restoreConveneProps(VCard card, Bag bag, List<String> warnings) throws ConversionException {
    for (RawProperty raw : card.getExtendedProperties(PreservedProperty.NAME)) {
      try {
        PreservedProperty.restore(
            name -> raw.getParameters().first(name), raw.getValue() == null ? "" : raw.getValue(), bag);
      } catch (IllegalArgumentException bad) {
        warnings.add("ignored malformed " + PreservedProperty.NAME + ": " + bad.getMessage());
      }
    }
  }
}
