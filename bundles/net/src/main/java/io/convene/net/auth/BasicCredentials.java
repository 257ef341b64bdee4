package io.convene.net.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The user name and password of an {@code Authorization: Basic} header (RFC 7617), decoded as
 * UTF-8. The password is a char array so the caller can clear it after use.
 */
public final class BasicCredentials implements AutoCloseable {

  /** Longest header value accepted; real credentials are far shorter. */
  static final int MAX_HEADER_LENGTH = 4096;

  private final String userName;
  private final char[] password;

  private BasicCredentials(String userName, char[] password) {
    this.userName = userName;
    this.password = password;
  }

  /** Parses a header value; empty if it is not well-formed Basic credentials. */
  public static Optional<BasicCredentials> parse(String authorization) {
    if (authorization == null || authorization.length() > MAX_HEADER_LENGTH) {
      return Optional.empty();
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(value.substring(space + 1).strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    char[] chars;
    try {
      CharBuffer buffer =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(decoded));
      chars = Arrays.copyOf(buffer.array(), buffer.limit());
      Arrays.fill(buffer.array(), '\0');
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
    int colon = indexOf(chars, ':');
    if (colon <= 0 || hasControl(chars)) {
      Arrays.fill(chars, '\0');
      return Optional.empty();
    }
    String user = new String(chars, 0, colon);
    char[] secret = Arrays.copyOfRange(chars, colon + 1, chars.length);
    Arrays.fill(chars, '\0');
    return Optional.of(new BasicCredentials(user, secret));
  }

  public String userName() {
    return userName;
  }

  public char[] password() {
    return password;
  }

  /** Clears the password. */
  @Override
  public void close() {
    Arrays.fill(password, '\0');
  }

  private static int indexOf(char[] chars, char wanted) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** RFC 7617 2: user-id and password must not contain control characters. */
  private static boolean hasControl(char[] chars) {
    for (char c : chars) {
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
