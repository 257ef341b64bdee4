package io.convene.net.http;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One request put back together from decoder messages, checking on the way that they come in the
 * documented order: head, parts, end.
 */
record DecodedRequest(
    HttpRequestHead head, byte[] body, List<Integer> partSizes, HttpHeaders trailers) {

  static List<DecodedRequest> group(List<HttpRequestMessage> messages) {
    List<DecodedRequest> requests = new ArrayList<>();
    HttpRequestHead head = null;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<Integer> parts = new ArrayList<>();
    for (HttpRequestMessage message : messages) {
      if (message instanceof HttpRequestHead h) {
        if (head != null) {
          throw new AssertionError("head before the previous request ended");
        }
        head = h;
      } else if (message instanceof HttpBodyPart part) {
        if (head == null || part.length() == 0) {
          throw new AssertionError("body part outside a request, or empty");
        }
        body.writeBytes(part.bytes());
        parts.add(part.length());
      } else if (message instanceof HttpBodyEnd end) {
        if (head == null) {
          throw new AssertionError("end without head");
        }
        requests.add(
            new DecodedRequest(head, body.toByteArray(), List.copyOf(parts), end.trailers()));
        head = null;
        body.reset();
        parts.clear();
      }
    }
    return requests;
  }

  String bodyText() {
    return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  // records compare arrays by identity; tests compare content
  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedRequest other
        && head.equals(other.head)
        && Arrays.equals(body, other.body)
        && partSizes.equals(other.partSizes)
        && trailers.equals(other.trailers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(head, Arrays.hashCode(body), partSizes, trailers);
  }

  @Override
  public String toString() {
    return "DecodedRequest["
        + head
        + ", body "
        + body.length
        + " bytes in "
        + partSizes
        + ", trailers "
        + trailers
        + "]";
  }
}
