package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** FID, MID, CN and GLOBCNT packing. */
class IdsTest {

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  // MS-OXCFOLD 4.5.1 (RopMoveFolder request), bytes 0006-000D: "FolderId: 0001-00000E8EDF36".
  private static final byte[] MS_OXCFOLD_4_5_1_FOLDER_ID = HEX.parseHex("01 00 00 00 0E 8E DF 36");

  @Test
  void folderIdFromTheMsOxcfoldExample() {
    FolderId fid = FolderId.fromBytes(MS_OXCFOLD_4_5_1_FOLDER_ID, 0);
    assertThat(fid.replicaId()).isEqualTo(1);
    assertThat(fid.counter().value()).isEqualTo(0x0E8EDF36L);
    assertThat(fid).hasToString("0001-00000E8EDF36");
    assertThat(fid.toBytes()).isEqualTo(MS_OXCFOLD_4_5_1_FOLDER_ID);
  }

  @Test
  void longFormIsTheWireBytesReadLittleEndian() {
    FolderId fid = FolderId.of(1, 0x0E8EDF36L);
    assertThat(fid.toLong()).isEqualTo(0x36DF8E0E00000001L);
    assertThat(FolderId.fromLong(0x36DF8E0E00000001L)).isEqualTo(fid);
  }

  @Test
  void messageIdAndChangeNumberShareTheLayout() {
    MessageId mid = MessageId.of(0xABCD, 0x123456789ABCL);
    assertThat(HEX.formatHex(mid.toBytes())).isEqualTo("CD AB 12 34 56 78 9A BC");
    assertThat(MessageId.fromLong(mid.toLong())).isEqualTo(mid);
    assertThat(MessageId.fromBytes(mid.toBytes(), 0)).isEqualTo(mid);

    ChangeNumber cn = ChangeNumber.of(1, GlobalCounter.MAX_VALUE);
    assertThat(cn.toLong()).isEqualTo(0xFFFFFFFFFFFF0001L);
    assertThat(ChangeNumber.fromLong(cn.toLong())).isEqualTo(cn);
    assertThat(ChangeNumber.fromBytes(cn.toBytes(), 0)).isEqualTo(cn);
  }

  @Test
  void globalCounterIs48BitsBigEndian() {
    GlobalCounter gc = GlobalCounter.of(0x0000_0E8E_DF36L);
    assertThat(HEX.formatHex(gc.toBytes())).isEqualTo("00 00 0E 8E DF 36");
    assertThat(GlobalCounter.fromBytes(MS_OXCFOLD_4_5_1_FOLDER_ID, 2)).isEqualTo(gc);
    assertThat(GlobalCounter.of(0).next()).isEqualTo(GlobalCounter.of(1));
    assertThatThrownBy(() -> GlobalCounter.of(GlobalCounter.MAX_VALUE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GlobalCounter.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GlobalCounter.of(GlobalCounter.MAX_VALUE).next())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsShortInputAndWideReplicaIds() {
    assertThatThrownBy(() -> FolderId.fromBytes(new byte[7], 0))
        .isInstanceOf(StoreValueFormatException.class);
    assertThatThrownBy(() -> MessageId.fromBytes(new byte[8], 1))
        .isInstanceOf(StoreValueFormatException.class);
    assertThatThrownBy(() -> FolderId.of(0x10000, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
