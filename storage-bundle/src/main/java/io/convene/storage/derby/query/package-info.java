/**
 * Evaluation of MAPI restrictions (MS-OXCDATA 2.12) over property bags and ordering of bags by sort
 * order sets (MS-OXCDATA 2.13), for contents tables and search folders served from the Derby store.
 * Private to the storage bundle.
 *
 * <p>A restriction from a client is first checked by {@link
 * io.convene.storage.derby.query.RestrictionValidator} against {@link
 * io.convene.storage.derby.query.QueryLimits} and for meaning (supported operators, values of the
 * tag's type); every refusal is one {@link io.convene.storage.derby.query.QueryException} with a
 * {@link io.convene.storage.derby.query.QueryException.Reason}. Only a validated tree reaches
 * {@link io.convene.storage.derby.query.RestrictionEvaluator}, so evaluation recursion is bounded
 * by the depth limit. {@link io.convene.storage.derby.query.BagComparator} orders rows.
 *
 * <p>The MAPI semantics chosen where the specifications leave room are listed on {@link
 * io.convene.storage.derby.query.RestrictionEvaluator} and {@link
 * io.convene.storage.derby.query.BagComparator}. All classes are immutable and thread-safe except
 * {@link io.convene.storage.derby.query.RestrictionEvaluator.Scan}, which belongs to one scan.
 */
package io.convene.storage.derby.query;
