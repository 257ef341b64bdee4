/** Contacts (MS-OXOCNTC) to and from vCard 3.0 and 4.0 (MS-OXVCARD, RFC 2426, RFC 6350) with ez-vcard. */
package io.convene.convert.contact;
