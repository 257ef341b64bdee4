package io.convene.storage.derby.store;

import io.convene.api.store.query.BitmaskRelop;
import io.convene.api.store.query.Restriction;
import java.util.Optional;

/**
 * The read state every match of a restriction has, when the restriction says so where SQL can
 * test it first: a bitmask on the read bit of PidTagMessageFlags (an unread or read view, MS-OXCMSG
 * 2.2.1.6), alone or as the first child of an And. The bit is the IS_READ column (items get their
 * read flag from it), so the rows it leaves out are exactly the ones that fail; as the first child
 * of an And it is evaluated before any other, so leaving those rows out skips no Count counter.
 */
final class ReadStateFilter {

  private ReadStateFilter() {}

  /** {@code true} if every match is read, {@code false} if every match is unread, else empty. */
  static Optional<Boolean> of(Restriction restriction) {
    if (restriction instanceof Restriction.Bitmask bitmask && bitmask.tag().equals(Tags.MESSAGE_FLAGS)
        && bitmask.mask() == Tags.MSGFLAG_READ) {
      return Optional.of(bitmask.relop() == BitmaskRelop.NEZ);
    }
    if (restriction instanceof Restriction.And and && !and.children().isEmpty()) {
      return of(and.children().get(0));
    }
    return Optional.empty();
  }
}
