package io.convene.search.lucene.feed;

import io.convene.api.search.EntryKind;
import io.convene.api.store.Mailbox;
import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.api.store.StoredItem;
import io.convene.search.lucene.index.IndexEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the searchable properties of a contact item (MS-OXOCNTC 2.2.1): names, company, department,
 * telephone numbers, and the three e-mail addresses, which are named properties in PSETID_Address
 * and so have per-mailbox ids ({@link #forMailbox}).
 */
final class ContactProperties {

  static final PropTag MESSAGE_CLASS = PropTag.of(0x001A, PropType.PT_UNICODE);
  static final PropTag DISPLAY_NAME = PropTag.of(0x3001, PropType.PT_UNICODE);
  static final PropTag GIVEN_NAME = PropTag.of(0x3A06, PropType.PT_UNICODE);
  static final PropTag SURNAME = PropTag.of(0x3A11, PropType.PT_UNICODE);
  static final PropTag COMPANY = PropTag.of(0x3A16, PropType.PT_UNICODE);
  static final PropTag DEPARTMENT = PropTag.of(0x3A18, PropType.PT_UNICODE);
  static final PropTag BUSINESS_PHONE = PropTag.of(0x3A08, PropType.PT_UNICODE);
  static final PropTag MOBILE_PHONE = PropTag.of(0x3A1C, PropType.PT_UNICODE);

  /** PidLidEmail1EmailAddress, PidLidEmail2EmailAddress, PidLidEmail3EmailAddress (MS-OXOCNTC 2.2.1.2). */
  static final List<NamedProperty> EMAILS = List.of(
      NamedProperty.ofLid(NamedProperty.PSETID_ADDRESS, 0x8083),
      NamedProperty.ofLid(NamedProperty.PSETID_ADDRESS, 0x8093),
      NamedProperty.ofLid(NamedProperty.PSETID_ADDRESS, 0x80A3));

  private final List<Integer> emailIds;

  private ContactProperties(List<Integer> emailIds) {
    this.emailIds = emailIds;
  }

  /** Resolves the e-mail property ids of one mailbox; unmapped ones (no contact has them yet) are skipped. */
  static ContactProperties forMailbox(Mailbox mailbox) throws StoreException {
    List<Integer> ids = new ArrayList<>();
    for (NamedProperty email : EMAILS) {
      try {
        ids.add(mailbox.namedPropertyId(email, false));
      } catch (StoreException e) {
        if (e.error() != StoreError.NOT_FOUND) {
          throw e;
        }
      }
    }
    return new ContactProperties(List.copyOf(ids));
  }

  /** The entry of a contact item; empty for other items (distribution lists, mail, ...). */
  Optional<IndexEntry> entry(long ownerId, StoredItem item) {
    String messageClass = string(item, MESSAGE_CLASS);
    // IPM.Contact and its subclasses; IPM.DistList (groups) are not entries yet
    if (!messageClass.toLowerCase(Locale.ROOT).startsWith("ipm.contact")) {
      return Optional.empty();
    }
    List<String> emails = new ArrayList<>(3);
    for (int id : emailIds) {
      String email = string(item, PropTag.of(id, PropType.PT_UNICODE));
      if (!email.isBlank()) {
        emails.add(email.trim());
      }
    }
    List<String> phones = new ArrayList<>(2);
    for (PropTag phone : List.of(BUSINESS_PHONE, MOBILE_PHONE)) {
      String number = string(item, phone);
      if (!number.isBlank()) {
        phones.add(number);
      }
    }
    return Optional.of(new IndexEntry(EntryKind.PERSONAL_CONTACT, ownerId, item.folderId().toLong(), item.id().toLong(),
        string(item, DISPLAY_NAME), string(item, GIVEN_NAME), string(item, SURNAME), "", emails,
        string(item, COMPANY), string(item, DEPARTMENT), phones, 0, ""));
  }

  /** A string property in its Unicode or 8-bit form, "" when absent. */
  private static String string(StoredItem item, PropTag unicode) {
    Optional<PropValue> value = item.property(unicode).or(() -> item.property(unicode.withType(PropType.PT_STRING8)));
    return value.map(PropValue::asString).orElse("");
  }
}
