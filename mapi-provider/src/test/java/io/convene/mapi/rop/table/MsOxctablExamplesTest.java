package io.convene.mapi.rop.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.table.TableRequests.QueryRowsRequest;
import io.convene.mapi.rop.table.TableRequests.RestrictRequest;
import io.convene.mapi.rop.table.TableRequests.SetColumnsRequest;
import io.convene.mapi.rop.table.TableRequests.SortTableRequest;
import io.convene.mapi.rop.table.TableResponses.QueryRowsResponse;
import io.convene.mapi.rop.table.TableResponses.TableStatusResponse;
import io.convene.mapi.testing.SpecFixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The table ROP buffers of MS-OXCTABL section 4 and MS-OXORULE 4.2.2 (byte examples), and the
 * request layouts built field by field from MS-OXCROPS 2.2.5 where no example could be had (each
 * fixture's header says which): every one decodes to its documented fields and encodes back to
 * the same bytes.
 */
class MsOxctablExamplesTest {

  private static RopHeader header(LittleEndianReader in) throws Exception {
    return new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
  }

  @Test
  void queryRowsRequestOfSection4531() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxctabl/4.5.3.1-queryrows-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    QueryRowsRequest request = QueryRowsRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header()).isEqualTo(new RopHeader(TableRopIds.QUERY_ROWS, 0, 0));
    assertThat(request.noAdvance()).isFalse();
    assertThat(request.forwardRead()).isTrue();
    assertThat(request.rowCount()).isEqualTo(50);
    assertThat(request.encode()).isEqualTo(bytes);
  }

  @Test
  void sortTableResponseOfSection432() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxctabl/4.3.2-sorttable-response.hex");
    TableStatusResponse response = TableStatusResponse.read(new LittleEndianReader(bytes), TableRopIds.SORT_TABLE);
    assertThat(response).isEqualTo(new TableStatusResponse(TableRopIds.SORT_TABLE, 1, TableStatus.COMPLETE));
    LittleEndianWriter out = new LittleEndianWriter();
    response.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void setColumnsAndQueryRowsResponsesOfMsOxorule422() throws Exception {
    byte[] setColumns = SpecFixtures.hex("ms-oxorule/4.2.2-setcolumns-response.hex");
    TableStatusResponse status = TableStatusResponse.read(new LittleEndianReader(setColumns), TableRopIds.SET_COLUMNS);
    assertThat(status).isEqualTo(new TableStatusResponse(TableRopIds.SET_COLUMNS, 1, TableStatus.COMPLETE));
    LittleEndianWriter out = new LittleEndianWriter();
    status.write(out);
    assertThat(out.toByteArray()).isEqualTo(setColumns);

    byte[] queryRows = SpecFixtures.hex("ms-oxorule/4.2.2-queryrows-response.hex");
    QueryRowsResponse rows = QueryRowsResponse.read(new LittleEndianReader(queryRows));
    assertThat(rows.inputHandleIndex()).isEqualTo(1);
    assertThat(rows.origin()).isEqualTo(Bookmarks.END);
    assertThat(rows.rowCount()).isEqualTo(1);
    assertThat(rows.rowData()).hasSize(queryRows.length - QueryRowsResponse.HEADER_SIZE);
    assertThat(rows.rowData()[0]).as("StandardPropertyRow flag").isEqualTo((byte) 0);
    out = new LittleEndianWriter();
    rows.write(out);
    assertThat(out.toByteArray()).isEqualTo(queryRows);
  }

  @Test
  void setColumnsRequestFromTheFieldTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxctabl/2.2.2.2-setcolumns-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    SetColumnsRequest request = SetColumnsRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header().inputHandleIndex()).isEqualTo(1);
    assertThat(request.flags()).isZero();
    assertThat(request.propertyTags()).containsExactly(0x674A0014, 0x0037001F, 0x0E060040);
    assertThat(request.encode()).isEqualTo(bytes);
  }

  @Test
  void sortTableRequestFromTheFieldTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxctabl/2.2.2.3-sorttable-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    SortTableRequest request = SortTableRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.flags()).isZero();
    assertThat(request.sortOrderSet()).isEqualTo(Arrays.copyOfRange(bytes, 4, bytes.length));
    assertThat(request.encode()).isEqualTo(bytes);
  }

  @Test
  void restrictRequestFromTheFieldTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxctabl/2.2.2.4-restrict-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RestrictRequest request = RestrictRequest.decode(header(in), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.restrictionData()).hasSize(0x1B);
    assertThat(request.encode()).isEqualTo(bytes);
  }
}
