package io.convene.net.http;

/** The protocol versions the decoder accepts (RFC 9110 2.5); any other answers 505. */
public enum HttpVersion {
  HTTP_1_0("HTTP/1.0"),
  HTTP_1_1("HTTP/1.1");

  private final String text;

  HttpVersion(String text) {
    this.text = text;
  }

  /** The version as on the wire, e.g. {@code HTTP/1.1}. */
  public String text() {
    return text;
  }
}
