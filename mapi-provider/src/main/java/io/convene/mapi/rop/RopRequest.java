package io.convene.mapi.rop;

/** A decoded ROP request. */
public interface RopRequest {

  RopHeader header();

  /**
   * The handle index a failure response names: the input index for most ROPs, the output index
   * for ROPs that create an object (MS-OXCROPS gives each response its own layout).
   */
  default int responseHandleIndex() {
    return header().inputHandleIndex();
  }

  /** Whether the ROP has a response at all; RopRelease has none (MS-OXCROPS 2.2.15.3). */
  default boolean hasResponse() {
    return true;
  }
}
