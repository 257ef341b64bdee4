package io.convene.mapi.nspi.book;

import io.convene.api.store.PropValue;
import io.convene.api.store.query.FuzzyLevelHigh;
import io.convene.api.store.query.FuzzyLevelLow;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.nspi.wire.NspiErrorCodes;
import io.convene.mapi.nspi.wire.NspiException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a GetMatches filter over address book objects: And, Or, Not, Content, Property, Exist
 * and Bitmask restrictions (MS-OXCDATA 2.12), strings compared without regard to the PtypString8 /
 * PtypString difference. A Property restriction on PidTagAnr matches the objects ambiguous name
 * resolution found beforehand ({@code anrHits}, account ids). Anything else is ecTooComplex, as
 * MS-OXNSPI 3.1.4.1.10 allows a server to answer filters it cannot evaluate.
 */
public final class AbMatcher {

  private final Set<Long> anrHits;

  public AbMatcher(Set<Long> anrHits) {
    this.anrHits = anrHits;
  }

  public boolean matches(Restriction restriction, AbObject object) throws NspiException {
    if (restriction instanceof Restriction.And and) {
      for (Restriction child : and.children()) {
        if (!matches(child, object)) {
          return false;
        }
      }
      return true;
    }
    if (restriction instanceof Restriction.Or or) {
      for (Restriction child : or.children()) {
        if (matches(child, object)) {
          return true;
        }
      }
      return false;
    }
    if (restriction instanceof Restriction.Not not) {
      return !matches(not.child(), object);
    }
    if (restriction instanceof Restriction.Exist exist) {
      return object.property(exist.tag().id()).isPresent();
    }
    if (restriction instanceof Restriction.Property property) {
      if (isAnr(property.tag().tag())) {
        return anrHits.contains(object.accountId());
      }
      Optional<AbObject.Prop> actual = object.property(property.tag().id());
      return actual.isPresent() && compare(property, actual.get().value(), property.value());
    }
    if (restriction instanceof Restriction.Content content) {
      Optional<AbObject.Prop> actual = object.property(content.tag().id());
      return actual.isPresent() && contains(content, actual.get().value(), content.value());
    }
    if (restriction instanceof Restriction.Bitmask bitmask) {
      Optional<AbObject.Prop> actual = object.property(bitmask.tag().id());
      if (actual.isEmpty() || !(actual.get().value() instanceof Integer value)) {
        return false;
      }
      boolean zero = (value & bitmask.mask()) == 0;
      return switch (bitmask.relop()) {
        case EQZ -> zero;
        case NEZ -> !zero;
      };
    }
    throw new NspiException(NspiErrorCodes.TOO_COMPLEX, restriction.type() + " restrictions are not evaluated over the address book");
  }

  /** Whether {@code tag} is PidTagAnr in either string type. */
  public static boolean isAnr(int tag) {
    return tag >>> 16 == AbTags.ANR >>> 16;
  }

  /** The ANR texts of a filter, so they can be resolved once before it is evaluated. */
  public static void anrTexts(Restriction restriction, List<String> into) {
    if (restriction instanceof Restriction.And and) {
      and.children().forEach(child -> anrTexts(child, into));
    } else if (restriction instanceof Restriction.Or or) {
      or.children().forEach(child -> anrTexts(child, into));
    } else if (restriction instanceof Restriction.Not not) {
      anrTexts(not.child(), into);
    } else if (restriction instanceof Restriction.Property property
        && isAnr(property.tag().tag())
        && property.value().value() instanceof String text) {
      into.add(text);
    }
  }

  private static boolean compare(Restriction.Property property, Object actual, PropValue wanted) throws NspiException {
    int order;
    if (actual instanceof String a && wanted.value() instanceof String w) {
      // Address book string comparisons ignore case, as Exchange's do.
      order = a.toLowerCase(Locale.ROOT).compareTo(w.toLowerCase(Locale.ROOT));
    } else if (actual instanceof Integer a && wanted.value() instanceof Integer w) {
      order = Integer.compare(a, w);
    } else if (actual instanceof Boolean a && wanted.value() instanceof Boolean w) {
      order = Boolean.compare(a, w);
    } else if (actual instanceof byte[] a && wanted.value() instanceof byte[] w) {
      order = Arrays.compareUnsigned(a, w);
    } else if (actual instanceof List<?> values) {
      // A multi-valued property matches when one of its values does (MS-OXCDATA 2.12.5).
      Object w = wanted.value();
      return switch (property.relop()) {
        case EQ -> values.stream().anyMatch(v -> v instanceof String s && w instanceof String t && s.equalsIgnoreCase(t));
        case NE -> values.stream().noneMatch(v -> v instanceof String s && w instanceof String t && s.equalsIgnoreCase(t));
        default -> false;
      };
    } else {
      return false;
    }
    return switch (property.relop()) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case EQ -> order == 0;
      case NE -> order != 0;
      default -> throw new NspiException(NspiErrorCodes.TOO_COMPLEX, "relop " + property.relop() + " is not evaluated");
    };
  }

  private static boolean contains(Restriction.Content content, Object actual, PropValue wanted) {
    if (!(wanted.value() instanceof String needle)) {
      return false;
    }
    boolean ignoreCase =
        content.high().contains(FuzzyLevelHigh.IGNORECASE) || content.high().contains(FuzzyLevelHigh.LOOSE);
    if (actual instanceof String text) {
      return containsText(content.low(), ignoreCase, text, needle);
    }
    if (actual instanceof List<?> values) {
      return values.stream().anyMatch(v -> v instanceof String s && containsText(content.low(), ignoreCase, s, needle));
    }
    return false;
  }

  private static boolean containsText(FuzzyLevelLow low, boolean ignoreCase, String text, String needle) {
    String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    String n = ignoreCase ? needle.toLowerCase(Locale.ROOT) : needle;
    return switch (low) {
      case FULLSTRING -> t.equals(n);
      case SUBSTRING -> t.contains(n);
      case PREFIX -> t.startsWith(n);
    };
  }
}
