/**
 * The address book endpoint of MAPI over HTTP (MS-OXCMAPIHTTP 2.2.5 request types, 2.2.1 address book
 * structures) with the semantics of MS-OXNSPI (STAT, minimal ids, entry ids): {@link
 * io.convene.mapiclient.nspi.NspiBodies} encodes requests and decodes responses, {@link
 * io.convene.mapiclient.nspi.NspiSession} runs them over a {@code MapiHttpTransport} on {@code /mapi/nspi/}.
 * Not thread-safe: one request at a time per session.
 *
 * <p>Written from the specifications, independent of the server's {@code io.convene.mapi.nspi} classes,
 * so a bug mirrored in the server's encoder and decoder shows up in tests.
 */
package io.convene.mapiclient.nspi;
