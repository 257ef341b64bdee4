package io.convene.storage.derby.query;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.query.Relop;
import io.convene.api.store.query.Restriction;
import io.convene.storage.derby.query.QueryException.Reason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Checks a restriction tree before it is evaluated. Two passes, so the outcome does not depend on
 * where in a tree a problem sits:
 *
 * <ol>
 *   <li>Shape, without recursion: more than {@link QueryLimits#maxDepth()} levels or {@link
 *       QueryLimits#maxNodes()} nodes is {@link Reason#TOO_COMPLEX}. Counting stops at the first
 *       excess, so a huge tree costs no more than the limits.
 *   <li>Meaning, recursively (bounded by the depth just checked):
 *       <ul>
 *         <li>{@link Relop#RE} and {@link Relop#MEMBER_OF_DL} anywhere are {@link
 *             Reason#UNSUPPORTED};
 *         <li>a property or content restriction whose value's type is neither the tag's type nor
 *             (for a multi-valued tag) its element type is {@link Reason#INVALID} (MAPI requires
 *             the two types to match; {@code PT_STRING8} and {@code PT_UNICODE} are taken as one);
 *         <li>a content restriction on a type other than (multi-valued) string or binary, a
 *             compare-properties restriction on two kinds of type or on {@code PT_UNSPECIFIED}, and
 *             a sub-object restriction on a tag other than {@code PidTagMessageRecipients} or
 *             {@code PidTagMessageAttachments} are {@link Reason#INVALID}.
 *       </ul>
 * </ol>
 *
 * <p>A mismatch between the restriction and an item (the item's property has another type) is not
 * an error: it makes the test false during evaluation.
 *
 * <p>Immutable and thread-safe.
 */
public final class RestrictionValidator {

  private final QueryLimits limits;

  public RestrictionValidator(QueryLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The limits this validator enforces. */
  public QueryLimits limits() {
    return limits;
  }

  /**
   * Checks the tree.
   *
   * @param restriction the root, not {@code null}
   * @throws QueryException if the tree is too complex, unsupported or invalid
   */
  public void validate(Restriction restriction) {
    Objects.requireNonNull(restriction, "restriction");
    checkShape(restriction);
    checkMeaning(restriction);
  }

  private record Pending(Restriction node, int depth) {}

  private void checkShape(Restriction root) {
    Deque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(root, 1));
    int nodes = 1;
    while (!stack.isEmpty()) {
      Pending pending = stack.pop();
      if (pending.depth > limits.maxDepth()) {
        throw new QueryException(
            Reason.TOO_COMPLEX, "restriction deeper than " + limits.maxDepth() + " levels");
      }
      List<Restriction> children = children(pending.node);
      nodes += children.size();
      if (nodes > limits.maxNodes()) {
        throw new QueryException(
            Reason.TOO_COMPLEX, "restriction larger than " + limits.maxNodes() + " nodes");
      }
      for (Restriction child : children) {
        stack.push(new Pending(child, pending.depth + 1));
      }
    }
  }

  static List<Restriction> children(Restriction node) {
    if (node instanceof Restriction.And and) {
      return and.children();
    } else if (node instanceof Restriction.Or or) {
      return or.children();
    } else if (node instanceof Restriction.Not not) {
      return List.of(not.child());
    } else if (node instanceof Restriction.SubObject sub) {
      return List.of(sub.child());
    } else if (node instanceof Restriction.Count count) {
      return List.of(count.child());
    } else if (node instanceof Restriction.Comment comment && comment.child() != null) {
      return List.of(comment.child());
    }
    return List.of();
  }

  private void checkMeaning(Restriction node) {
    if (node instanceof Restriction.Property p) {
      checkRelop(p.relop());
      checkValueType("property", p.tag(), p.value().type());
    } else if (node instanceof Restriction.Content c) {
      PropType element = c.tag().type().elementType();
      if (!Values.isString(element) && element != PropType.PT_BINARY) {
        throw new QueryException(
            Reason.INVALID, "content restriction on " + c.tag() + ", not a string or binary");
      }
      checkValueType("content", c.tag(), c.value().type());
    } else if (node instanceof Restriction.CompareProperties c) {
      checkRelop(c.relop());
      if (!c.tag1().type().isStorable() || !Values.sameKind(c.tag1().type(), c.tag2().type())) {
        throw new QueryException(
            Reason.INVALID, "cannot compare " + c.tag1() + " with " + c.tag2());
      }
    } else if (node instanceof Restriction.Size s) {
      checkRelop(s.relop());
    } else if (node instanceof Restriction.SubObject s
        && !s.subObject().equals(Restriction.MESSAGE_RECIPIENTS)
        && !s.subObject().equals(Restriction.MESSAGE_ATTACHMENTS)) {
      throw new QueryException(Reason.INVALID, "no sub-object " + s.subObject());
    }
    for (Restriction child : children(node)) {
      checkMeaning(child);
    }
  }

  private static void checkRelop(Relop relop) {
    if (!relop.isOrdering()) {
      throw new QueryException(Reason.UNSUPPORTED, "relational operator " + relop);
    }
  }

  private static void checkValueType(String kind, PropTag tag, PropType valueType) {
    PropType tagType = tag.type();
    boolean fits =
        Values.sameKind(tagType, valueType)
            || (tagType.isMultiValued() && Values.sameKind(tagType.elementType(), valueType));
    if (!fits) {
      throw new QueryException(
          Reason.INVALID, kind + " restriction on " + tag + " with a " + valueType + " value");
    }
  }
}
