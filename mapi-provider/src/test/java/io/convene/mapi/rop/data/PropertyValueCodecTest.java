package io.convene.mapi.rop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.testing.SpecFixtures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MS-OXCDATA 2.11.2.1 encodings, checked byte by byte against the specification's layouts. */
class PropertyValueCodecTest {

  static byte[] encode(int type, Object value) {
    LittleEndianWriter out = new LittleEndianWriter();
    PropertyValueCodec.write(out, type, value);
    return out.toByteArray();
  }

  static Object decode(int type, String hex) throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(SpecFixtures.parseHex(hex));
    Object value = PropertyValueCodec.read(in, type, PropertyLimits.ROP);
    assertThat(in.hasRemaining()).as("all bytes consumed").isFalse();
    return value;
  }

  static void both(int type, Object value, String hex) throws WireFormatException {
    assertThat(encode(type, value)).isEqualTo(SpecFixtures.parseHex(hex));
    Object decoded = decode(type, hex);
    assertThat(PropertyValues.same(decoded, value)).as("%s decodes to %s", hex, value).isTrue();
  }

  @Test
  void everySingleValuedType() throws Exception {
    both(0x0002, (short) 0x1234, "34 12");
    both(0x0003, 0x12345678, "78 56 34 12");
    both(0x0004, 1.0f, "00 00 80 3F");
    both(0x0005, 1.0, "00 00 00 00 00 00 F0 3F");
    both(0x0006, 12345L, "39 30 00 00 00 00 00 00");
    both(0x0007, 2.5, "00 00 00 00 00 00 04 40");
    both(0x000A, 0x8004010F, "0F 01 04 80");
    both(0x000B, true, "01");
    both(0x000D, 7, "07 00 00 00");
    both(0x0014, -2L, "FE FF FF FF FF FF FF FF");
    both(0x001E, "Hi", "48 69 00");
    both(0x001F, "Hi", "48 00 69 00 00 00");
    // 1601-01-01 plus 1 day = 864,000,000,000 ticks of 100 ns = 0x000000C92A69C000.
    both(0x0040, Instant.parse("1601-01-02T00:00:00Z"), "00 C0 69 2A C9 00 00 00");
    both(0x0048, UUID.fromString("00062002-0000-0000-c000-000000000046"),
        "02 20 06 00 00 00 00 00 C0 00 00 00 00 00 00 46");
    both(0x0102, new byte[] {1, 2, 3}, "03 00 01 02 03");
    both(0x00FB, new byte[] {9}, "01 00 09");
  }

  @Test
  void multiValuedTypesCountWith32Bits() throws Exception {
    both(0x1003, List.of(1, 2), "02 00 00 00 01 00 00 00 02 00 00 00");
    both(0x101F, List.of("a", ""), "02 00 00 00 61 00 00 00 00 00");
    both(0x1102, List.of(new byte[] {5}), "01 00 00 00 01 00 05");
    both(0x1014, List.of(), "00 00 00 00");
  }

  @Test
  void liesAndOpaqueTypesAreWireFormatErrors() {
    assertThatThrownBy(() -> decode(0x0102, "05 00 01 02")).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> decode(0x1003, "FF FF FF 7F 01")).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> decode(0x001F, "41 00 42 00")).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> decode(0x00FD, "08 1F 00 37 00")).isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> decode(0x0099, "00")).isInstanceOf(WireFormatException.class);
    LittleEndianReader tiny = new LittleEndianReader(SpecFixtures.parseHex("41 00 42 00 43 00 00 00"));
    assertThatThrownBy(() -> PropertyValueCodec.read(tiny, 0x001F, new PropertyLimits(4, 4)))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void flaggedRowsCarryErrorsAndUnspecifiedColumnsCarryTypes() throws Exception {
    int[] columns = {0x3001001F, 0x30040000, 0x36020003};
    List<PropertyRow.Cell> cells = List.of(
        new PropertyRow.Value(0x001F, "A"), new PropertyRow.Value(0x0003, 5), new PropertyRow.Error(0x8004010F));
    LittleEndianWriter out = new LittleEndianWriter();
    PropertyRow.write(out, columns, cells);
    // Flag 1; FlaggedPropertyValue 00 "A"; FlaggedPropertyValueWithType (MS-OXCDATA 2.11.6: the
    // type first, then the flag) 0003 00 value 5; FlaggedPropertyValue 0A error.
    assertThat(out.toByteArray()).isEqualTo(SpecFixtures.parseHex(
        "01 00 41 00 00 00 03 00 00 05 00 00 00 0A 0F 01 04 80"));
    assertThat(PropertyRow.read(new LittleEndianReader(out.toByteArray()), columns, PropertyLimits.ROP))
        .isEqualTo(cells);

    // in PtypUnspecified columns: an error typed PtypErrorCode, a missing value PtypNull
    int[] unspecified = {0x30040000, 0x30050000};
    List<PropertyRow.Cell> missing = List.of(new PropertyRow.Error(0x8004010F), new PropertyRow.Missing());
    LittleEndianWriter flaggedTypes = new LittleEndianWriter();
    PropertyRow.write(flaggedTypes, unspecified, missing);
    assertThat(flaggedTypes.toByteArray()).isEqualTo(SpecFixtures.parseHex("01 0A 00 0A 0F 01 04 80 01 00 01"));
    assertThat(PropertyRow.read(new LittleEndianReader(flaggedTypes.toByteArray()), unspecified, PropertyLimits.ROP))
        .isEqualTo(missing);

    LittleEndianWriter standard = new LittleEndianWriter();
    PropertyRow.write(standard, new int[] {0x36020003}, List.of(new PropertyRow.Value(3, 5)));
    assertThat(standard.toByteArray()).isEqualTo(SpecFixtures.parseHex("00 05 00 00 00"));
  }

  @Test
  void propertyProblemsAndNames() throws Exception {
    LittleEndianWriter out = new LittleEndianWriter();
    PropertyProblem.writeArray(out, List.of(new PropertyProblem(1, 0x0E1D001F, 0x80070005)));
    assertThat(out.toByteArray()).isEqualTo(SpecFixtures.parseHex("01 00 01 00 1F 00 1D 0E 05 00 07 80"));
    assertThat(PropertyProblem.readArray(new LittleEndianReader(out.toByteArray())))
        .containsExactly(new PropertyProblem(1, 0x0E1D001F, 0x80070005));

    assertThatThrownBy(() -> PropertyName.read(new LittleEndianReader(SpecFixtures.parseHex(
        "01 29 03 02 00 00 00 00 00 C0 00 00 00 00 00 00 46 03 41 00 00"))))
        .isInstanceOf(WireFormatException.class);
    LittleEndianWriter none = new LittleEndianWriter();
    PropertyName.NONE.write(none);
    assertThat(none.toByteArray()).containsExactly(0xFF);
  }
}
