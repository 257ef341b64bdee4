package io.convene.mapi.codec;

/**
 * Bytes from a client that do not follow the wire format: truncated, over a limit, or with a field
 * value the specification forbids. The one checked exception every decoder in this bundle throws,
 * so boundaries map it to the protocol's error (X-ResponseCode, RPC error, ROP error) in one place.
 */
public class WireFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message);
  }
}
