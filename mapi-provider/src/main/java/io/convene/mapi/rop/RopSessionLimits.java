package io.convene.mapi.rop;

/**
 * Bounds on what one session may hold.
 *
 * @param maxObjectsPerLogon open server objects (folders, tables, messages) per logon
 * @param maxHandleTableEntries entries in a request's server object handle table; indexes are
 *     bytes, so 256 is the useful maximum
 */
public record RopSessionLimits(int maxObjectsPerLogon, int maxHandleTableEntries) {

  public static final RopSessionLimits DEFAULT = new RopSessionLimits(4096, 256);

  public RopSessionLimits {
    if (maxObjectsPerLogon < 1 || maxHandleTableEntries < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
