package io.convene.mapiclient.rop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RopOpenMessage's OpenRecipientRows and RopReadRecipients (MS-OXCROPS 2.2.6.1.2, 2.2.6.6) with the
 * RecipientRow of MS-OXCDATA 2.8.3.2, against fixtures built field by field from the structure
 * tables (no specification example prints these bytes); each fixture's header lists its fields.
 */
class RecipientRowsTest {

  static final int[] COLUMNS = {0x39000003, 0x39FE001F, 0x5FFD0003};

  @Test
  void openMessageResponseWithToCcAndBcc() throws Exception {
    RopBatch batch = new RopBatch();
    RopBatch.Ticket<Rops.OpenMessageResponse> ticket = batch.add(Rops.openMessage(0, 0, batch.output(), 1, 2));
    byte[] response = SpecFixtures.hex("ms-oxcrops/2.2.6.1.2-ropopenmessage-response-recipients.hex");
    Rops.OpenMessageResponse opened = batch.decode(buffer(response, 9)).get(ticket);

    assertThat(opened.normalizedSubject()).isEqualTo("Hi");
    assertThat(opened.recipientCount()).isEqualTo(3);
    assertThat(opened.recipientColumns()).containsExactly(COLUMNS);
    List<RecipientRow> rows = opened.recipientRows();
    assertThat(rows).extracting(RecipientRow::recipientType).containsExactly(1, 2, 3);
    assertThat(rows).extracting(RecipientRow::codePageId).containsOnly(1200);
    assertThat(rows).extracting(RecipientRow::rowId).containsOnly(-1L);

    RecipientRow bob = rows.get(0);
    assertThat(bob.type()).isEqualTo(RecipientRow.TYPE_X500DN);
    assertThat(bob.x500dn()).isEqualTo("/o=C/cn=bob");
    assertThat(bob.displayType()).isZero();
    assertThat(bob.displayName()).isEqualTo("Bob");
    assertThat(bob.transmittableDisplayName()).isEqualTo("Bob"); // the S bit
    assertThat(bob.properties()).containsExactly(new PropertyValue(0x39000003, 0),
        new PropertyValue(0x39FE001F, "b@c"), new PropertyValue(0x5FFD0003, 1));

    RecipientRow eve = rows.get(1);
    assertThat(eve.type()).isEqualTo(RecipientRow.TYPE_SMTP);
    assertThat(eve.emailAddress()).isEqualTo("e@x");
    assertThat(eve.displayName()).isEqualTo("Eve");
    assertThat(eve.property(0x39000003)).isNull();
    assertThat(eve.property(0x3900000A).isError()).isTrue();
    assertThat(eve.property(0x39FE001F)).isEqualTo(new PropertyValue(0x39FE001F, "e@x"));

    RecipientRow zed = rows.get(2);
    assertThat(zed.type()).isEqualTo(RecipientRow.TYPE_NONE);
    assertThat(zed.addressType()).isEqualTo("X400");
    assertThat(zed.emailAddress()).isEqualTo("s=z");
    assertThat(zed.displayName()).isEqualTo("Zed");
  }

  @Test
  void readRecipientsRequestAndResponse() throws Exception {
    Rop<List<RecipientRow>> rop = Rops.readRecipients(0, 1, 1, COLUMNS);
    assertThat(rop.encodeRequest()).isEqualTo(SpecFixtures.hex("ms-oxcrops/2.2.6.6.1-ropreadrecipients-request.hex"));

    RopBatch batch = new RopBatch();
    RopBatch.Ticket<List<RecipientRow>> ticket = batch.add(rop);
    byte[] response = SpecFixtures.hex("ms-oxcrops/2.2.6.6.2-ropreadrecipients-response.hex");
    List<RecipientRow> rows = batch.decode(buffer(response, 9)).get(ticket);
    assertThat(rows).extracting(RecipientRow::rowId).containsExactly(1L, 2L);
    assertThat(rows).extracting(RecipientRow::recipientType).containsExactly(2, 3);
    assertThat(rows).extracting(RecipientRow::displayName).containsExactly("Eve", "Zed");
  }

  @Test
  void aRowSizeThatDisagreesWithTheRowIsRefused() {
    // OpenRecipientRow declaring 14 bytes around the 13-byte RecipientRow: NoType, D, U, "A", one column
    byte[] bytes = new WireWriter().u8(1).u16(1200).u16(0).u16(14)
        .u16(0x0210).utf16z("A").u16(1).u8(0).utf16z("A").u8(0x55).toByteArray();
    assertThatThrownBy(() -> RecipientRow.readOpenRow(new io.convene.mapiclient.wire.WireReader(bytes), new int[] {0x3001001F}))
        .isInstanceOf(MapiWireException.class)
        .hasMessageContaining("RecipientRowSize 14");
  }

  private static byte[] buffer(byte[] response, int... handles) {
    WireWriter out = new WireWriter().u16(response.length + 2).bytes(response);
    for (int handle : handles) {
      out.i32(handle);
    }
    return out.toByteArray();
  }
}
