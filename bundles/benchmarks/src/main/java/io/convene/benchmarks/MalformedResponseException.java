package io.convene.benchmarks;

import java.io.IOException;

/** A response the driver's client cannot frame; the connection is unusable after it. */
final class MalformedResponseException extends IOException {

  private static final long serialVersionUID = 1L;

  MalformedResponseException(String message) {
    super(message);
  }
}
