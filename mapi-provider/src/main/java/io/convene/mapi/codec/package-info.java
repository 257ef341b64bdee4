/**
 * Bounded little-endian reading and writing shared by every MAPI wire decoder; reads fail with
 * {@link io.convene.mapi.codec.WireFormatException}.
 */
package io.convene.mapi.codec;
