package io.convene.mapi.autodiscover;

/** A POX request that is not well-formed or not an Autodiscover request (ErrorCode 600). */
public final class AutodiscoverRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  public AutodiscoverRequestException(String message) {
    super(message);
  }
}
