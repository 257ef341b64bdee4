package io.convene.net.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the header-level rules of RFC 9112 once the field section is complete: message body
 * framing (6.1-6.3), {@code Host} (3.2), persistence (9.3) and {@code Expect} (RFC 9110 10.1.1).
 */
final class RequestHeadAssembler {

  // More than 18 decimal digits could overflow a long; no limit allows such a body anyway.
  private static final int MAX_LENGTH_DIGITS = 18;

  private RequestHeadAssembler() {}

  static HttpRequestHead assemble(
      RequestLineParser.RequestLine line, HttpHeaders headers, HttpLimits limits)
      throws HttpProtocolException {
    HttpVersion version = line.version();
    checkHost(version, headers);
    List<String> transferEncodings = headers.all("Transfer-Encoding");
    List<String> contentLengths = headers.all("Content-Length");
    boolean chunked = false;
    long contentLength = 0;
    if (!transferEncodings.isEmpty()) {
      if (!contentLengths.isEmpty()) {
        // RFC 9112 6.3 (3): the classic smuggling vector; we refuse rather than pick one
        throw new HttpProtocolException(400, "both Transfer-Encoding and Content-Length");
      }
      if (version == HttpVersion.HTTP_1_0) {
        // RFC 9112 6.1: Transfer-Encoding in HTTP/1.0 means faulty framing
        throw new HttpProtocolException(400, "Transfer-Encoding in an HTTP/1.0 request");
      }
      checkChunkedIsFinalAndOnly(transferEncodings);
      chunked = true;
      contentLength = -1;
    } else if (!contentLengths.isEmpty()) {
      contentLength = parseContentLength(contentLengths);
      if (contentLength > limits.maxBodySize()) {
        throw new HttpProtocolException(413, "Content-Length above " + limits.maxBodySize());
      }
    }
    boolean hasBody = chunked || contentLength > 0;
    return new HttpRequestHead(
        line.method(),
        line.target(),
        version,
        headers,
        contentLength,
        chunked,
        keepAlive(version, headers),
        expectsContinue(version, headers) && hasBody);
  }

  private static void checkHost(HttpVersion version, HttpHeaders headers)
      throws HttpProtocolException {
    List<String> hosts = headers.all("Host");
    if (hosts.size() > 1) {
      throw new HttpProtocolException(400, "more than one Host field");
    }
    if (hosts.isEmpty()) {
      if (version == HttpVersion.HTTP_1_1) {
        throw new HttpProtocolException(400, "HTTP/1.1 request without Host");
      }
      return;
    }
    String host = hosts.get(0);
    // an empty Host is allowed when the target has no authority (RFC 9112 3.2)
    if (!host.isEmpty() && !Authorities.isValid(host, false)) {
      throw new HttpProtocolException(400, "invalid Host value");
    }
  }

  private static void checkChunkedIsFinalAndOnly(List<String> values) throws HttpProtocolException {
    List<String> codings = listElements(values);
    if (codings.isEmpty()) {
      throw new HttpProtocolException(400, "empty Transfer-Encoding");
    }
    for (String coding : codings) {
      if (!HttpGrammar.isToken(coding)) {
        // "chunked" takes no parameters and we know no coding that does
        throw new HttpProtocolException(400, "invalid transfer coding");
      }
    }
    int last = codings.size() - 1;
    if (!codings.get(last).equalsIgnoreCase("chunked")) {
      // RFC 9112 6.3 (4): the length cannot be determined
      throw new HttpProtocolException(400, "chunked is not the final transfer coding");
    }
    for (int i = 0; i < last; i++) {
      if (codings.get(i).equalsIgnoreCase("chunked")) {
        // RFC 9112 7: a sender MUST NOT apply chunked more than once
        throw new HttpProtocolException(400, "chunked applied more than once");
      }
    }
    if (last > 0) {
      // RFC 9112 6.1: a coding we do not understand
      throw new HttpProtocolException(501, "unsupported transfer coding");
    }
  }

  /**
   * RFC 9110 8.6: a list of identical values may be taken as one. We require them to be textually
   * identical, so "5, 05" is refused.
   */
  private static long parseContentLength(List<String> values) throws HttpProtocolException {
    String first = null;
    for (String value : values) {
      for (String element : value.split(",", -1)) {
        String trimmed = stripWhitespace(element);
        if (first == null) {
          first = trimmed;
        } else if (!first.equals(trimmed)) {
          throw new HttpProtocolException(400, "conflicting Content-Length values");
        }
      }
    }
    if (first.isEmpty() || first.length() > MAX_LENGTH_DIGITS) {
      throw new HttpProtocolException(400, "invalid Content-Length");
    }
    long length = 0;
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      if (!HttpGrammar.isDigit(c)) {
        throw new HttpProtocolException(400, "invalid Content-Length");
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  private static boolean keepAlive(HttpVersion version, HttpHeaders headers) {
    if (headers.containsToken("Connection", "close")) {
      return false;
    }
    return version == HttpVersion.HTTP_1_1 || headers.containsToken("Connection", "keep-alive");
  }

  private static boolean expectsContinue(HttpVersion version, HttpHeaders headers)
      throws HttpProtocolException {
    List<String> expectations = listElements(headers.all("Expect"));
    boolean found = false;
    for (String expectation : expectations) {
      if (!expectation.equalsIgnoreCase("100-continue")) {
        // RFC 9110 10.1.1: 100-continue is the only expectation defined
        throw new HttpProtocolException(417, "unsupported expectation");
      }
      found = true;
    }
    // RFC 9110 10.1.1: a server MUST ignore 100-continue in an HTTP/1.0 request
    return found && version == HttpVersion.HTTP_1_1;
  }

  /** The non-empty elements of a comma-separated list field (RFC 9110 5.6.1). */
  private static List<String> listElements(List<String> values) {
    List<String> elements = new ArrayList<>();
    for (String value : values) {
      for (String element : value.split(",", -1)) {
        String trimmed = stripWhitespace(element);
        if (!trimmed.isEmpty()) {
          elements.add(trimmed);
        }
      }
    }
    return elements;
  }

  /** Strips OWS (SP / HTAB) only. */
  private static String stripWhitespace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && HttpGrammar.isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && HttpGrammar.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }
}
