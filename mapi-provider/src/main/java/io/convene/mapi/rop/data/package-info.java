/**
 * The MS-OXCDATA structures ROPs carry property values in: PropertyValue and its tagged, typed and
 * flagged forms (2.11.2-2.11.6), PropertyRow (2.8.1), PropertyProblem (2.7), PropertyName (2.6.1)
 * and PropertyTagArray (2.10). Every decoder reads through the bounded {@link
 * io.convene.mapi.codec.LittleEndianReader} under {@link io.convene.mapi.rop.data.PropertyLimits}
 * and fails with {@link io.convene.mapi.codec.WireFormatException} only.
 */
package io.convene.mapi.rop.data;
