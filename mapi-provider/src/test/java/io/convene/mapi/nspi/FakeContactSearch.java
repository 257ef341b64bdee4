package io.convene.mapi.nspi;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.Directory;
import io.convene.api.search.ContactHit;
import io.convene.api.search.ContactSearch;
import io.convene.api.search.EntryKind;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.search.SearchException;
import io.convene.api.store.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A ContactSearch over the directory with word-prefix matching, every account (disabled ones too,
 * as an index may lag) as a GAL hit; records the kinds each call asked for.
 */
final class FakeContactSearch implements ContactSearch {

  final List<Set<EntryKind>> askedKinds = new CopyOnWriteArrayList<>();
  private final Directory directory;
  volatile boolean unavailable;

  FakeContactSearch(Directory directory) {
    this.directory = directory;
  }

  @Override
  public HitPage resolve(Caller caller, String text, QueryOptions options) {
    askedKinds.add(options.kinds());
    if (unavailable) {
      throw new SearchException(SearchException.Reason.UNAVAILABLE, "index closed");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new SearchException(SearchException.Reason.TEXT_TOO_LONG, "too long");
    }
    String wanted = text.toLowerCase(Locale.ROOT).strip();
    List<ContactHit> hits = new ArrayList<>();
    for (Account account : directory.list()) {
      EntryKind kind = switch (account.kind()) {
        case USER -> EntryKind.GAL_USER;
        case ROOM -> EntryKind.GAL_ROOM;
        case EQUIPMENT -> EntryKind.GAL_EQUIPMENT;
      };
      boolean match = false;
      for (String word : (account.displayName() + " " + account.alias() + " " + account.smtpAddress()).toLowerCase(Locale.ROOT).split(" ")) {
        match |= !wanted.isEmpty() && word.startsWith(wanted);
      }
      if (match && options.kinds().contains(kind)) {
        hits.add(new ContactHit(kind, account.id(), Optional.empty(), Optional.empty(), account.displayName(),
            account.smtpAddress(), account.kind() == AccountKind.ROOM ? account.capacity() : 0, account.location(), 1f));
      }
    }
    int end = Math.min(hits.size(), options.offset() + options.limit());
    return new HitPage(hits.subList(Math.min(options.offset(), end), end), end < hits.size());
  }

  @Override
  public List<ContactHit> findByAddress(Caller caller, String smtpAddress) {
    return List.of();
  }

  @Override
  public HitPage search(Caller caller, String text, QueryOptions options) {
    return HitPage.empty();
  }
}
