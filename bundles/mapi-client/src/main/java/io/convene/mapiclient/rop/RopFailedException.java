package io.convene.mapiclient.rop;

/** A ROP whose response carried a non-zero ReturnValue (MS-OXCDATA 2.4 error code). */
public final class RopFailedException extends Exception {

  private static final long serialVersionUID = 1L;
  private final int ropId;
  private final int returnValue;

  public RopFailedException(int ropId, int returnValue) {
    super(String.format("ROP 0x%02X failed with 0x%08X", ropId, returnValue));
    this.ropId = ropId;
    this.returnValue = returnValue;
  }

  public int ropId() {
    return ropId;
  }

  public int returnValue() {
    return returnValue;
  }
}
