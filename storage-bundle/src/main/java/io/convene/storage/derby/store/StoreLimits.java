package io.convene.storage.derby.store;

import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.CodecLimits;
import io.convene.storage.derby.query.QueryLimits;
import java.util.Collection;
import java.util.List;

/**
 * Sizes and counts the store refuses to go beyond: {@code TOO_BIG} for data, {@code TOO_COMPLEX}
 * for restrictions. Configured through {@code io.convene.storage.store} and replaced as a whole
 * while the store runs.
 *
 * @param maxAttachmentBytes largest attachment (default 150 MiB)
 * @param maxStreamBytes largest streamed property value, e.g. a body (default 64 MiB)
 * @param maxValueBytes largest property value inside a property bag: strings count UTF-16 bytes,
 *     multi-valued properties the sum of their elements (default 4 MiB); larger values go through
 *     streams
 * @param maxPropertiesPerItem most properties of one item, recipient row, attachment or embedded
 *     message, including the ones the store maintains (default 5,000, at most the codec's 10,000)
 * @param maxRecipientsPerItem most recipient rows of one message (default 5,000)
 * @param maxAttachmentsPerItem most attachments of one message (default 1,000)
 * @param maxRestrictionDepth most levels of a restriction tree (default 32)
 * @param maxRestrictionNodes most nodes of a restriction tree (default 1,000)
 * @param maxEmbeddingDepth most levels of messages embedded in attachments of embedded messages
 *     (default 8; 1 allows embedded messages without further nesting)
 */
public record StoreLimits(
    long maxAttachmentBytes,
    long maxStreamBytes,
    int maxValueBytes,
    int maxPropertiesPerItem,
    int maxRecipientsPerItem,
    int maxAttachmentsPerItem,
    int maxRestrictionDepth,
    int maxRestrictionNodes,
    int maxEmbeddingDepth) {

  /** The codec refuses bags beyond this count whatever the configuration says. */
  public static final int PROPERTIES_CEILING = CodecLimits.DEFAULT.maxProperties();

  /** Bulk calls are capped anyway (one transaction must stay reasonable). */
  public static final int RECIPIENTS_CEILING = DerbyMailbox.MAX_BULK;

  // after the ceilings, which its constructor reads
  public static final StoreLimits DEFAULT =
      new StoreLimits(150L << 20, 64L << 20, 4 << 20, 5_000, 5_000, 1_000, QueryLimits.DEFAULT.maxDepth(),
          QueryLimits.DEFAULT.maxNodes(), 8);

  public StoreLimits {
    check(maxAttachmentBytes >= 1, "max.attachment.bytes", maxAttachmentBytes);
    check(maxStreamBytes >= 1, "max.stream.bytes", maxStreamBytes);
    check(maxValueBytes >= 1, "max.value.bytes", maxValueBytes);
    check(maxPropertiesPerItem >= 1 && maxPropertiesPerItem <= PROPERTIES_CEILING, "max.properties.per.item",
        maxPropertiesPerItem);
    check(maxRecipientsPerItem >= 0 && maxRecipientsPerItem <= RECIPIENTS_CEILING, "max.recipients.per.item",
        maxRecipientsPerItem);
    check(maxAttachmentsPerItem >= 0, "max.attachments.per.item", maxAttachmentsPerItem);
    check(maxRestrictionDepth >= 1, "max.restriction.depth", maxRestrictionDepth);
    check(maxRestrictionNodes >= 1, "max.restriction.nodes", maxRestrictionNodes);
    check(maxEmbeddingDepth >= 0, "max.embedding.depth", maxEmbeddingDepth);
  }

  /** The defaults with other attachment and stream sizes. */
  public StoreLimits(long maxAttachmentBytes, long maxStreamBytes) {
    this(maxAttachmentBytes, maxStreamBytes, DEFAULT.maxValueBytes, DEFAULT.maxPropertiesPerItem,
        DEFAULT.maxRecipientsPerItem, DEFAULT.maxAttachmentsPerItem, DEFAULT.maxRestrictionDepth,
        DEFAULT.maxRestrictionNodes, DEFAULT.maxEmbeddingDepth);
  }

  private static void check(boolean valid, String what, long value) {
    if (!valid) {
      throw new IllegalArgumentException(what + " is out of range: " + value);
    }
  }

  /** The restriction limits. */
  public QueryLimits queryLimits() {
    return new QueryLimits(maxRestrictionDepth, maxRestrictionNodes);
  }

  /** Refuses a bag (an item's, a recipient row's, an attachment's) with too many or too large values. */
  void checkBag(Collection<PropValue> values, String what) throws StoreException {
    checkCount(values.size(), what);
    for (PropValue value : values) {
      long size = sizeOf(value);
      if (size > maxValueBytes) {
        throw new StoreException(StoreError.TOO_BIG, value.tag() + " of " + what + " has " + size
            + " bytes, more than the limit of " + maxValueBytes + "; large values are written as streams");
      }
    }
  }

  /** Refuses a bag that would hold more than {@link #maxPropertiesPerItem} properties. */
  void checkCount(int properties, String what) throws StoreException {
    if (properties > maxPropertiesPerItem) {
      throw new StoreException(StoreError.TOO_BIG,
          what + " would have " + properties + " properties, more than the limit of " + maxPropertiesPerItem);
    }
  }

  /** Refuses one more attachment on an object that has {@code existing} already. */
  void checkAttachmentCount(int existing, Object owner) throws StoreException {
    if (existing >= maxAttachmentsPerItem) {
      throw new StoreException(StoreError.TOO_BIG,
          owner + " has " + existing + " attachments, the limit is " + maxAttachmentsPerItem);
    }
  }

  /** Refuses a list of sub-object bags longer than {@code max}, and any bag in it that is too big. */
  void checkRows(List<? extends Collection<PropValue>> rows, int max, String what) throws StoreException {
    if (rows.size() > max) {
      throw new StoreException(StoreError.TOO_BIG, rows.size() + " " + what + ", more than the limit of " + max);
    }
    for (Collection<PropValue> row : rows) {
      checkBag(row, what);
    }
  }

  /** The bytes a value takes in a client's eyes: UTF-16 for Unicode strings, as stored for the rest. */
  static long sizeOf(PropValue value) {
    PropType type = value.type();
    if (type.isMultiValued()) {
      long sum = 0;
      for (Object element : value.asList()) {
        sum += elementSize(element);
      }
      return sum;
    }
    return elementSize(value.value());
  }

  private static long elementSize(Object element) {
    if (element instanceof String text) {
      return 2L * text.length();
    }
    if (element instanceof byte[] bytes) {
      return bytes.length;
    }
    return 8; // fixed-size values: at most a GUID's 16 bytes, never what the limit is about
  }
}
