/**
 * HTTP endpoints and authentication for every protocol Convene serves (Autodiscover, MAPI/HTTP,
 * EWS, CalDAV/CardDAV, ActiveSync).
 *
 * <p>Bundles publish {@link io.convene.api.net.HttpEndpoint} services (whiteboard pattern); the
 * network bundle routes each request to the endpoint with the longest matching path prefix and
 * authenticates it through the {@link io.convene.api.net.Authenticator} services first unless
 * the endpoint is anonymous. Endpoints may register and unregister at any time. Semantics follow
 * RFC 9110 and RFC 9112.
 *
 * <p>Thread-safety: endpoints and authenticators are called concurrently from a bounded worker
 * pool and must be thread-safe. An {@link io.convene.api.net.HttpExchange} belongs to one request
 * and is used by one thread at a time.
 */
@Export
@Version("1.0.0")
package io.convene.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
