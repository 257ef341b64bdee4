/** Calendar, contact and task semantics over MAPI property bags; iCalendar and vCard conversion. */
package io.convene.convert;
