package io.convene.mapiclient.wire;

/**
 * The one error every decoder of the client throws: the bytes a server sent do not follow the
 * specification, or exceed a limit the caller set. Checked, so a malformed answer can never escape
 * as an unchecked exception from a test or a load driver.
 */
public final class MapiWireException extends Exception {

  private static final long serialVersionUID = 1L;

  public MapiWireException(String message) {
    super(message);
  }
}
