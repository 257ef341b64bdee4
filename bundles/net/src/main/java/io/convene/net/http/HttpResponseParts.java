package io.convene.net.http;

import java.util.List;
import java.util.Objects;

/**
 * Consecutive parts of one streamed response sent in one write, e.g. the head with the first chunk,
 * or the final chunk with the last-chunk. On TLS each write is a record and a hand-over to the I/O
 * thread the writer waits for, so fewer writes cost less; the bytes are those of the parts in order.
 *
 * @param parts at least one head, chunk or last chunk, in wire order; never a nested batch
 */
public record HttpResponseParts(List<HttpResponseMessage> parts) implements HttpResponseMessage {

  public HttpResponseParts {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no parts");
    }
    for (HttpResponseMessage part : parts) {
      Objects.requireNonNull(part, "part");
      if (part instanceof HttpResponseParts) {
        throw new IllegalArgumentException("parts do not nest");
      }
    }
  }
}
