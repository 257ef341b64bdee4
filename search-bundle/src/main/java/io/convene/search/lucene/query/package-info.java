/**
 * Answers {@link io.convene.api.search.ContactSearch} from the index: queries built
 * programmatically from plain search text (never through a query parser), ranking, paging and the
 * caller's visibility filter. Not exported.
 */
package io.convene.search.lucene.query;
