/** The contact and address-book index on Apache Lucene. */
package io.convene.search;
