package io.convene.convert.binary;

/**
 * A binary property value could not be decoded: truncated, a count or length over the limits, a
 * field with a value the specification does not allow, or bytes left over. The message names the
 * field and the byte offset. Checked on purpose: callers get bad client data, and must decide
 * what to answer.
 */
public class BlobFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public BlobFormatException(String message) {
    super(message);
  }
}
