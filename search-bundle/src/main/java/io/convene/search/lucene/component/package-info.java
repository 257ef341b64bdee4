/**
 * The Declarative Services shell: opens the index under the data directory, wires the feeder to
 * the directory and store events, registers {@link io.convene.api.search.ContactSearch}, and the
 * {@code convene:reindex} command. Not exported.
 */
package io.convene.search.lucene.component;
