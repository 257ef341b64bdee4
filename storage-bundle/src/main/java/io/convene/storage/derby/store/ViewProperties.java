package io.convene.storage.derby.store;

import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrder;
import io.convene.api.store.query.SortOrderSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The property ids a view (restriction and sort) reads of each item, so a query can decode only
 * those for the whole folder and decode the page's rows in full afterwards. Matching and sorting
 * look properties up by id (the other string type and PT_UNSPECIFIED match the same id, see
 * {@code Values.lookup}), so a bag holding every value with these ids matches and sorts as the
 * whole bag does. Always included: PidTagMid (the final sort key) and PidTagMessageFlags (the read
 * bit is merged into it from the IS_READ column).
 */
final class ViewProperties {

  private ViewProperties() {}

  /** The ids, or empty for a restriction this does not know, which then needs whole bags. */
  static Optional<Set<Integer>> of(Restriction restriction, SortOrderSet sort) {
    Set<Integer> ids = new HashSet<>();
    ids.add(Tags.MID.id());
    ids.add(Tags.MESSAGE_FLAGS.id());
    for (SortOrder key : sort.sorts()) {
      ids.add(key.tag().id());
    }
    return restriction == null || collect(restriction, ids) ? Optional.of(Set.copyOf(ids)) : Optional.empty();
  }

  private static boolean collect(Restriction r, Set<Integer> ids) {
    if (r instanceof Restriction.And and) {
      return and.children().stream().allMatch(child -> collect(child, ids));
    } else if (r instanceof Restriction.Or or) {
      return or.children().stream().allMatch(child -> collect(child, ids));
    } else if (r instanceof Restriction.Not not) {
      return collect(not.child(), ids);
    } else if (r instanceof Restriction.Count count) {
      return collect(count.child(), ids);
    } else if (r instanceof Restriction.Comment comment) {
      return comment.child() == null || collect(comment.child(), ids);
    } else if (r instanceof Restriction.SubObject) {
      return true; // evaluated on the recipients and attachments, read by item id
    } else if (r instanceof Restriction.Content content) {
      ids.add(content.tag().id());
    } else if (r instanceof Restriction.Property property) {
      ids.add(property.tag().id());
    } else if (r instanceof Restriction.CompareProperties compare) {
      ids.add(compare.tag1().id());
      ids.add(compare.tag2().id());
    } else if (r instanceof Restriction.Bitmask bitmask) {
      ids.add(bitmask.tag().id());
    } else if (r instanceof Restriction.Size size) {
      ids.add(size.tag().id());
    } else if (r instanceof Restriction.Exist exist) {
      ids.add(exist.tag().id());
    } else {
      return false;
    }
    return true;
  }
}
