package io.convene.mapi.http;

import java.util.Locale;
import java.util.Optional;

/** X-RequestType values of the mailbox endpoint (MS-OXCMAPIHTTP 2.2.3.3.1), matched case-insensitively. */
public enum RequestType {
  CONNECT("Connect"),
  EXECUTE("Execute"),
  DISCONNECT("Disconnect"),
  NOTIFICATION_WAIT("NotificationWait"),
  PING("PING");

  private final String wireName;

  RequestType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<RequestType> parse(String header) {
    String wanted = header.trim().toLowerCase(Locale.ROOT);
    for (RequestType type : values()) {
      if (type.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
