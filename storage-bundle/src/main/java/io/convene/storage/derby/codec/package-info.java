/**
 * The compact binary encoding of a property bag, the form in which the Derby store keeps every
 * property of an item in one column. {@link io.convene.storage.derby.codec.PropertyBagCodec}
 * describes the layout; decoding reads through one bounded reader and fails only with {@link
 * io.convene.storage.derby.codec.PropertyBagFormatException}, within {@link
 * io.convene.storage.derby.codec.CodecLimits}. Private to the storage bundle.
 */
package io.convene.storage.derby.codec;
