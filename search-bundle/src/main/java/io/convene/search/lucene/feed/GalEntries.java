package io.convene.search.lucene.feed;

import io.convene.api.directory.Account;
import io.convene.api.search.EntryKind;
import io.convene.search.lucene.index.IndexEntry;
import java.util.List;
import java.util.Optional;

/** The index entry of a directory account. */
final class GalEntries {

  private GalEntries() {}

  /**
   * The GAL entry of an account; empty for a disabled one, which Exchange hides from the address
   * book too (a disabled room must not be offered in the Room Finder, nor a departed user in ANR).
   */
  static Optional<IndexEntry> listed(Account account) {
    return account.enabled() ? Optional.of(of(account)) : Optional.empty();
  }

  static IndexEntry of(Account account) {
    EntryKind kind = switch (account.kind()) {
      case USER -> EntryKind.GAL_USER;
      case ROOM -> EntryKind.GAL_ROOM;
      case EQUIPMENT -> EntryKind.GAL_EQUIPMENT;
    };
    return new IndexEntry(kind, account.id(), 0, 0, account.displayName(), "", "", account.alias(),
        List.of(account.smtpAddress()), "", "", List.of(), account.capacity(), account.location());
  }
}
