package io.convene.mapi.rop.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.testing.SpecFixtures;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request layouts of MS-OXCROPS 2.2.4.13/14 and 2.2.5 built field by field from their tables
 * (MS-OXCTABL section 4 shows only some of them): each decodes through the registered decoder to
 * the fields written and encodes back to the same bytes.
 */
class TableRequestsTest {

  private final RopRegistry registry = RopRegistry.builder().add(new TableRops()).build();

  private RopRequest decode(String hex) throws WireFormatException {
    byte[] bytes = SpecFixtures.parseHex(hex);
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    RopRequest request = registry.find(header.ropId()).orElseThrow().decoder().decode(header, in);
    assertThat(in.hasRemaining()).as("consumed " + hex).isFalse();
    try {
      Method encode = request.getClass().getMethod("encode");
      assertThat((byte[]) encode.invoke(request)).as("encoded " + hex).isEqualTo(bytes);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return request;
  }

  @Test
  void everyTableRequestRoundTrips() throws Exception {
    // GetHierarchyTable: OutputHandleIndex 1, TableFlags Depth|UseUnicode.
    var hierarchy = (TableRequests.OpenTableRequest) decode("04 00 00 01 44");
    assertThat(hierarchy.outputHandleIndex()).isEqualTo(1);
    assertThat(hierarchy.responseHandleIndex()).isEqualTo(1);
    assertThat(hierarchy.has(TableRequests.OpenTableRequest.DEPTH)).isTrue();
    // GetContentsTable: OutputHandleIndex 2, TableFlags Associated.
    var contents = (TableRequests.OpenTableRequest) decode("05 00 00 02 02");
    assertThat(contents.has(TableRequests.OpenTableRequest.ASSOCIATED)).isTrue();
    // SeekRow: Origin END, RowCount -3, WantRowMovedCount.
    var seek = (TableRequests.SeekRowRequest) decode("18 00 01 02 fd ff ff ff 01");
    assertThat(seek.origin()).isEqualTo(Bookmarks.END);
    assertThat(seek.rowCount()).isEqualTo(-3);
    assertThat(seek.wantRowMovedCount()).isTrue();
    // SeekRowBookmark: 4-byte bookmark, RowCount 2, no count wanted.
    var seekBookmark = (TableRequests.SeekRowBookmarkRequest) decode("19 00 01 04 00 07 00 00 00 02 00 00 00 00");
    assertThat(seekBookmark.bookmark()).containsExactly(7, 0, 0, 0);
    assertThat(seekBookmark.rowCount()).isEqualTo(2);
    // SeekRowFractional: 1/3.
    var fraction = (TableRequests.SeekRowFractionalRequest) decode("1a 00 01 01 00 00 00 03 00 00 00");
    assertThat(fraction.numerator()).isEqualTo(1);
    assertThat(fraction.denominator()).isEqualTo(3);
    // The header-only ROPs.
    for (String bare : List.of("16 00 01", "17 00 01", "1b 00 01", "34 00 01", "37 00 01", "81 00 01")) {
      assertThat(decode(bare)).isInstanceOf(TableRequests.BareRequest.class);
    }
    // FreeBookmark.
    var free = (TableRequests.FreeBookmarkRequest) decode("89 00 01 04 00 01 00 00 00");
    assertThat(free.bookmark()).containsExactly(1, 0, 0, 0);
    // FindRow: backward, ExistRestriction PidTagSubject, Origin CUSTOM with a bookmark.
    var find = (TableRequests.FindRowRequest) decode("4f 00 01 01 05 00 08 1f 00 37 00 03 04 00 02 00 00 00");
    assertThat(find.backward()).isTrue();
    assertThat(find.restrictionData()).hasSize(5);
    assertThat(find.origin()).isEqualTo(Bookmarks.CUSTOM);
    // ExpandRow, CollapseRow, GetCollapseState, SetCollapseState.
    var expand = (TableRequests.ExpandRowRequest) decode("59 00 01 10 00 01 02 03 04 05 06 07 08");
    assertThat(expand.maxRowCount()).isEqualTo(16);
    assertThat(expand.categoryId()).isEqualTo(0x0807060504030201L);
    assertThat(((TableRequests.CollapseRowRequest) decode("5a 00 01 01 00 00 00 00 00 00 80")).categoryId())
        .isEqualTo(0x8000000000000001L);
    var get = (TableRequests.GetCollapseStateRequest) decode("6b 00 01 01 00 00 00 00 00 00 00 05 00 00 00");
    assertThat(get.rowId()).isEqualTo(1);
    assertThat(get.rowInstanceNumber()).isEqualTo(5);
    assertThat(((TableRequests.SetCollapseStateRequest) decode("6c 00 01 02 00 aa bb")).collapseState())
        .containsExactly(0xaa, 0xbb);
  }

  @Test
  void truncatedOrLyingRequestsAreWireErrors() {
    for (String hex : List.of(
        "12 00 01 00 05 00 14 00 4a 67", // five tags promised, one half given
        "13 00 01 00 41 00 00 00 00 00", // 65 sort keys, over the limit
        "14 00 01 00 10 00 08", // restriction data shorter than its size
        "15 00 01 00 02 32 00", // ForwardRead 2
        "19 00 01 01 01" + " 00".repeat(260), // bookmark over the limit
        "4f 00 01 00 00 00 00 05 00 01")) { // bookmark shorter than its size
      assertThatThrownBy(() -> decode(hex)).as(hex).isInstanceOf(WireFormatException.class);
    }
  }

  @Test
  void bookmarksAreFourByteIds() throws Exception {
    assertThat(TableHandlers.bookmarkId(TableHandlers.bookmarkBytes(0x01020304))).isEqualTo(0x01020304);
    assertThat(new LittleEndianWriter().u32(9).toByteArray()).isEqualTo(TableHandlers.bookmarkBytes(9));
  }
}
