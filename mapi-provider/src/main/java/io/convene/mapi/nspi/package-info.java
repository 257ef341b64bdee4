/**
 * The address book endpoint {@code /mapi/nspi/} (MS-OXCMAPIHTTP 2.2.5 over the semantics of
 * MS-OXNSPI 3.1.4): {@link io.convene.mapi.nspi.NspiEndpoint} runs the transport with the same
 * session context and sequence cookies and PROCESSING/PENDING/DONE framing as the mailbox endpoint,
 * {@link io.convene.mapi.nspi.NspiService} answers the requests from the address book model in
 * {@code io.convene.mapi.nspi.book}, and {@code io.convene.mapi.nspi.wire} holds the bounded codecs
 * of the request and response bodies.
 */
package io.convene.mapi.nspi;
