package io.convene.mapi.rop;

import java.util.Objects;
import java.util.Optional;

/**
 * What the engine knows of one RopId: how to decode the request and, once implemented, how to
 * handle it. A definition without a handler answers every such ROP with {@link
 * ErrorCodes#NOT_SUPPORTED} yet lets the rest of the buffer run, because the decoder tells where
 * the request ends.
 */
public record RopDefinition<R extends RopRequest>(
    int ropId, String name, RopDecoder<R> decoder, Optional<RopHandler<R>> handler) {

  public RopDefinition {
    if (ropId < 0 || ropId > 0xff) {
      throw new IllegalArgumentException("RopId " + ropId + " outside 0..255");
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(handler, "handler");
  }

  public static <R extends RopRequest> RopDefinition<R> of(
      int ropId, String name, RopDecoder<R> decoder, RopHandler<R> handler) {
    return new RopDefinition<>(ropId, name, decoder, Optional.of(handler));
  }

  public static <R extends RopRequest> RopDefinition<R> decodeOnly(
      int ropId, String name, RopDecoder<R> decoder) {
    return new RopDefinition<>(ropId, name, decoder, Optional.empty());
  }
}
