/**
 * MAPI over HTTP (MS-OXCMAPIHTTP): the transport shared by the mailbox and address book endpoints, the mailbox endpoint's request types, response framing and POX Autodiscover (MS-OXDSCLI). Not thread-safe: one request at a time per session.
 *
 * <p>Written from the specifications, independent of the server's {@code io.convene.mapi} classes,
 * so a bug mirrored in the server's encoder and decoder shows up in tests.
 */
package io.convene.mapiclient.http;
