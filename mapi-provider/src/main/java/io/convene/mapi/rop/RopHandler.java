package io.convene.mapi.rop;

/**
 * Executes one decoded ROP and writes its success response to {@link RopCall#out()}. Failures are
 * thrown as {@link RopException}; the engine then writes the standard failure response.
 */
@FunctionalInterface
public interface RopHandler<R extends RopRequest> {

  void handle(R request, RopCall call) throws RopException;
}
