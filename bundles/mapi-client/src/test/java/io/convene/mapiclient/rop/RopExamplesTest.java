package io.convene.mapiclient.rop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import io.convene.mapiclient.wire.WireWriter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ROP request encoders and response decoders against the byte examples of MS-OXCTABL, MS-OXCPRPT and MS-OXORULE section 4. */
class RopExamplesTest {

  @Test
  void getContentsTableRequest() {
    assertThat(Rops.getContentsTable(0, 0, 1, 0).encodeRequest())
        .isEqualTo(SpecFixtures.hex("ms-oxctabl/4.1.1-getcontentstable-request.hex"));
  }

  @Test
  void setColumnsRequest() {
    int[] tags = {0x67480014, 0x674A0014, 0x674D0014, 0x674E0003, 0x0037001F, 0x0E060040};
    assertThat(Rops.setColumns(0, 1, tags).encodeRequest()).isEqualTo(SpecFixtures.hex("ms-oxctabl/4.2.1-setcolumns-request.hex"));
  }

  @Test
  void sortTableRequestWithACategory() {
    List<Rops.SortOrder> orders = List.of(Rops.SortOrder.ascending(0x8008301F), Rops.SortOrder.descending(0x0E060040));
    assertThat(Rops.sortTable(0, 0, orders, 1, 1).encodeRequest()).isEqualTo(SpecFixtures.hex("ms-oxctabl/4.3.1-sorttable-request.hex"));
  }

  @Test
  void queryRowsRequest() {
    assertThat(Rops.queryRows(0, 0, 50, new int[] {0x0037001F}).encodeRequest())
        .isEqualTo(SpecFixtures.hex("ms-oxctabl/4.5.3.1-queryrows-request.hex"));
  }

  @Test
  void getPropertiesSpecificRequest() {
    assertThat(Rops.getPropertiesSpecific(0, 0, new int[] {0x863E000B, 0x863F0003, 0x65E20102}).encodeRequest())
        .isEqualTo(SpecFixtures.hex("ms-oxcprpt/4.3.1-getpropertiesspecific-request.hex"));
  }

  @Test
  void setPropertiesRequestAndResponse() throws Exception {
    Rop<List<Rops.PropertyProblem>> rop = Rops.setProperties(0, 0,
        List.of(new PropertyValue(0x003D001F, ""), new PropertyValue(0x0E1D001F, "Hello World")));
    assertThat(rop.encodeRequest()).isEqualTo(SpecFixtures.hex("ms-oxcprpt/4.2.1-setproperties-request.hex"));

    RopBatch batch = new RopBatch();
    RopBatch.Ticket<List<Rops.PropertyProblem>> ticket = batch.add(rop);
    RopResults results = batch.decode(responseBuffer(SpecFixtures.hex("ms-oxcprpt/4.2.2-setproperties-response.hex"), 7));
    assertThat(results.get(ticket)).isEmpty();
    assertThat(results.handle(0)).isEqualTo(7);
  }

  @Test
  void saveChangesMessageRequestOfSection481AndResponse() throws Exception {
    Rop<Rops.SaveChangesMessageResponse> rop = Rops.saveChangesMessage(0, 0, 1, 0x0A);
    assertThat(rop.encodeRequest()).isEqualTo(SpecFixtures.hex("ms-oxcmsg/4.8.1-ropsavechangesmessage-request.hex"));

    RopBatch batch = new RopBatch();
    RopBatch.Ticket<Rops.SaveChangesMessageResponse> ticket = batch.add(rop);
    RopResults results = batch.decode(responseBuffer(
        new byte[][] {SpecFixtures.hex("ms-oxcmsg/2.2.3.3.2-ropsavechangesmessage-response.hex")}, new int[] {7, 9}));
    assertThat(results.get(ticket)).isEqualTo(new Rops.SaveChangesMessageResponse(1, 0x12_52_91_0E_00_00_00_01L));
    assertThat(results.handle(0)).isEqualTo(7);
  }

  @Test
  void sortTableResponse() throws Exception {
    RopBatch batch = new RopBatch();
    RopBatch.Ticket<Integer> sort = batch.add(Rops.sortTable(0, 1, List.of(Rops.SortOrder.ascending(0x0037001F))));
    RopResults results = batch.decode(responseBuffer(SpecFixtures.hex("ms-oxctabl/4.3.2-sorttable-response.hex")));
    assertThat(results.get(sort)).isEqualTo(0x00);
  }

  @Test
  void setColumnsAndQueryRowsResponsesOfTheRulesTable() throws Exception {
    int[] columns = {0x66740014, 0x66750102, 0x6682001F};
    RopBatch batch = new RopBatch();
    RopBatch.Ticket<Integer> setColumns = batch.add(Rops.setColumns(0, 1, columns));
    RopBatch.Ticket<Rops.Rows> query = batch.add(Rops.queryRows(0, 1, 10, columns));
    RopResults results = batch.decode(responseBuffer(
        SpecFixtures.hex("ms-oxorule/4.2.2-setcolumns-response.hex"), SpecFixtures.hex("ms-oxorule/4.2.2-queryrows-response.hex")));
    assertThat(results.get(setColumns)).isZero();
    Rops.Rows rows = results.get(query);
    assertThat(rows.origin()).isEqualTo(Rops.BOOKMARK_END);
    assertThat(rows.rows()).hasSize(1);
    List<PropertyValue> row = rows.rows().get(0);
    assertThat(row.get(0)).isEqualTo(new PropertyValue(0x66740014, 0x56F83F0100000001L));
    assertThat(HexFormat.of().formatHex(row.get(1).asBytes())).isEqualTo("0100000001000000555555 55d144e340".replace(" ", ""));
    assertThat(row.get(2).asString()).isEqualTo("Project X");
  }

  @Test
  void failedRopsEndAtTheirReturnValueAndBufferTooSmallEndsTheList() throws Exception {
    RopBatch batch = new RopBatch();
    RopBatch.Ticket<Rops.OpenFolderResponse> open = batch.add(Rops.openFolder(0, 0, 1, 42));
    RopBatch.Ticket<Rops.TableOpened> table = batch.add(Rops.getContentsTable(0, 1, 2, 0));
    byte[] failed = {0x02, 0x01, 0x0F, 0x01, 0x04, (byte) 0x80};
    byte[] tooSmall = {(byte) 0xFF, 0x10, 0x00, 0x05, 0x00, 0x00, 0x01, 0x02};
    RopResults results = batch.decode(responseBuffer(failed, tooSmall));
    assertThat(results.returnValue(open)).isEqualTo(ErrorCodes.NOT_FOUND);
    assertThatThrownBy(() -> results.get(open)).isInstanceOf(RopFailedException.class).hasMessageContaining("0x8004010F");
    assertThat(results.unanswered(table)).isTrue();
  }

  @Test
  void lyingSizesAreWireErrors() {
    RopBatch batch = new RopBatch();
    batch.add(Rops.queryRows(0, 0, 10, new int[] {0x0037001F}));
    byte[] response = SpecFixtures.hex("ms-oxorule/4.2.2-queryrows-response.hex");
    byte[] buffer = responseBuffer(response);
    buffer[0] = (byte) (buffer[0] + 40);
    assertThatThrownBy(() -> batch.decode(buffer)).isInstanceOf(io.convene.mapiclient.wire.MapiWireException.class);
    assertThatThrownBy(() -> batch.decode(new byte[] {1})).isInstanceOf(io.convene.mapiclient.wire.MapiWireException.class);
  }

  @Test
  void restrictionsFollowTheRopForm() {
    Restriction restriction = new Restriction.And(List.of(
        new Restriction.Exist(0x0037001F),
        new Restriction.Content(Restriction.FL_SUBSTRING, Restriction.FL_IGNORECASE, new PropertyValue(0x0037001F, "a")),
        new Restriction.Property(Restriction.RELOP_EQ, new PropertyValue(0x0E170003, 1))));
    // And, count 2 bytes; Exist; Content: levels, tag, tagged value; Property: relop, tag, tagged value
    assertThat(HexFormat.of().formatHex(restriction.encode())).isEqualTo(
        "00" + "0300" + "08" + "1f003700" + "03" + "0100" + "0100" + "1f003700" + "1f003700" + "61000000"
            + "04" + "04" + "0300170e" + "0300170e" + "01000000");
  }

  /** RopSize, the given ROP responses, then a handle table of the given handles. */
  static byte[] responseBuffer(byte[]... responsesThenNothing) {
    return responseBuffer(responsesThenNothing, new int[] {0xFFFFFFFF});
  }

  static byte[] responseBuffer(byte[] response, int handle) {
    return responseBuffer(new byte[][] {response}, new int[] {handle});
  }

  private static byte[] responseBuffer(byte[][] responses, int[] handles) {
    WireWriter list = new WireWriter();
    for (byte[] response : responses) {
      list.bytes(response);
    }
    WireWriter out = new WireWriter().u16(list.size() + 2).bytes(list.toByteArray());
    for (int handle : handles) {
      out.i32(handle);
    }
    return out.toByteArray();
  }
}
