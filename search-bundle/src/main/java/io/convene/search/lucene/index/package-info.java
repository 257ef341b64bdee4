/**
 * The Lucene index of address-book entries: how an entry becomes a document (fields, folding of
 * case and accents), and the index itself (writer, near-real-time searchers, the per-mailbox
 * change numbers kept in the commit, rebuild when missing or corrupt). Not exported.
 */
package io.convene.search.lucene.index;
