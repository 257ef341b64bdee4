/**
 * The request and response bodies of the NSPI request types (MS-OXCMAPIHTTP 2.2.5) and the common
 * address book structures they carry (2.2.1: AddressBookPropertyValue with its HasValue byte,
 * tagged, typed and flagged forms, AddressBookPropertyRow, AddressBookPropertyValueList,
 * LargePropertyTagArray; MS-OXNSPI 2.2.8 STAT). Counts of binary and multi-valued values are 32
 * bits wide here, unlike in ROP buffers (MS-OXCDATA 2.11.1.1). Every decoder reads through the
 * bounded {@link io.convene.mapi.codec.LittleEndianReader} under {@link
 * io.convene.mapi.nspi.wire.NspiLimits} and fails with {@link
 * io.convene.mapi.codec.WireFormatException} only.
 */
package io.convene.mapi.nspi.wire;
