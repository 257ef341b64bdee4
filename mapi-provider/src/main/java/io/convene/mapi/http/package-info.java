/**
 * MAPI Extensions for HTTP (MS-OXCMAPIHTTP): the mailbox endpoint {@code /mapi/emsmdb/} with its
 * session context and sequence cookies and PROCESSING/PENDING/DONE framing, and the routing seam of
 * the address book endpoint {@code /mapi/nspi/}.
 */
package io.convene.mapi.http;
