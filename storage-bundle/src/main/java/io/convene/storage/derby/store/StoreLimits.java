package io.convene.storage.derby.store;

/**
 * Sizes the store refuses to go beyond, with {@code TOO_BIG}.
 *
 * @param maxAttachmentBytes largest attachment (default 150 MiB)
 * @param maxStreamBytes largest streamed property value, e.g. a body (default 64 MiB)
 */
public record StoreLimits(long maxAttachmentBytes, long maxStreamBytes) {

  public static final StoreLimits DEFAULT = new StoreLimits(150L << 20, 64L << 20);

  public StoreLimits {
    if (maxAttachmentBytes < 1 || maxStreamBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
