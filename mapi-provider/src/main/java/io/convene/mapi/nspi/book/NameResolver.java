package io.convene.mapi.nspi.book;

import io.convene.api.search.ContactHit;
import io.convene.api.search.ContactSearch;
import io.convene.api.search.EntryKind;
import io.convene.api.search.HitPage;
import io.convene.api.search.QueryOptions;
import io.convene.api.search.SearchException;
import io.convene.api.store.Caller;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ambiguous name resolution over the address book (MS-OXNSPI 3.1.4.7). Through {@link
 * ContactSearch#resolve} with GAL kinds only when the search service is there; without it (or while
 * its index is unavailable) a plain prefix match over the listed objects: every word of the text
 * must start a word of the display name, the alias or the SMTP address, ignoring case and accents.
 * The fallback is logged once at INFO. Only objects listed in the given table are returned, so a
 * disabled account found by the index stays hidden.
 */
public final class NameResolver {

  private static final Logger LOG = LoggerFactory.getLogger(NameResolver.class);
  /** The GAL kinds; personal contacts never enter NSPI answers. */
  public static final Set<EntryKind> GAL_KINDS = EnumSet.of(EntryKind.GAL_USER, EntryKind.GAL_ROOM, EntryKind.GAL_EQUIPMENT);

  private final Supplier<Optional<ContactSearch>> search;
  private final AtomicBoolean fallbackLogged = new AtomicBoolean();

  public NameResolver(Supplier<Optional<ContactSearch>> search) {
    this.search = search;
  }

  /**
   * The listed objects of {@code table} that {@code text} resolves to, best first, at most {@code
   * limit}. Blank text, or text over {@link ContactSearch#MAX_TEXT_LENGTH}, resolves to nothing.
   */
  public List<AbObject> resolve(Caller caller, String text, AbTable table, Set<EntryKind> kinds, int limit) {
    if (text.isBlank() || limit < 1) {
      return List.of();
    }
    if (text.length() > ContactSearch.MAX_TEXT_LENGTH) {
      LOG.info("NSPI name of {} characters not resolved (longest searched: {})", text.length(), ContactSearch.MAX_TEXT_LENGTH);
      return List.of();
    }
    Optional<ContactSearch> service = search.get();
    if (service.isPresent()) {
      try {
        return fromIndex(service.get(), caller, text, table, kinds, limit);
      } catch (SearchException e) {
        if (e.reason() == SearchException.Reason.TEXT_TOO_LONG) {
          return List.of();
        }
        logFallback("the contact index is unavailable: " + e.getMessage());
      }
    } else {
      logFallback("no ContactSearch service is registered");
    }
    return prefixMatch(text, table, limit);
  }

  private List<AbObject> fromIndex(
      ContactSearch service, Caller caller, String text, AbTable table, Set<EntryKind> kinds, int limit) {
    List<AbObject> found = new ArrayList<>();
    // Ask for a few more than needed: hits the table does not list (disabled accounts) are dropped.
    int ask = Math.min(QueryOptions.MAX_LIMIT, limit + 8);
    HitPage page = service.resolve(caller, text, new QueryOptions(0, ask, kinds));
    for (ContactHit hit : page.hits()) {
      AbObject object = table.byAccountId(hit.accountId()).orElse(null);
      if (hit.kind().isGal() && object != null && !found.contains(object)) {
        found.add(object);
        if (found.size() == limit) {
          break;
        }
      }
    }
    return found;
  }

  private void logFallback(String why) {
    if (fallbackLogged.compareAndSet(false, true)) {
      LOG.info("NSPI name resolution falls back to a prefix match over the directory: {}", why);
    }
  }

  static List<AbObject> prefixMatch(String text, List<AbObject> table, int limit) {
    String[] wanted = words(text);
    if (wanted.length == 0) {
      return List.of();
    }
    List<AbObject> found = new ArrayList<>();
    for (AbObject object : table) {
      List<String> have = new ArrayList<>();
      for (int tag : new int[] {AbTags.DISPLAY_NAME, AbTags.ACCOUNT, AbTags.SMTP_ADDRESS}) {
        object.property(tag >>> 16).ifPresent(p -> have.addAll(List.of(words((String) p.value()))));
        object.property(tag >>> 16).ifPresent(p -> have.add(fold((String) p.value())));
      }
      boolean all = true;
      for (String word : wanted) {
        if (have.stream().noneMatch(h -> h.startsWith(word))) {
          all = false;
          break;
        }
      }
      if (all) {
        found.add(object);
        if (found.size() == limit) {
          break;
        }
      }
    }
    return found;
  }

  private static String[] words(String text) {
    return java.util.Arrays.stream(fold(text).split("[^\\p{L}\\p{N}@.]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
  }

  /** Lower case without accents: "José" and "jose" are the same word. */
  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
