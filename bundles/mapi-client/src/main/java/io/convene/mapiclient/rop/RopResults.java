package io.convene.mapiclient.rop;

import java.util.List;

/** The responses of one {@link RopBatch} and the handle table the server returned. */
public final class RopResults {

  /** One decoded response; {@code response} is null when ReturnValue is not 0. */
  record Result(int ropId, int returnValue, int handleIndex, Object response) {}

  private final List<Result> results;
  private final int[] handles;

  RopResults(List<Result> results, int[] handles) {
    this.results = results;
    this.handles = handles;
  }

  /** The success response of a ROP, or the ROP's error as an exception. */
  public <R> R get(RopBatch.Ticket<R> ticket) throws RopFailedException {
    Result result = result(ticket);
    if (result.returnValue() != 0) {
      throw new RopFailedException(result.ropId(), result.returnValue());
    }
    @SuppressWarnings("unchecked")
    R response = (R) result.response();
    return response;
  }

  public int returnValue(RopBatch.Ticket<?> ticket) {
    return result(ticket).returnValue();
  }

  /** Whether the server ran out of output space before this ROP (RopBufferTooSmall). */
  public boolean unanswered(RopBatch.Ticket<?> ticket) {
    Result result = results.get(ticket.index());
    return result == null || result.ropId() == 0xFF;
  }

  /** The server handle in a slot after the Execute. */
  public int handle(int slot) {
    if (slot < 0 || slot >= handles.length) {
      throw new IllegalArgumentException("slot " + slot + " outside the returned handle table of " + handles.length);
    }
    return handles[slot];
  }

  public int handleCount() {
    return handles.length;
  }

  private Result result(RopBatch.Ticket<?> ticket) {
    Result result = results.get(ticket.index());
    if (result == null) {
      throw new IllegalStateException("ROP " + ticket.index() + " has no response (RopRelease or after RopBufferTooSmall)");
    }
    return result;
  }
}
