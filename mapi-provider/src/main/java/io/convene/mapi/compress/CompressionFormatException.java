package io.convene.mapi.compress;

import io.convene.mapi.codec.WireFormatException;

/** A compressed stream that is corrupt, truncated or would expand beyond its declared size. */
public final class CompressionFormatException extends WireFormatException {

  private static final long serialVersionUID = 1L;

  public CompressionFormatException(String message) {
    super(message);
  }
}
