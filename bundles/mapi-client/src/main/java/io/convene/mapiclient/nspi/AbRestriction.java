package io.convene.mapiclient.nspi;

import io.convene.mapiclient.rop.PropertyValue;
import io.convene.mapiclient.wire.WireWriter;
import java.util.List;

/**
 * Restrictions as the GetMatches Filter carries them (MS-OXCMAPIHTTP 2.2.5.5.1 -> MS-OXCDATA 2.12):
 * outside ROP buffers the And/Or RestrictCount is 32 bits wide and a TaggedValue is a plain
 * TaggedPropertyValue (MS-OXCDATA 2.11.4) with 32-bit binary counts and no HasValue bytes.
 */
public sealed interface AbRestriction {

  int RELOP_EQ = 0x04;
  int FL_FULLSTRING = 0x0000;
  int FL_SUBSTRING = 0x0001;
  int FL_PREFIX = 0x0002;
  int FL_IGNORECASE = 0x0001;

  void write(WireWriter out);

  record And(List<AbRestriction> terms) implements AbRestriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x00).i32(terms.size());
      terms.forEach(t -> t.write(out));
    }
  }

  record Or(List<AbRestriction> terms) implements AbRestriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x01).i32(terms.size());
      terms.forEach(t -> t.write(out));
    }
  }

  record Not(AbRestriction term) implements AbRestriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x02);
      term.write(out);
    }
  }

  /** ContentRestriction: FuzzyLevelLow, FuzzyLevelHigh, PropertyTag, TaggedValue. */
  record Content(int fuzzyLow, int fuzzyHigh, PropertyValue value) implements AbRestriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x03).u16(fuzzyLow).u16(fuzzyHigh).i32(value.tag()).i32(value.tag());
      AbValues.writePlain(out, value.type(), value.value());
    }
  }

  /** PropertyRestriction: RelOp, PropTag, TaggedValue. */
  record Property(int relOp, PropertyValue value) implements AbRestriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x04).u8(relOp).i32(value.tag()).i32(value.tag());
      AbValues.writePlain(out, value.type(), value.value());
    }
  }

  record Exist(int tag) implements AbRestriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x08).i32(tag);
    }
  }
}
