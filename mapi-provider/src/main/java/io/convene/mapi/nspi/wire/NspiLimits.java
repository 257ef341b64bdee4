package io.convene.mapi.nspi.wire;

import io.convene.mapi.rop.data.RestrictionLimits;

/**
 * Caps on what one NSPI request body may declare, checked before anything is allocated.
 *
 * @param maxAuxiliary bytes of an AuxiliaryBuffer (MS-OXCRPC caps rgbAuxIn at 0x1008)
 * @param maxIds Minimal Entry IDs in one list (explicit tables, CompareMIds, ResortRestriction)
 * @param maxTags property tags in one LargePropertyTagArray
 * @param maxNames names in a DNToMId or ResolveNames request (each one is a search)
 * @param maxValues values in a multi-valued property or a property value list
 * @param maxStringBytes longest string or binary value, in bytes including a terminator
 * @param restrictions depth and size of a GetMatches filter
 */
public record NspiLimits(
    int maxAuxiliary,
    int maxIds,
    int maxTags,
    int maxNames,
    int maxValues,
    int maxStringBytes,
    RestrictionLimits restrictions) {

  /** Generous for Outlook, small enough that one request cannot exhaust memory. */
  public static final NspiLimits DEFAULT =
      new NspiLimits(0x1008, 100_000, 4096, 1000, 10_000, 0x10000, RestrictionLimits.DEFAULT);

  public NspiLimits {
    if (maxAuxiliary < 0 || maxIds < 1 || maxTags < 1 || maxNames < 1 || maxValues < 1 || maxStringBytes < 2) {
      throw new IllegalArgumentException("NSPI limits too small");
    }
  }
}
