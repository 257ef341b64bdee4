/**
 * ROP requests and responses (MS-OXCROPS, MS-OXCDATA property values, rows and restrictions) as the client sends and reads them; {@link io.convene.mapiclient.rop.RopBatch} builds one ROP buffer with its handle table.
 *
 * <p>Written from the specifications, independent of the server's {@code io.convene.mapi} classes,
 * so a bug mirrored in the server's encoder and decoder shows up in tests.
 */
package io.convene.mapiclient.rop;
