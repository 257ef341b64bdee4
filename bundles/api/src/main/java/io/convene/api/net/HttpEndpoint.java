package io.convene.api.net;

import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A handler for the HTTP requests under one path prefix, registered as an OSGi service.
 *
 * <p>Service properties:
 *
 * <ul>
 *   <li>{@link #PATH} (required): the path prefix, starting with {@code /}, e.g. {@code
 *       /mapi/emsmdb/}. The longest matching prefix among all registered endpoints wins.
 *   <li>{@link #AUTHENTICATION}: {@link #AUTHENTICATION_REQUIRED} (the default) or {@link
 *       #AUTHENTICATION_ANONYMOUS}.
 * </ul>
 *
 * <p>Implementations are called concurrently and must be thread-safe. An endpoint may be
 * unregistered while requests are in flight; those requests still complete.
 */
@ConsumerType
public interface HttpEndpoint {

  /** Service property naming the path prefix this endpoint serves. */
  String PATH = "convene.http.path";

  /** Service property choosing whether callers must authenticate. */
  String AUTHENTICATION = "convene.http.authentication";

  /** Value of {@link #AUTHENTICATION}: requests reach the endpoint only once authenticated. */
  String AUTHENTICATION_REQUIRED = "required";

  /** Value of {@link #AUTHENTICATION}: requests reach the endpoint without credentials. */
  String AUTHENTICATION_ANONYMOUS = "anonymous";

  /**
   * Handles one request. The endpoint must produce exactly one response through the exchange;
   * if it returns without responding, the server answers {@code 500}.
   *
   * @param exchange the request and its response channel, never {@code null}
   * @throws IOException if the connection fails while reading or writing
   */
  void handle(HttpExchange exchange) throws IOException;
}
