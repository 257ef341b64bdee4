/**
 * A strict HTTP/1.1 codec (RFC 9112, with RFC 9110 semantics) for Apache MINA. Private to the
 * {@code io.convene.net} bundle; the server and dispatcher build on it.
 *
 * <h2>Requests</h2>
 *
 * {@link io.convene.net.http.HttpRequestDecoder} turns bytes into a stream of {@link
 * io.convene.net.http.HttpRequestMessage}s. Each request is
 *
 * <pre>
 *   HttpRequestHead  HttpBodyPart*  HttpBodyEnd
 * </pre>
 *
 * The head comes as soon as the header section is complete, before any body byte, carrying the
 * validated framing, the keep-alive decision and the {@code 100-continue} flag. Body parts are at
 * most {@link io.convene.net.http.HttpLimits#bodyPartSize()} bytes: a body within that size is
 * delivered whole as one part (a server may simply wait for it), a larger one streams part by part
 * and is never held entirely. {@link io.convene.net.http.HttpBodyEnd} closes every request, with or
 * without body, and carries chunked trailers. Pipelined requests follow each other in order; the
 * result does not depend on how the input is split into buffers.
 *
 * <p>Anything not allowed by RFC 9112 is refused with {@link
 * io.convene.net.http.HttpProtocolException}, which names the status to answer; the codec never
 * guesses at ambiguous framing (both Content-Length and Transfer-Encoding, differing lengths, bare
 * CR or LF, obs-fold). After it the connection must be closed. What the decoder keeps per
 * connection is bounded by {@link io.convene.net.http.HttpLimits}.
 *
 * <h2>Responses</h2>
 *
 * {@link io.convene.net.http.HttpResponseEncoder} writes an {@link
 * io.convene.net.http.HttpResponse} with {@code Content-Length}, or a chunked stream of {@link
 * io.convene.net.http.HttpResponseHead#chunked head}, {@link io.convene.net.http.HttpChunk}s and
 * {@link io.convene.net.http.HttpLastChunk}, and interim heads such as {@link
 * io.convene.net.http.HttpResponseHead#CONTINUE}. {@code Date}, {@code Server} and {@code
 * Connection} are the caller's.
 *
 * <h2>Deliberate choices</h2>
 *
 * <ul>
 *   <li>Only {@code HTTP/1.0} and {@code HTTP/1.1} are accepted; any other well-formed version,
 *       {@code HTTP/1.2} included, answers 505.
 *   <li>Bare LF is refused everywhere, though RFC 9112 2.2 would allow accepting it.
 *   <li>{@code Transfer-Encoding} in an HTTP/1.0 request is refused (RFC 9112 6.1 calls its framing
 *       faulty). A coding before {@code chunked} answers 501, {@code chunked} not last 400.
 *   <li>Repeated {@code Content-Length} values must be textually identical.
 *   <li>An expectation other than {@code 100-continue} answers 417.
 *   <li>Absolute-form targets must be {@code http} or {@code https} URIs; asterisk-form only with
 *       {@code OPTIONS}; authority-form only, and always, with {@code CONNECT}.
 * </ul>
 *
 * <p>Thread-safety: all types are immutable except the decoder's per-session state, which MINA
 * drives from one thread at a time.
 */
package io.convene.net.http;
