/**
 * Conversions between Convene's canonical item model (MAPI property bags, {@code
 * io.convene.api.store}) and the Internet formats other clients speak: iCalendar (RFC 5545) and
 * iTIP (RFC 5546) for appointments, meeting messages and tasks (MS-OXCICAL), vCard 3.0 (RFC 2426)
 * and 4.0 (RFC 6350) for contacts (MS-OXVCARD).
 *
 * <p>An item crosses this API as an {@link io.convene.api.convert.ItemContent}: its properties,
 * recipient rows and attachments, keyed by property tags as the store holds them. Named
 * properties (PSETID_Appointment, PSETID_Address...) are resolved through the caller's {@link
 * io.convene.api.convert.NamedPropertyIds}, normally the mailbox's own mapping, so converted
 * items can be saved as they are.
 *
 * <p>Since 1.1 an attachment may embed a message ({@link
 * io.convene.api.convert.AttachmentContent#embeddedMessage()}): the calendar converter reads and
 * writes the exception attachments of a recurring appointment (MS-OXOCAL 2.2.10) that way.
 *
 * <p>Conversions are lossless where they can be: a MAPI property with no iCalendar or vCard
 * counterpart travels as an {@code X-CONVENE-PROP} property, and an iCalendar or vCard property
 * Convene does not map is kept as a named property, so a round trip returns what was there. What
 * could not be kept is reported as a warning of the {@link io.convene.api.convert.ConversionResult}.
 *
 * <p>Thread-safety: the converter services are stateless and safe for concurrent use; the value
 * types are immutable. Input is bounded (size, components, properties, attendees); bad or
 * oversized input is a {@link io.convene.api.convert.ConversionException}, never an unchecked
 * exception.
 */
@Export
@Version("1.1.0")
package io.convene.api.convert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
