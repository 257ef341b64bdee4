/**
 * Contact and address-book search: ambiguous name resolution (ANR), exact address lookup and
 * free-text search over the Global Address List (users, rooms, equipment) and the personal
 * contacts of every mailbox. NSPI ResolveNames/GetMatches (MS-OXNSPI 3.1.4.1.17, 3.1.4.1.10),
 * EWS ResolveNames and CardDAV queries are answered from here.
 *
 * <p>One {@link io.convene.api.search.ContactSearch} service is registered by the search bundle.
 * Results are always filtered for the {@link io.convene.api.store.Caller}: GAL entries are
 * visible to every account, a personal contact only to its mailbox owner and to accounts the
 * store grants read access on its folder.
 *
 * <p>Thread-safety: the service is called concurrently and is thread-safe; the value types
 * ({@link io.convene.api.search.ContactHit}, {@link io.convene.api.search.QueryOptions}, {@link
 * io.convene.api.search.HitPage}) are immutable records.
 *
 * <p>Lifecycle: the index behind the service is near-real-time (a saved contact is found within
 * about a second) and rebuilt from the directory and the store when it is missing; the service
 * goes away while the search bundle is stopped.
 */
@Export
@Version("1.1.0")
package io.convene.api.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
