package io.convene.search.lucene.feed;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountProfile;
import io.convene.api.search.EntryKind;
import io.convene.search.lucene.index.IndexEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The index entry of a directory account. */
final class GalEntries {

  private GalEntries() {}

  /**
   * The GAL entry of an account; empty for a disabled one, which Exchange hides from the address
   * book too (a disabled room must not be offered in the Room Finder, nor a departed user in ANR).
   */
  static Optional<IndexEntry> listed(Account account, AccountProfile profile) {
    return account.enabled() ? Optional.of(of(account, profile)) : Optional.empty();
  }

  /**
   * The entry with what free-text search looks at beyond names and addresses: the profile's
   * company, department and telephone numbers, as for a personal contact.
   */
  static IndexEntry of(Account account, AccountProfile profile) {
    EntryKind kind = switch (account.kind()) {
      case USER -> EntryKind.GAL_USER;
      case ROOM -> EntryKind.GAL_ROOM;
      case EQUIPMENT -> EntryKind.GAL_EQUIPMENT;
    };
    List<String> phones = new ArrayList<>(2);
    for (String phone : List.of(profile.businessPhone(), profile.mobilePhone())) {
      if (!phone.isEmpty()) {
        phones.add(phone);
      }
    }
    return new IndexEntry(kind, account.id(), 0, 0, account.displayName(), "", "", account.alias(),
        List.of(account.smtpAddress()), profile.company(), profile.department(), phones, account.capacity(),
        account.location());
  }
}
