package io.convene.storage.derby.query;

/**
 * Bounds on a restriction tree a client may send, checked before evaluation so that a hostile or
 * broken client can neither overflow the stack nor make each row cost unbounded time.
 *
 * @param maxDepth most levels from the root to a leaf, the root being level 1; at least 1
 * @param maxNodes most restriction nodes in the tree (tagged values of a comment do not count); at
 *     least 1
 */
public record QueryLimits(int maxDepth, int maxNodes) {

  /**
   * Depth 32 and 1,000 nodes: Outlook's own search folders and view filters stay well below (a few
   * levels, tens of nodes); rules built by hand stay below too.
   */
  public static final QueryLimits DEFAULT = new QueryLimits(32, 1_000);

  public QueryLimits {
    if (maxDepth < 1 || maxNodes < 1) {
      throw new IllegalArgumentException(
          "invalid query limits: depth " + maxDepth + ", nodes " + maxNodes);
    }
  }
}
