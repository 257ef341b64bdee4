package io.convene.mapi.nspi.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Guids;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.nspi.book.EntryIds;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.testing.SpecFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The NSPI bodies against fixtures built from the structure tables of MS-OXCMAPIHTTP 2.2.5 and
 * 2.2.1 (the specification gives no byte examples for them; each fixture's header says where its
 * values come from) and the byte values MS-OXOABK and MS-OXNSPI state.
 */
class MsOxcmapihttpNspiExamplesTest {

  private final NspiRequestDecoder decoder = new NspiRequestDecoder(NspiLimits.DEFAULT);

  @Test
  void bindRequestCarriesTheStatOfTheMsOxnspiExample() throws Exception {
    NspiRequest.Bind bind =
        (NspiRequest.Bind) decoder.decode(NspiRequestType.BIND, SpecFixtures.hex("ms-oxcmapihttp/2.2.5.1.1-bind-request.hex"));

    assertThat(bind.flags()).isZero();
    assertThat(bind.state()).contains(new Stat(0, 0, 0, 0, 0, 0, 0x4E4, 0x409, 0x409));
    LittleEndianWriter again = new LittleEndianWriter().u32(0).u8(1);
    bind.state().get().write(again);
    assertThat(again.u32(0).toByteArray()).isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.1.1-bind-request.hex"));
  }

  @Test
  void bindResponseIsByteExact() {
    assertThat(NspiResponses.bind(NspiErrorCodes.SUCCESS, UUID.fromString("01234567-89ab-cdef-0123-456789abcdef")))
        .isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.1.2-bind-response.hex"));
  }

  @Test
  void queryRowsRequestDecodesEveryField() throws Exception {
    NspiRequest.QueryRows rows =
        (NspiRequest.QueryRows) decoder.decode(NspiRequestType.QUERY_ROWS, SpecFixtures.hex("ms-oxcmapihttp/2.2.5.13.1-queryrows-request.hex"));

    assertThat(rows.flags()).isEqualTo(2);
    assertThat(rows.state().get().codePage()).isEqualTo(0x4E4);
    assertThat(rows.explicitTable()).isEmpty();
    assertThat(rows.rowCount()).isEqualTo(50);
    assertThat(rows.columns()).containsExactly(0x3001001F, 0x0FFF0102);
  }

  @Test
  void resolveNamesRequestReadsUnicodeNames() throws Exception {
    NspiRequest.ResolveNames names =
        (NspiRequest.ResolveNames) decoder.decode(NspiRequestType.RESOLVE_NAMES, SpecFixtures.hex("ms-oxcmapihttp/2.2.5.14.1-resolvenames-request.hex"));

    assertThat(names.tags()).containsExactly(0x3001001F);
    assertThat(names.names()).containsExactly("al", "Bob");
  }

  @Test
  void addressBookPropertyRowHasValueBytesAndThirtyTwoBitCounts() throws Exception {
    int[] columns = {0x3001001F, 0x0FF60102, 0x800F101F, 0x3A17001F};
    List<PropertyRow.Cell> cells =
        List.of(
            new PropertyRow.Value(0x001F, "Al"),
            new PropertyRow.Value(0x0102, new byte[] {0x10, 0x20, 0, 0}),
            new PropertyRow.Value(0x101F, List.of("S:a")),
            new PropertyRow.Error((int) NspiErrorCodes.NOT_FOUND));
    LittleEndianWriter out = new LittleEndianWriter();
    AbValues.writeRow(out, columns, cells);
    byte[] fixture = SpecFixtures.hex("ms-oxcmapihttp/2.2.1.7-addressbook-property-row.hex");

    assertThat(out.toByteArray()).isEqualTo(fixture);
    List<PropertyRow.Cell> read = AbValues.readRow(new LittleEndianReader(fixture), columns, NspiLimits.DEFAULT);
    assertThat(read.get(0)).isEqualTo(cells.get(0));
    assertThat((byte[]) ((PropertyRow.Value) read.get(1)).value()).containsExactly(0x10, 0x20, 0, 0);
    assertThat(read.get(2)).isEqualTo(cells.get(2));
    assertThat(read.get(3)).isEqualTo(cells.get(3));
  }

  @Test
  void unspecifiedColumnsCarryTheValueType() throws Exception {
    int[] columns = {0x30010000};
    LittleEndianWriter out = new LittleEndianWriter();
    AbValues.writeRow(out, columns, List.of(new PropertyRow.Value(0x001F, "A")));
    // Flags 0, PropertyType PtypString, HasValue, "A" (MS-OXCMAPIHTTP 2.2.1.4).
    assertThat(out.toByteArray()).containsExactly(0x00, 0x1F, 0x00, 0xFF, 0x41, 0x00, 0x00, 0x00);
  }

  @Test
  void mappingSignatureIsGuidNspi() {
    assertThat(Guids.toBytes(EntryIds.GUID_NSPI)).isEqualTo(SpecFixtures.hex("ms-oxoabk/2.2.3.32-mapping-signature.hex"));
  }

  @Test
  void permanentAndEphemeralEntryIdsFollowMsOxnspi() {
    byte[] permanent = EntryIds.permanent(0, "/o=x");
    // IDType 0, R1-R3, GUID_NSPI, R4 = 1, DisplayType DT_MAILUSER, the DN and its NUL (2.2.9.3).
    assertThat(Arrays.copyOfRange(permanent, 0, 4)).containsExactly(0, 0, 0, 0);
    assertThat(Arrays.copyOfRange(permanent, 4, 20)).isEqualTo(SpecFixtures.hex("ms-oxoabk/2.2.3.32-mapping-signature.hex"));
    assertThat(Arrays.copyOfRange(permanent, 20, permanent.length)).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, '/', 'o', '=', 'x', 0);
    UUID server = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    byte[] ephemeral = EntryIds.ephemeral(server, 0, 0x1234);
    // IDType 0x87, R1-R3, the server GUID, R4 = 1, DisplayType, MId (2.2.9.2): 32 bytes.
    assertThat(ephemeral).hasSize(32);
    assertThat(ephemeral[0]).isEqualTo((byte) 0x87);
    assertThat(Arrays.copyOfRange(ephemeral, 4, 20)).isEqualTo(Guids.toBytes(server));
    assertThat(Arrays.copyOfRange(ephemeral, 28, 32)).containsExactly(0x34, 0x12, 0, 0);
  }

  @Test
  void updateStatResponseLaysOutStateAndDelta() {
    Stat stat = new Stat(0, 0, 0x1001, 0, 1, 3, 0x4E4, 0x409, 0x409);
    byte[] body = NspiResponses.updateStat(NspiErrorCodes.SUCCESS, stat, -1);
    // StatusCode, ErrorCode, HasState, 36-byte STAT, HasDelta, Delta, AuxiliaryBufferSize.
    assertThat(body).hasSize(4 + 4 + 1 + 36 + 1 + 4 + 4);
    assertThat(body[8]).isEqualTo((byte) 1);
    assertThat(Arrays.copyOfRange(body, 45, 50)).containsExactly(1, 0xff, 0xff, 0xff, 0xff);
  }

  @Test
  void truncatedAndTrailingBodiesAreRefused() {
    byte[] bind = SpecFixtures.hex("ms-oxcmapihttp/2.2.5.1.1-bind-request.hex");
    assertThatThrownBy(() -> decoder.decode(NspiRequestType.BIND, Arrays.copyOf(bind, bind.length - 1)))
        .isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> decoder.decode(NspiRequestType.BIND, Arrays.copyOf(bind, bind.length + 1)))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void countsBeyondTheLimitsAreRefusedBeforeAllocation() {
    byte[] huge = new LittleEndianWriter().u32(0).u8(0).u32(0xFFFFFFF0L).toByteArray();
    assertThatThrownBy(() -> decoder.decode(NspiRequestType.DN_TO_MID, new LittleEndianWriter().u32(0).u8(1).u32(0x7FFFFFFF).toByteArray()))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> decoder.decode(NspiRequestType.QUERY_ROWS, huge)).isInstanceOf(WireFormatException.class);
  }
}
