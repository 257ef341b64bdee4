/**
 * MAPI restrictions and sort orders as immutable value types: the filter a client puts on a
 * contents table, a search folder or a synchronization download (MS-OXCDATA 2.12, "Restrictions")
 * and the sort keys of a table view (MS-OXCDATA 2.13, "Sort Order").
 *
 * <p>{@link io.convene.api.store.query.Restriction} is a sealed tree with one record per
 * restriction packet of MS-OXCDATA 2.12.1 to 2.12.12; the enums {@link
 * io.convene.api.store.query.RestrictionType}, {@link io.convene.api.store.query.Relop}, {@link
 * io.convene.api.store.query.FuzzyLevelLow}, {@link io.convene.api.store.query.FuzzyLevelHigh} and
 * {@link io.convene.api.store.query.BitmaskRelop} carry the wire codes. {@link
 * io.convene.api.store.query.SortOrder} and {@link io.convene.api.store.query.SortOrderSet} model
 * MS-OXCDATA 2.13.1 and 2.13.2.
 *
 * <p>The types check only their own structure (nulls, counts and ranges of the wire fields) and
 * throw {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException}
 * otherwise. Whether a well-formed tree is meaningful (a value of the tag's type, a supported
 * operator, a tree small enough to evaluate) is for the store that evaluates it to decide.
 *
 * <p>Thread-safety: every type in this package is an immutable value, safe to share between
 * threads. Lists are copied on construction and unmodifiable.
 */
@Export
@Version("1.0.0")
package io.convene.api.store.query;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
