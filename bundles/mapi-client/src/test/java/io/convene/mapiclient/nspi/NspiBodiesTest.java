package io.convene.mapiclient.nspi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import io.convene.mapiclient.rop.PropertyValue;
import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * NSPI bodies against fixtures built field by field from the tables of MS-OXCMAPIHTTP 2.2.5 and
 * 2.2.1 (the specification has no NSPI byte examples): requests must equal them byte for byte,
 * responses must decode to the values written in their comments.
 */
class NspiBodiesTest {

  private static final int DISPLAY_NAME = 0x3001001F;
  private static final int SMTP_ADDRESS = 0x39FE001F;
  private static final Stat BEGINNING = Stat.beginningOf(0);

  @Test
  void bindRequestFollowsTheFieldTable() {
    assertThat(NspiBodies.bindRequest(0, BEGINNING)).isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.1.1-bind-request.hex"));
  }

  @Test
  void bindResponseGivesTheServerGuid() throws Exception {
    NspiBodies.BindResponse bound = NspiBodies.bindResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.1.2-bind-response.hex"));
    assertThat(bound.statusCode()).isZero();
    assertThat(bound.errorCode()).isZero();
    assertThat(bound.serverGuid()).isEqualTo(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
  }

  @Test
  void unbindBodies() throws Exception {
    assertThat(NspiBodies.unbindRequest()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
    NspiBodies.UnbindResponse unbound = NspiBodies.unbindResponse(new WireWriter().i32(0).i32(Nspi.UNBIND_SUCCESS).i32(0).toByteArray());
    assertThat(unbound.errorCode()).isEqualTo(Nspi.UNBIND_SUCCESS);
  }

  @Test
  void failureBodyHasOnlyStatusAndAuxiliaryBuffer() throws Exception {
    byte[] failure = new WireWriter().i32(5).i32(2).u8(0xAA).u8(0xBB).toByteArray();
    assertThat(NspiBodies.rowsResponse(failure).statusCode()).isEqualTo(5);
    assertThat(NspiBodies.bindResponse(failure).serverGuid()).isNull();
  }

  @Test
  void getSpecialTableRequestAndResponse() throws Exception {
    assertThat(NspiBodies.getSpecialTableRequest(Nspi.NSPI_UNICODE_STRINGS, BEGINNING, null))
        .startsWith(4, 0, 0, 0, 1).endsWith(0xe4, 4, 0, 0, 9, 4, 0, 0, 9, 4, 0, 0, 0, 0, 0, 0, 0).hasSize(4 + 1 + 36 + 1 + 4);
    assertThat(NspiBodies.getSpecialTableRequest(0, null, 7)).containsExactly(0, 0, 0, 0, 0, 1, 7, 0, 0, 0, 0, 0, 0, 0);

    NspiBodies.GetSpecialTableResponse table =
        NspiBodies.getSpecialTableResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.8.2-getspecialtable-response.hex"));
    assertThat(table.codePage()).isEqualTo(Nspi.CP_WINUNICODE);
    assertThat(table.version()).isEqualTo(5);
    assertThat(table.rows()).hasSize(1);
    assertThat(table.rows().get(0)).containsExactly(
        new PropertyValue(DISPLAY_NAME, "Al"),
        new PropertyValue(0x36000003, 9),
        new PropertyValue(0x0FFF0102, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}));
  }

  @Test
  void queryRowsRequestFollowsTheFieldTable() {
    Stat rooms = Stat.beginningOf(0x10);
    assertThat(NspiBodies.queryRowsRequest(Nspi.FLAG_EPH_ID, rooms, new int[] {0x1001, 0x1002}, 2, new int[] {DISPLAY_NAME, SMTP_ADDRESS}))
        .isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.13.1-queryrows-request.hex"));
  }

  @Test
  void queryRowsResponseReadsStandardFlaggedAndTypedValues() throws Exception {
    NspiBodies.RowsResponse rows = NspiBodies.rowsResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.13.2-queryrows-response.hex"));
    assertThat(rows.errorCode()).isZero();
    assertThat(rows.state().currentRec()).isEqualTo(Nspi.MID_END_OF_TABLE);
    assertThat(rows.state().numPos()).isEqualTo(2);
    assertThat(rows.state().totalRecs()).isEqualTo(2);
    assertThat(rows.columns()).containsExactly(DISPLAY_NAME, 0x39050003, 0x0FFF0102, 0x3A000000);
    assertThat(rows.rows().get(0)).containsExactly(
        new PropertyValue(DISPLAY_NAME, "Al"),
        new PropertyValue(0x39050003, 7),
        new PropertyValue(0x0FFF0102, new byte[] {1, 2}),
        new PropertyValue(0x3A00001E, "al"));
    assertThat(rows.rows().get(1)).containsExactly(
        new PropertyValue(DISPLAY_NAME, "Bo"),
        new PropertyValue(0x3905000A, new PropertyValue.ErrorValue(Nspi.NOT_FOUND)),
        new PropertyValue(0x0FFF000A, new PropertyValue.ErrorValue(Nspi.NOT_FOUND)),
        new PropertyValue(0x3A000003, 42));
  }

  @Test
  void resolveNamesRequestAndResponse() throws Exception {
    assertThat(NspiBodies.resolveNamesRequest(BEGINNING, new int[] {DISPLAY_NAME}, List.of("Al", "x")))
        .isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.14.1-resolvenames-request.hex"));
    NspiBodies.ResolveNamesResponse resolved =
        NspiBodies.resolveNamesResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.14.2-resolvenames-response.hex"));
    assertThat(resolved.codePage()).isEqualTo(1252);
    assertThat(resolved.minimalIds()).containsExactly(0x1001, Nspi.MID_AMBIGUOUS, Nspi.MID_UNRESOLVED);
    assertThat(resolved.columns()).containsExactly(DISPLAY_NAME);
    assertThat(resolved.rows()).containsExactly(List.of(new PropertyValue(DISPLAY_NAME, "Al")));
  }

  @Test
  void dnToMIdRequestAndResponse() throws Exception {
    assertThat(NspiBodies.dnToMIdRequest(List.of("/o=C"))).isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.4.1-dntomid-request.hex"));
    assertThat(NspiBodies.dnToMIdResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.4.2-dntomid-response.hex")).minimalIds())
        .containsExactly(0x1001, 0);
  }

  @Test
  void getPropsRequestAndResponse() throws Exception {
    byte[] request = NspiBodies.getPropsRequest(0, BEGINNING.at(0x1001), new int[] {DISPLAY_NAME});
    assertThat(request).hasSize(4 + 1 + 36 + 1 + 8 + 4);
    assertThat(request[4 + 1 + 8]).as("CurrentRec 0x1001, low byte").isEqualTo((byte) 0x01);
    NspiBodies.GetPropsResponse props = NspiBodies.getPropsResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.7.2-getprops-response.hex"));
    assertThat(props.errorCode()).isEqualTo(Nspi.ERRORS_RETURNED);
    assertThat(props.values()).containsExactly(
        new PropertyValue(DISPLAY_NAME, "Al"), new PropertyValue(0x3A17000A, new PropertyValue.ErrorValue(Nspi.NOT_FOUND)));
  }

  @Test
  void getMatchesRequestAndResponse() throws Exception {
    AbRestriction prefix = new AbRestriction.Content(AbRestriction.FL_PREFIX, AbRestriction.FL_IGNORECASE, new PropertyValue(DISPLAY_NAME, "An"));
    assertThat(NspiBodies.getMatchesRequest(BEGINNING, prefix, 50, new int[] {DISPLAY_NAME}))
        .isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.5.1-getmatches-request.hex"));
    NspiBodies.GetMatchesResponse matches =
        NspiBodies.getMatchesResponse(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.5.2-getmatches-response.hex"));
    assertThat(matches.minimalIds()).containsExactly(0x1001, 0x1002);
    assertThat(matches.rows()).extracting(row -> row.get(0).asString()).containsExactly("Al", "An");
  }

  @Test
  void restrictionsOutsideRopBuffersCountIn32Bits() {
    WireWriter out = new WireWriter();
    new AbRestriction.And(List.of(new AbRestriction.Exist(SMTP_ADDRESS),
        new AbRestriction.Property(AbRestriction.RELOP_EQ, new PropertyValue(0x39050003, 7)))).write(out);
    assertThat(out.toByteArray()).containsExactly(
        0x00, 2, 0, 0, 0,
        0x08, 0x1f, 0, 0xfe, 0x39,
        0x04, 0x04, 0x03, 0, 0x05, 0x39, 0x03, 0, 0x05, 0x39, 7, 0, 0, 0);
  }

  @Test
  void seekEntriesRequestFollowsTheFieldTable() {
    assertThat(NspiBodies.seekEntriesRequest(BEGINNING, new PropertyValue(DISPLAY_NAME, "B"), new int[] {DISPLAY_NAME}))
        .isEqualTo(SpecFixtures.hex("ms-oxcmapihttp/2.2.5.16.1-seekentries-request.hex"));
  }

  @Test
  void multiValuedStringsCarryAHasValuePerElementAsExchangeSendsThem() throws Exception {
    // PidTagProxyAddresses as one value of a row: HasValue, COUNT 2, then HasValue + string per element
    byte[] row = new WireWriter().u8(0).u8(0xFF).i32(2).u8(0xFF).utf16z("SMTP:a@x").u8(0xFF).utf16z("smtp:b@x").toByteArray();
    assertThat(AbValues.readRow(new io.convene.mapiclient.wire.WireReader(row), new int[] {0x800F101F}))
        .containsExactly(new PropertyValue(0x800F101F, List.of("SMTP:a@x", "smtp:b@x")));
  }

  @Test
  void lyingCountsAndBadFlagsAreWireErrors() {
    byte[] tooManyRows = new WireWriter().i32(0).i32(0).u8(0).u8(1).i32(0).i32(0x7FFFFFFF).toByteArray();
    assertThatThrownBy(() -> NspiBodies.rowsResponse(tooManyRows)).isInstanceOf(MapiWireException.class).hasMessageContaining("limit");
    byte[] tags = new WireWriter().i32(0).i32(0).u8(0).u8(1).i32(60000).toByteArray();
    assertThatThrownBy(() -> NspiBodies.rowsResponse(tags)).isInstanceOf(MapiWireException.class).hasMessageContaining("PropertyTagCount");
    byte[] badHasValue = new WireWriter().i32(0).i32(0).i32(0).u8(1).i32(1).i32(DISPLAY_NAME).u8(0x01).toByteArray();
    assertThatThrownBy(() -> NspiBodies.getPropsResponse(badHasValue)).hasMessageContaining("HasValue 0x1");
    byte[] badFlag = new WireWriter().i32(0).i32(0).u8(0).u8(1).i32(1).i32(0x39050003).i32(1).u8(1).u8(0x05).toByteArray();
    assertThatThrownBy(() -> NspiBodies.rowsResponse(badFlag)).hasMessageContaining("Flag 0x5");
    byte[] trailing = new WireWriter().i32(0).i32(0).i32(0).u8(0).toByteArray();
    assertThatThrownBy(() -> NspiBodies.unbindResponse(trailing)).hasMessageContaining("after the AuxiliaryBuffer");
  }

  @Test
  void permanentAndEphemeralEntryIds() throws Exception {
    byte[] permanent = new WireWriter().u8(0).u8(0).u8(0).u8(0).bytes(Nspi.GUID_NSPI).i32(1).i32(0).asciiz("/o=C/cn=a").toByteArray();
    EntryId id = EntryId.parse(permanent);
    assertThat(id.isPermanent()).isTrue();
    assertThat(id.fromNspiProvider()).isTrue();
    assertThat(id.distinguishedName()).isEqualTo("/o=C/cn=a");
    byte[] ephemeral = new WireWriter().u8(0x87).u8(0).u8(0).u8(0).bytes(new byte[16]).i32(1).i32(0).i32(0x1001).toByteArray();
    assertThat(EntryId.parse(ephemeral).mid()).isEqualTo(0x1001);
    assertThatThrownBy(() -> EntryId.parse(new byte[] {0x42})).isInstanceOf(MapiWireException.class);
  }
}
