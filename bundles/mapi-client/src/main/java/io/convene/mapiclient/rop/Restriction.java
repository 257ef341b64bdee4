package io.convene.mapiclient.rop;

import io.convene.mapiclient.wire.WireWriter;
import java.util.List;

/**
 * Restrictions as a client sends them in RopRestrict (MS-OXCDATA 2.12, ROP form: 16-bit counts in
 * And/Or). Only the kinds the client's users need; each writes its own RestrictType byte.
 */
public sealed interface Restriction {

  /** MS-OXCDATA 2.12.5.2 relational operators. */
  int RELOP_LT = 0x00;
  int RELOP_LE = 0x01;
  int RELOP_GT = 0x02;
  int RELOP_GE = 0x03;
  int RELOP_EQ = 0x04;
  int RELOP_NE = 0x05;

  /** MS-OXCDATA 2.12.4.2 fuzzy levels. */
  int FL_FULLSTRING = 0x0000;
  int FL_SUBSTRING = 0x0001;
  int FL_PREFIX = 0x0002;
  int FL_IGNORECASE = 0x0001;

  void write(WireWriter out);

  default byte[] encode() {
    WireWriter out = new WireWriter();
    write(out);
    return out.toByteArray();
  }

  record And(List<Restriction> terms) implements Restriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x00).u16(terms.size());
      terms.forEach(t -> t.write(out));
    }
  }

  record Or(List<Restriction> terms) implements Restriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x01).u16(terms.size());
      terms.forEach(t -> t.write(out));
    }
  }

  record Not(Restriction term) implements Restriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x02);
      term.write(out);
    }
  }

  /** ContentRestriction: FuzzyLevelLow, FuzzyLevelHigh, PropertyTag, TaggedValue. */
  record Content(int fuzzyLow, int fuzzyHigh, PropertyValue value) implements Restriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x03).u16(fuzzyLow).u16(fuzzyHigh).i32(value.tag());
      PropertyValueCodec.writeTagged(out, value);
    }
  }

  /** PropertyRestriction: RelOp, PropTag, TaggedValue. */
  record Property(int relOp, PropertyValue value) implements Restriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x04).u8(relOp).i32(value.tag());
      PropertyValueCodec.writeTagged(out, value);
    }
  }

  record Exist(int tag) implements Restriction {
    @Override
    public void write(WireWriter out) {
      out.u8(0x08).i32(tag);
    }
  }
}
