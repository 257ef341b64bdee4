package io.convene.convert.contact;

import static io.convene.convert.props.NamedProps.EMAIL_EMAIL_ADDRESS;
import static io.convene.convert.props.NamedProps.FILE_UNDER;
import static io.convene.convert.props.NamedProps.HAS_PICTURE;
import static io.convene.convert.props.NamedProps.INSTANT_MESSAGING_ADDRESS;
import static io.convene.convert.props.NamedProps.INTERNET_UID;
import static io.convene.convert.props.NamedProps.KEYWORDS;
import static io.convene.convert.props.NamedProps.WORK_ADDRESS_CITY;
import static io.convene.convert.props.NamedProps.WORK_ADDRESS_COUNTRY;
import static io.convene.convert.props.NamedProps.WORK_ADDRESS_POSTAL_CODE;
import static io.convene.convert.props.NamedProps.WORK_ADDRESS_STATE;
import static io.convene.convert.props.NamedProps.WORK_ADDRESS_STREET;
import static io.convene.convert.props.TaggedProps.BIRTHDAY;
import static io.convene.convert.props.TaggedProps.BODY;
import static io.convene.convert.props.TaggedProps.BUSINESS_FAX;
import static io.convene.convert.props.TaggedProps.BUSINESS_HOME_PAGE;
import static io.convene.convert.props.TaggedProps.BUSINESS_TELEPHONE;
import static io.convene.convert.props.TaggedProps.COMPANY_NAME;
import static io.convene.convert.props.TaggedProps.DEPARTMENT_NAME;
import static io.convene.convert.props.TaggedProps.DISPLAY_NAME;
import static io.convene.convert.props.TaggedProps.DISPLAY_NAME_PREFIX;
import static io.convene.convert.props.TaggedProps.GENERATION;
import static io.convene.convert.props.TaggedProps.GIVEN_NAME;
import static io.convene.convert.props.TaggedProps.HOME_ADDRESS_STREET;
import static io.convene.convert.props.TaggedProps.HOME_FAX;
import static io.convene.convert.props.TaggedProps.MIDDLE_NAME;
import static io.convene.convert.props.TaggedProps.MOBILE_TELEPHONE;
import static io.convene.convert.props.TaggedProps.NICKNAME;
import static io.convene.convert.props.TaggedProps.PERSONAL_HOME_PAGE;
import static io.convene.convert.props.TaggedProps.SURNAME;
import static io.convene.convert.props.TaggedProps.TITLE;
import static io.convene.convert.props.TaggedProps.WEDDING_ANNIVERSARY;
import static io.convene.convert.testing.Items.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.convert.AttachmentContent;
import io.convene.api.convert.ConversionError;
import io.convene.api.convert.ConversionException;
import io.convene.api.convert.ItemContent;
import io.convene.api.convert.VCardVersion;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.convert.props.Bag;
import io.convene.convert.props.InMemoryNamedPropertyIds;
import io.convene.convert.props.NamedProps;
import io.convene.convert.props.PropDef;
import io.convene.convert.props.TaggedProps;
import io.convene.convert.testing.Items;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class VCardContactConverterTest {

  private final InMemoryNamedPropertyIds ids = new InMemoryNamedPropertyIds();
  private final VCardContactConverter converter = new VCardContactConverter(VCardLimits.DEFAULT);

  /** A contact with every mapped field, non-ASCII names and a note long enough to be folded. */
  private ItemContent fullContact() throws Exception {
    Bag bag = Bag.empty(ids);
    bag.put(TaggedProps.MESSAGE_CLASS, "IPM.Contact");
    bag.put(DISPLAY_NAME, "Prof. José María Núñez-Łukasiewicz III");
    bag.put(GIVEN_NAME, "José");
    bag.put(MIDDLE_NAME, "María");
    bag.put(SURNAME, "Núñez-Łukasiewicz");
    bag.put(DISPLAY_NAME_PREFIX, "Prof.");
    bag.put(GENERATION, "III");
    bag.put(FILE_UNDER, "Núñez-Łukasiewicz José");
    bag.put(NICKNAME, "Pepe 🎸");
    for (int i = 0; i < 3; i++) {
      String address = "jose" + i + "@ejemplo.es";
      bag.put(EMAIL_EMAIL_ADDRESS[i], address);
      bag.put(NamedProps.EMAIL_ADDRESS_TYPE[i], "SMTP");
      bag.put(NamedProps.EMAIL_ORIGINAL_DISPLAY_NAME[i], address);
      bag.put(NamedProps.EMAIL_DISPLAY_NAME[i], "Prof. José María Núñez-Łukasiewicz III (" + address + ")");
    }
    for (Phone phone : Phone.values()) {
      bag.put(phone.def, "+34 91 555 " + String.format("%04d", phone.ordinal()));
    }
    bag.put(WORK_ADDRESS_STREET, "Calle de Alcalá 42\r\n3º izquierda");
    bag.put(WORK_ADDRESS_CITY, "Madrid");
    bag.put(WORK_ADDRESS_STATE, "Comunidad de Madrid");
    bag.put(WORK_ADDRESS_POSTAL_CODE, "28014");
    bag.put(WORK_ADDRESS_COUNTRY, "España");
    bag.put(NamedProps.WORK_ADDRESS_PO_BOX, "Apartado 7");
    bag.put(HOME_ADDRESS_STREET, "Rúa Nova 1");
    bag.put(TaggedProps.OTHER_ADDRESS_CITY, "Kraków");
    bag.put(BIRTHDAY, Instant.parse("1970-02-29T00:00:00Z".replace("02-29", "03-01")));
    bag.put(WEDDING_ANNIVERSARY, Instant.parse("1999-09-09T00:00:00Z"));
    bag.put(COMPANY_NAME, "Compañía Ñandú, S.L.");
    bag.put(DEPARTMENT_NAME, "I+D");
    bag.put(TITLE, "Director técnico; jefe");
    bag.put(BODY, "Línea uno con una nota bastante larga, que obliga a plegar la línea del vCard en varias partes.\r\n"
        + "Segunda línea: ñ, ü, ç, 日本語, emoji 😀.");
    bag.put(KEYWORDS, List.of("Clientes", "VIP"));
    bag.put(BUSINESS_HOME_PAGE, "https://ejemplo.es");
    bag.put(PERSONAL_HOME_PAGE, "https://jose.example");
    bag.put(INSTANT_MESSAGING_ADDRESS, "jose@chat.ejemplo.es");
    bag.put(INTERNET_UID, "urn:uuid:5b1c7e8a-2f3d-4c5b-9a6e-7d8c9b0a1f2e");
    bag.put(TaggedProps.LAST_MODIFICATION_TIME, Instant.parse("2026-01-15T10:20:30Z"));
    bag.put(HAS_PICTURE, true);
    bag.put(PropDef.tagged("PidTagSpouseName", 0x3A48001F), "Ana"); // no vCard counterpart
    byte[] jpeg = new byte[3000];
    for (int i = 0; i < jpeg.length; i++) {
      jpeg[i] = (byte) (i * 31);
    }
    jpeg[0] = (byte) 0xFF;
    jpeg[1] = (byte) 0xD8;
    Map<PropTag, PropValue> photo = Map.of(
        tag(TaggedProps.ATTACH_METHOD), PropValue.of(tag(TaggedProps.ATTACH_METHOD), 1),
        tag(TaggedProps.ATTACH_LONG_FILENAME), PropValue.of(tag(TaggedProps.ATTACH_LONG_FILENAME), "ContactPicture.jpg"),
        tag(TaggedProps.ATTACH_EXTENSION), PropValue.of(tag(TaggedProps.ATTACH_EXTENSION), ".jpg"),
        tag(TaggedProps.ATTACH_MIME_TAG), PropValue.of(tag(TaggedProps.ATTACH_MIME_TAG), "image/jpeg"),
        tag(TaggedProps.ATTACHMENT_CONTACT_PHOTO), PropValue.of(tag(TaggedProps.ATTACHMENT_CONTACT_PHOTO), true),
        tag(TaggedProps.ATTACHMENT_HIDDEN), PropValue.of(tag(TaggedProps.ATTACHMENT_HIDDEN), true));
    return new ItemContent(bag.toMap(), List.of(), List.of(new AttachmentContent(photo, jpeg)));
  }

  private static PropTag tag(PropDef def) {
    return new PropTag(def.id(), def.type());
  }

  @ParameterizedTest
  @EnumSource(VCardVersion.class)
  void roundTripKeepsEveryField(VCardVersion version) throws Exception {
    ItemContent contact = fullContact();
    String text = converter.toVCard(contact, version, ids).value();
    assertThat(text).contains(version == VCardVersion.V4_0 ? "VERSION:4.0" : "VERSION:3.0");
    // Lines are folded: none is longer than 75 octets, and the note needed several.
    for (String line : text.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    assertThat(text.split("\r\n ").length).isGreaterThan(3);
    List<ItemContent> back = converter.fromVCard(text, ids).value();
    assertThat(back).hasSize(1);
    assertThat(back.get(0).properties()).as(text).isEqualTo(contact.properties());
    assertThat(back.get(0).attachments()).isEqualTo(contact.attachments());
  }

  @Test
  void rfc6350AuthorCard() throws Exception {
    ItemContent contact = converter.fromVCard(Items.resource(getClass(), "/spec/rfc6350/8-author.vcf"), ids).value().get(0);
    assertThat(get(contact, ids, DISPLAY_NAME)).isEqualTo("Simon Perreault");
    assertThat(get(contact, ids, SURNAME)).isEqualTo("Perreault");
    assertThat(get(contact, ids, GIVEN_NAME)).isEqualTo("Simon");
    assertThat(get(contact, ids, GENERATION)).isEqualTo("ing. jr M.Sc.");
    assertThat(get(contact, ids, COMPANY_NAME)).isEqualTo("Viagenie");
    assertThat(get(contact, ids, WORK_ADDRESS_STREET)).isEqualTo("Suite D2-630\r\n2875 Laurier");
    assertThat(get(contact, ids, WORK_ADDRESS_CITY)).isEqualTo("Quebec");
    assertThat(get(contact, ids, WORK_ADDRESS_STATE)).isEqualTo("QC");
    assertThat(get(contact, ids, WORK_ADDRESS_POSTAL_CODE)).isEqualTo("G1V 2M2");
    assertThat(get(contact, ids, WORK_ADDRESS_COUNTRY)).isEqualTo("Canada");
    assertThat(get(contact, ids, BUSINESS_TELEPHONE)).isEqualTo("+1-418-656-9254 ext. 102");
    assertThat(get(contact, ids, MOBILE_TELEPHONE)).isEqualTo("+1-418-262-6501");
    assertThat(get(contact, ids, EMAIL_EMAIL_ADDRESS[0])).isEqualTo("simon.perreault@viagenie.ca");
    assertThat(get(contact, ids, PERSONAL_HOME_PAGE)).isEqualTo("http://nomis80.org");
    assertThat(get(contact, ids, WEDDING_ANNIVERSARY)).isEqualTo(Instant.parse("2009-08-08T19:30:00Z"));
    // A birthday without a year has no PidTagBirthday; it and GENDER, LANG, GEO, KEY, TZ are kept.
    assertThat(get(contact, ids, BIRTHDAY)).isNull();
    String again = converter.toVCard(contact, VCardVersion.V4_0, ids).value();
    assertThat(again).contains("BDAY:--0203", "GENDER:M", "GEO;TYPE=work:geo:46.772673,-71.282945", "TZ;VALUE=utc-offset:-0500");
    assertThat(again).contains("LANG;PREF=1:fr");
    assertThat(converter.fromVCard(again, ids).value().get(0).properties()).isEqualTo(contact.properties());
  }

  @Test
  void appleVCard30WithFoldedLinesAndNonAsciiNames() throws Exception {
    ItemContent contact = converter.fromVCard(Items.resource(getClass(), "apple-contact.vcf"), ids).value().get(0);
    assertThat(get(contact, ids, DISPLAY_NAME)).isEqualTo("Dr. Søren Kierkegaard Østergård Jr.");
    assertThat(get(contact, ids, SURNAME)).isEqualTo("Østergård");
    assertThat(get(contact, ids, GIVEN_NAME)).isEqualTo("Søren");
    assertThat(get(contact, ids, MIDDLE_NAME)).isEqualTo("Kierkegaard");
    assertThat(get(contact, ids, DISPLAY_NAME_PREFIX)).isEqualTo("Dr.");
    assertThat(get(contact, ids, GENERATION)).isEqualTo("Jr.");
    assertThat(get(contact, ids, NICKNAME)).isEqualTo("Sørle");
    assertThat(get(contact, ids, COMPANY_NAME)).isEqualTo("Ærø Fødevarer A/S");
    assertThat(get(contact, ids, DEPARTMENT_NAME)).isEqualTo("Indkøb");
    assertThat(get(contact, ids, TITLE)).isEqualTo("Indkøbschef");
    assertThat(get(contact, ids, EMAIL_EMAIL_ADDRESS[0])).isEqualTo("soren@aeroe-foedevarer.example");
    assertThat(get(contact, ids, EMAIL_EMAIL_ADDRESS[1])).isEqualTo("soren.privat@example.dk");
    assertThat(get(contact, ids, BUSINESS_TELEPHONE)).isEqualTo("+45 62 52 10 00");
    assertThat(get(contact, ids, MOBILE_TELEPHONE)).isEqualTo("+45 20 30 40 50");
    assertThat(get(contact, ids, HOME_FAX)).isEqualTo("+45 62 52 10 99");
    assertThat(get(contact, ids, BUSINESS_FAX)).isNull();
    assertThat(get(contact, ids, WORK_ADDRESS_CITY)).isEqualTo("Ærøskøbing");
    assertThat(get(contact, ids, HOME_ADDRESS_STREET)).isEqualTo("Vestergade 3\r\nBaghuset");
    // The folded NOTE is one line again, its escaped comma a comma.
    assertThat(get(contact, ids, BODY)).isEqualTo(
        "Foretrækker møder om formiddagen. Kan ikke lide kaffe efter kl. 14, men drikker gerne te. Husk at spørge til hunden (Bølle).");
    assertThat(get(contact, ids, BIRTHDAY)).isEqualTo(Instant.parse("1975-05-05T00:00:00Z"));
    assertThat(get(contact, ids, WEDDING_ANNIVERSARY)).isEqualTo(Instant.parse("2001-06-16T00:00:00Z"));
    assertThat(get(contact, ids, KEYWORDS)).isEqualTo(List.of("Leverandører", "Danmark"));
    assertThat(get(contact, ids, BUSINESS_HOME_PAGE)).isEqualTo("https://aeroe-foedevarer.example");
    assertThat(get(contact, ids, INTERNET_UID)).isEqualTo("7C1B2A3D-4E5F-4A6B-9C8D-0E1F2A3B4C5D");
    assertThat(get(contact, ids, TaggedProps.LAST_MODIFICATION_TIME)).isEqualTo(Instant.parse("2026-01-15T10:20:30Z"));
    for (VCardVersion version : VCardVersion.values()) {
      String written = converter.toVCard(contact, version, ids).value();
      assertThat(written).contains("X-SOCIALPROFILE");
      assertThat(converter.fromVCard(written, ids).value().get(0).properties()).as(written).isEqualTo(contact.properties());
    }
  }

  @Test
  void missingFnIsMadeFromN() throws Exception {
    String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nEND:VCARD\r\n";
    var result = converter.fromVCard(card, ids);
    assertThat(get(result.value().get(0), ids, DISPLAY_NAME)).isEqualTo("Jane Doe");
    assertThat(result.warnings()).anyMatch(w -> w.contains("without FN"));
  }

  @Test
  void cardWithNothingToNameItIsRejected() {
    String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:who?\r\nEND:VCARD\r\n";
    assertThatThrownBy(() -> converter.fromVCard(card, ids)).isInstanceOfSatisfying(ConversionException.class,
        e -> assertThat(e.error()).isEqualTo(ConversionError.MISSING_REQUIRED));
  }

  @Test
  void limitsAreEnforced() {
    VCardContactConverter small = new VCardContactConverter(new VCardLimits(2000, 2, 10, 1024));
    String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n";
    assertThatThrownBy(() -> small.fromVCard(card.repeat(3), ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.TOO_LARGE));
    assertThatThrownBy(() -> small.fromVCard(card + " ".repeat(2000), ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.TOO_LARGE));
    String many = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n" + "NOTE:x\r\n".repeat(11) + "END:VCARD\r\n";
    assertThatThrownBy(() -> small.fromVCard(many, ids))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.TOO_LARGE));
  }

  @Test
  void garbageIsAConversionError() {
    assertThatThrownBy(() -> converter.fromVCard("hello", ids)).isInstanceOf(ConversionException.class);
  }
}
