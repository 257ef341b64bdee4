package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuidsTest {

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  @Test
  void wireFormIsMsDtypPacketRepresentation() {
    // MS-DTYP 2.3.4.2: Data1, Data2, Data3 little-endian, Data4 as is.
    assertThat(HEX.formatHex(Guids.toBytes(NamedProperty.PSETID_APPOINTMENT)))
        .isEqualTo("02 20 06 00 00 00 00 00 C0 00 00 00 00 00 00 46");
    assertThat(HEX.formatHex(Guids.toBytes(NamedProperty.PSETID_MEETING)))
        .isEqualTo("90 DA D8 6E 0B 45 1B 10 98 DA 00 AA 00 3F 13 05");
    assertThat(Guids.fromBytes(HEX.parseHex("28 03 02 00 00 00 00 00 C0 00 00 00 00 00 00 46")))
        .isEqualTo(NamedProperty.PS_MAPI);
  }

  @Test
  void roundTripsAtAnOffset() {
    Random random = new Random(42);
    for (int i = 0; i < 100; i++) {
      UUID guid = new UUID(random.nextLong(), random.nextLong());
      byte[] buf = new byte[20];
      Guids.write(guid, buf, 3);
      assertThat(Guids.fromBytes(buf, 3)).isEqualTo(guid);
    }
  }

  @Test
  void rejectsWrongLengths() {
    assertThatThrownBy(() -> Guids.fromBytes(new byte[15]))
        .isInstanceOf(StoreValueFormatException.class);
    assertThatThrownBy(() -> Guids.fromBytes(new byte[17]))
        .isInstanceOf(StoreValueFormatException.class);
    assertThatThrownBy(() -> Guids.fromBytes(new byte[16], 1))
        .isInstanceOf(StoreValueFormatException.class);
  }
}
