package io.convene.mapi.nspi.wire;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import io.convene.api.store.query.Restriction;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.data.RestrictionCodec;

/**
 * The GetMatches Filter (MS-OXCMAPIHTTP 2.2.5.5.1): a restriction of MS-OXCDATA 2.12 with the
 * four-byte And/Or counts of the non-ROP contexts. Its TaggedValues come in two shapes: the plain
 * TaggedPropertyValue of MS-OXCDATA 2.11.4 (with 32-bit counts), and the form Outlook sends, where
 * a HasValue byte 0xFF precedes the tag and the value is an AddressBookPropertyValue. No property
 * type has 0xFF as the low byte of its tag, so the first byte tells them apart; a HasValue of 0x00
 * (no value to compare with) is refused.
 */
public final class AbRestrictions {

  private AbRestrictions() {}

  private static RestrictionCodec.TaggedValues values(NspiLimits limits) {
    return new RestrictionCodec.TaggedValues() {
      @Override
      public PropValue read(LittleEndianReader in) throws WireFormatException {
        int first = in.u8("TaggedValue");
        boolean outlookForm = first == AbValues.HAS_VALUE;
        if (first == 0) {
          throw new WireFormatException("restriction value with HasValue 0");
        }
        int tag = outlookForm ? (int) in.u32("PropertyTag") : first | in.u8("PropertyTag") << 8 | in.u16("PropertyTag") << 16;
        Object value = AbValues.read(in, tag & 0xffff, limits, outlookForm);
        if (value == null) {
          throw new WireFormatException("restriction value with HasValue 0");
        }
        return PropValue.of(PropTag.of(tag), value);
      }

      @Override
      public void write(PropValue value, LittleEndianWriter out) {
        out.u8(AbValues.HAS_VALUE);
        out.u32(value.tag().tag() & 0xffffffffL);
        AbValues.write(out, value.tag().type().code(), value.value());
      }
    };
  }

  public static Restriction read(LittleEndianReader in, NspiLimits limits) throws WireFormatException {
    return new RestrictionCodec(values(limits), limits.restrictions(), RestrictionCodec.CountWidth.EXTENDED).decode(in);
  }

  /** Writes the form Outlook sends (tests and clients). */
  public static void write(LittleEndianWriter out, Restriction restriction) {
    new RestrictionCodec(values(NspiLimits.DEFAULT), NspiLimits.DEFAULT.restrictions(), RestrictionCodec.CountWidth.EXTENDED)
        .encode(restriction, out);
  }
}
