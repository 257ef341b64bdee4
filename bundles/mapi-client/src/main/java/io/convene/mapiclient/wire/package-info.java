/**
 * Wire formats below the ROPs: bounded little-endian reads ({@link io.convene.mapiclient.wire.WireReader}), MS-XCA Plain LZ77 and MS-OXCRPC RPC_HEADER_EXT framing with XOR obfuscation. Every decoder throws {@link io.convene.mapiclient.wire.MapiWireException} for bad input.
 *
 * <p>Written from the specifications, independent of the server's {@code io.convene.mapi} classes,
 * so a bug mirrored in the server's encoder and decoder shows up in tests.
 */
package io.convene.mapiclient.wire;
