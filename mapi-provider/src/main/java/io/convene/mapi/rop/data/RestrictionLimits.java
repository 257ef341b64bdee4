package io.convene.mapi.rop.data;

/**
 * Bounds on a decoded restriction (MS-OXCDATA 2.12): how deeply And/Or/Not/SubObject/Comment/Count
 * nodes may nest and how many nodes the tree may hold in all. Both bound the decoder's stack and
 * memory before any store sees the tree.
 *
 * @param maxDepth deepest nesting, the root being depth 1
 * @param maxNodes most restriction nodes in one tree
 */
public record RestrictionLimits(int maxDepth, int maxNodes) {

  /** What Outlook's search folders and views need with a wide margin. */
  public static final RestrictionLimits DEFAULT = new RestrictionLimits(32, 4096);

  public RestrictionLimits {
    if (maxDepth < 1 || maxNodes < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxDepth + ", " + maxNodes);
    }
  }
}
