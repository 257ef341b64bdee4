package io.convene.search.lucene.feed;

import io.convene.api.directory.Account;
import io.convene.api.search.EntryKind;
import io.convene.search.lucene.index.IndexEntry;
import java.util.List;

/** The index entry of a directory account. */
final class GalEntries {

  private GalEntries() {}

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
