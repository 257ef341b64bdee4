/**
 * The MAPI properties the converters read and write (MS-OXPROPS): tagged properties and the
 * named ones of PSETID_Appointment, PSETID_Meeting, PSETID_Common, PSETID_Task and
 * PSETID_Address with their types, and {@link io.convene.convert.props.Bag}, a property bag that
 * resolves named properties through the caller's mapping.
 */
package io.convene.convert.props;
