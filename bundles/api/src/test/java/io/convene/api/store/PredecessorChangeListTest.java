package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** XIDs (MS-OXCFXICS 2.2.2.2) and PCLs (2.2.2.3). */
class PredecessorChangeListTest {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final UUID A = UUID.fromString("00000001-0000-0000-0000-000000000000");
  private static final UUID B = UUID.fromString("00000002-0000-0000-0000-000000000000");

  @Test
  void gidFormXidIsGuidThenSixByteCounter() {
    Xid xid = Xid.ofGid(NamedProperty.PSETID_APPOINTMENT, GlobalCounter.of(0x0E8EDF36L));
    assertThat(HEX.formatHex(xid.toBytes()))
        .isEqualTo("0220060000000000C000000000000046" + "00000E8EDF36");
    assertThat(xid.size()).isEqualTo(22);
    assertThat(xid.isGid()).isTrue();
    assertThat(xid.counter()).isEqualTo(GlobalCounter.of(0x0E8EDF36L));
    assertThat(Xid.parse(xid.toBytes())).isEqualTo(xid);
  }

  @Test
  void xidLengthsAre17To24() {
    assertThat(Xid.parse(new byte[17]).localIdSize()).isEqualTo(1);
    assertThat(Xid.parse(new byte[24]).localIdSize()).isEqualTo(8);
    assertThatThrownBy(() -> Xid.parse(new byte[16])).isInstanceOf(StoreValueFormatException.class);
    assertThatThrownBy(() -> Xid.parse(new byte[25])).isInstanceOf(StoreValueFormatException.class);
    assertThatThrownBy(() -> Xid.of(A, new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsSizedXidsOrderedByNamespace() {
    Xid b = Xid.ofGid(B, GlobalCounter.of(5));
    Xid a = Xid.of(A, new byte[] {7, 7, 7, 7});
    PredecessorChangeList pcl = PredecessorChangeList.of(List.of(b, a));
    // A's wire GUID (01 00 00 00 ...) sorts before B's (02 00 00 00 ...).
    assertThat(pcl.xids()).containsExactly(a, b);
    assertThat(HEX.formatHex(pcl.toBytes()))
        .isEqualTo(
            "14" + "01000000000000000000000000000000" + "07070707"
                + "16" + "02000000000000000000000000000000" + "000000000005");
    assertThat(PredecessorChangeList.parse(pcl.toBytes())).isEqualTo(pcl);
    assertThat(PredecessorChangeList.parse(new byte[0])).isEqualTo(PredecessorChangeList.EMPTY);
  }

  @Test
  void keepsTheGreatestChangePerNamespace() {
    Xid old = Xid.ofGid(A, GlobalCounter.of(0x0100));
    Xid newer = Xid.ofGid(A, GlobalCounter.of(0x00FF_0000));
    PredecessorChangeList pcl = PredecessorChangeList.of(List.of(newer, old));
    assertThat(pcl.xids()).containsExactly(newer);
    assertThat(pcl.with(old)).isEqualTo(pcl);
    assertThat(pcl.includes(old)).isTrue();
    assertThat(PredecessorChangeList.of(List.of(old)).includes(newer)).isFalse();

    PredecessorChangeList other = PredecessorChangeList.of(List.of(Xid.ofGid(B, GlobalCounter.of(1))));
    PredecessorChangeList merged = pcl.merge(other);
    assertThat(merged.includes(pcl)).isTrue();
    assertThat(merged.includes(other)).isTrue();
    assertThat(pcl.includes(merged)).isFalse();
  }

  @Test
  void parseRejectsMalformedInput() {
    assertThatThrownBy(() -> PredecessorChangeList.parse(new byte[] {16}))
        .isInstanceOf(StoreValueFormatException.class)
        .hasMessageContaining("XidSize 16");
    assertThatThrownBy(() -> PredecessorChangeList.parse(new byte[] {22, 0, 0}))
        .isInstanceOf(StoreValueFormatException.class)
        .hasMessageContaining("truncated");
    byte[] mixed = new byte[1 + 22 + 1 + 20];
    mixed[0] = 22;
    mixed[23] = 20;
    assertThatThrownBy(() -> PredecessorChangeList.parse(mixed))
        .isInstanceOf(StoreValueFormatException.class);
  }
}
