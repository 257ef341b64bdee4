package io.convene.net.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates valid requests from a seed, as wire bytes together with what the decoder must make of
 * them. Header names are {@code X-} tokens so they never collide with the fields the decoder
 * interprets.
 */
final class RequestGenerator {

  private static final String TCHARS =
      "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String PCHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@";
  private static final String[] METHODS = {
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "DELETE",
    "OPTIONS",
    "PROPFIND",
    "PROPPATCH",
    "REPORT",
    "MKCALENDAR",
    "MKCOL",
    "COPY",
    "MOVE",
    "LOCK",
    "UNLOCK"
  };

  /** One generated request: its bytes and the decoded form it must yield. */
  record Generated(byte[] wire, DecodedRequest expected) {}

  private final Random random;
  private final int bodyPartSize;

  RequestGenerator(long seed, int bodyPartSize) {
    this.random = new Random(seed);
    this.bodyPartSize = bodyPartSize;
  }

  /** A request that keeps the connection open, so more may follow it. */
  Generated next() {
    StringBuilder wire = new StringBuilder();
    String method = random.nextInt(4) == 0 ? token(1, 12) : pick(METHODS);
    String target = target();
    boolean http10 = random.nextInt(5) == 0;
    HttpVersion version = http10 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    wire.append("\r\n".repeat(random.nextInt(2)));
    wire.append(method)
        .append(' ')
        .append(target)
        .append(' ')
        .append(version.text())
        .append("\r\n");

    List<HttpField> fields = new ArrayList<>();
    if (!http10 || random.nextBoolean()) {
      fields.add(new HttpField("Host", "example.com" + (random.nextBoolean() ? ":8443" : "")));
    }
    if (http10) {
      fields.add(new HttpField("Connection", "keep-alive"));
    }
    for (int i = random.nextInt(6); i > 0; i--) {
      fields.add(new HttpField("X-" + token(1, 10), value()));
    }

    int bodyKind = random.nextInt(3); // none, Content-Length, chunked (not in HTTP/1.0)
    if (http10 && bodyKind == 2) {
      bodyKind = 1;
    }
    boolean chunked = bodyKind == 2;
    byte[] body = bytes(bodyKind == 0 ? 0 : random.nextInt(3 * bodyPartSize + 2));
    boolean expectContinue = bodyKind != 0 && !http10 && random.nextInt(4) == 0;
    if (expectContinue) {
      fields.add(new HttpField("Expect", "100-continue"));
    }
    if (bodyKind == 1) {
      fields.add(new HttpField("Content-Length", Integer.toString(body.length)));
    } else if (chunked) {
      fields.add(new HttpField("Transfer-Encoding", "chunked"));
    }
    // any field order is valid and must be kept
    Collections.shuffle(fields, random);
    fields.forEach(field -> wire.append(line(field)));
    wire.append("\r\n");

    List<HttpField> trailers = new ArrayList<>();
    if (chunked) {
      wire.append(chunked(body, trailers));
    } else {
      wire.append(new String(body, StandardCharsets.ISO_8859_1));
    }

    HttpRequestHead head =
        new HttpRequestHead(
            method,
            new RequestTarget(RequestTarget.Form.ORIGIN, target),
            version,
            new HttpHeaders(fields),
            chunked ? -1 : body.length,
            chunked,
            true,
            expectContinue && (chunked || body.length > 0));
    return new Generated(
        wire.toString().getBytes(StandardCharsets.ISO_8859_1),
        new DecodedRequest(head, body, partSizes(body.length), new HttpHeaders(trailers)));
  }

  /** Ascending cut offsets inside {@code length} bytes. */
  int[] cuts(int length) {
    return random.ints(random.nextInt(Math.min(length, 40) + 1), 0, length + 1).sorted().toArray();
  }

  private List<Integer> partSizes(int length) {
    List<Integer> sizes = new ArrayList<>();
    for (int left = length; left > 0; left -= bodyPartSize) {
      sizes.add(Math.min(left, bodyPartSize));
    }
    return sizes;
  }

  private String chunked(byte[] body, List<HttpField> trailers) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    while (pos < body.length) {
      int size = Math.min(body.length - pos, 1 + random.nextInt(2 * bodyPartSize));
      String hex = Integer.toHexString(size);
      out.append(random.nextBoolean() ? hex : hex.toUpperCase());
      if (random.nextInt(4) == 0) {
        out.append(random.nextBoolean() ? ";" : " ; ").append(token(1, 6));
        if (random.nextBoolean()) {
          out.append('=').append(random.nextBoolean() ? token(1, 6) : "\"q \\\" ;\"");
        }
      }
      out.append("\r\n")
          .append(new String(body, pos, size, StandardCharsets.ISO_8859_1))
          .append("\r\n");
      pos += size;
    }
    out.append("0".repeat(1 + random.nextInt(2))).append("\r\n");
    for (int i = random.nextInt(3); i > 0; i--) {
      HttpField trailer = new HttpField("X-T" + token(1, 5), value());
      trailers.add(trailer);
      out.append(line(trailer));
    }
    return out.append("\r\n").toString();
  }

  /** The wire line of a field, with random OWS around the value. */
  private String line(HttpField field) {
    return field.name() + ":" + ows() + field.value() + ows() + "\r\n";
  }

  private String ows() {
    return switch (random.nextInt(4)) {
      case 0 -> "";
      case 1 -> "\t";
      case 2 -> "  ";
      default -> " ";
    };
  }

  private String target() {
    StringBuilder target = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      target.append('/');
      for (int j = random.nextInt(8); j > 0; j--) {
        target.append(random.nextInt(10) == 0 ? "%2F" : String.valueOf(pick(PCHARS)));
      }
    }
    if (random.nextBoolean()) {
      target.append('?');
      for (int j = random.nextInt(10); j > 0; j--) {
        target.append(random.nextInt(8) == 0 ? "/?" : String.valueOf(pick(PCHARS)));
      }
    }
    return target.toString();
  }

  private String value() {
    StringBuilder value = new StringBuilder();
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      int c = random.nextInt(6) == 0 ? 0xA0 + random.nextInt(0x60) : 0x21 + random.nextInt(0x5E);
      boolean inner = i > 0 && i < length - 1;
      value.append(
          inner && random.nextInt(5) == 0 ? (random.nextBoolean() ? ' ' : '\t') : (char) c);
    }
    return value.toString();
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private String token(int min, int max) {
    StringBuilder token = new StringBuilder();
    for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
      token.append(pick(TCHARS));
    }
    return token.toString();
  }

  private char pick(String chars) {
    return chars.charAt(random.nextInt(chars.length()));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
