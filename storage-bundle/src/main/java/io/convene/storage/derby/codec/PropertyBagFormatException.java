package io.convene.storage.derby.codec;

/**
 * A property bag could not be decoded (truncated, malformed, not canonical, unknown type) or
 * encoded within the {@link CodecLimits}. The message names the problem and, when decoding, the
 * byte offset. This is the only exception {@link PropertyBagCodec#decode} throws.
 */
public final class PropertyBagFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PropertyBagFormatException(String message) {
    super(message);
  }
}
