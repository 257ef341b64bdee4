package io.convene.mapi.rop;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.WireFormatException;

/**
 * Reads the fields of one ROP request after its {@link RopHeader}. Must consume exactly the
 * request's bytes and read only through the bounded reader.
 */
@FunctionalInterface
public interface RopDecoder<R extends RopRequest> {

  R decode(RopHeader header, LittleEndianReader in) throws WireFormatException;
}
