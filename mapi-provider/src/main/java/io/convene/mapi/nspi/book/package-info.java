/**
 * The address book as NSPI shows it: the Global Address List and the "All Rooms" address list built
 * from the {@link io.convene.api.directory.Directory}, Minimal Entry IDs (MS-OXNSPI 2.2.9.1) derived
 * from account ids, entry ids (2.2.9.2, 2.2.9.3), the properties of MS-OXOABK, table positioning
 * with STAT (3.1.4.5), restrictions over the entries and ambiguous name resolution.
 */
package io.convene.mapi.nspi.book;
