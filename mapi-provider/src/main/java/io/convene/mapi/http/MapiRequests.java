package io.convene.mapi.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading a MAPI/HTTP request safely, shared by the mailbox and the address book endpoints. */
public final class MapiRequests {

  /** Longest header value echoed back. */
  static final int MAX_ECHO_LENGTH = 128;

  private MapiRequests() {}

  /** The whole body, refused with X-ResponseCode 9 (too large) beyond {@code limit} bytes. */
  public static byte[] readBody(InputStream in, int limit) throws IOException, MapiHttpException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    for (int n; (n = in.read(chunk)) > 0; ) {
      if (out.size() + n > limit) {
        throw new MapiHttpException(ResponseCode.TOO_LARGE, "body over " + limit + " bytes");
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  /** A header value to echo or log: printable ASCII only, at most 128 characters, whatever the client sent. */
  public static String sanitize(String value) {
    StringBuilder clean = new StringBuilder(Math.min(value.length(), MAX_ECHO_LENGTH));
    for (int i = 0; i < value.length() && clean.length() < MAX_ECHO_LENGTH; i++) {
      char c = value.charAt(i);
      clean.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return clean.toString();
  }
}
