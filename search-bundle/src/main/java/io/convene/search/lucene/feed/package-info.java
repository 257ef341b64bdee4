/**
 * Keeps the index in step with the directory and the store: GAL entries from account events,
 * personal contacts from store change events, each mailbox caught up from the change number it
 * was last indexed to (after a restart, a dropped event or a rebuild). Not exported.
 */
package io.convene.search.lucene.feed;
