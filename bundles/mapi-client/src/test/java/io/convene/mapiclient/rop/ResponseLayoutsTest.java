package io.convene.mapiclient.rop;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapiclient.wire.WireWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Success responses without a byte example in the specifications, laid out field by field from the
 * response tables (MS-OXCROPS 2.2.3.1.2 RopLogon private, 2.2.4.1.2 RopOpenFolder, 2.2.6.1.2
 * RopOpenMessage, 2.2.8.3.2 RopGetPropertiesSpecific with a FlaggedPropertyRow of MS-OXCDATA 2.8.1.2).
 */
class ResponseLayoutsTest {

  @Test
  void logonOfAPrivateMailbox() throws Exception {
    WireWriter response = new WireWriter().u8(0xFE).u8(0).i32(0).u8(0x01);
    for (int i = 1; i <= 13; i++) {
      response.i64(0x0100_0000_0000_0000L * i + 1); // ReplicaId 1, counter i, as LE bytes 01 00 .. i
    }
    byte[] guid = new byte[16];
    guid[0] = 0x33;
    response.u8(0x07).bytes(guid).u16(1).bytes(guid).bytes(new byte[] {0, 33, 9, 5, 27, 11, (byte) 0xEA, 0x07}).i64(0).i32(0);
    RopBatch batch = new RopBatch();
    int slot = batch.output();
    RopBatch.Ticket<Rops.LogonResponse> logon = batch.add(Rops.logon(0, slot, Rops.OPEN_FLAGS_HOME, "/o=Convene/cn=Recipients/cn=a"));
    RopResults results = batch.decode(buffer(response.toByteArray(), 0x11));
    Rops.LogonResponse decoded = results.get(logon);
    assertThat(decoded.folderIds()).hasSize(13);
    assertThat(decoded.folderIds()[Rops.LogonResponse.IPM_SUBTREE]).isEqualTo(0x0100_0000_0000_0000L * 4 + 1);
    assertThat(decoded.responseFlags()).isEqualTo(7);
    assertThat(decoded.replId()).isEqualTo(1);
    assertThat(decoded.logonTime()[6] & 0xFF | (decoded.logonTime()[7] & 0xFF) << 8).isEqualTo(2026);
    assertThat(results.handle(slot)).isEqualTo(0x11);
  }

  @Test
  void logonRequestCarriesTheEssdnWithItsNul() {
    byte[] request = Rops.logon(0, 0, Rops.OPEN_FLAGS_HOME, "/o=x").encodeRequest();
    // RopId, LogonId, OutputHandleIndex, LogonFlags (Private), OpenFlags 0x0100040C, StoreState, EssdnSize, Essdn
    assertThat(request).containsExactly(0xFE, 0, 0, 0x01, 0x0C, 0x04, 0x00, 0x01, 0, 0, 0, 0, 5, 0, '/', 'o', '=', 'x', 0);
  }

  @Test
  void openFolderThenOpenMessageThenFlaggedProperties() throws Exception {
    int[] tags = {0x0037001F, 0x00170003, 0x3A16001F};
    WireWriter list = new WireWriter()
        // RopOpenFolder: HasRules 0, IsGhosted 0
        .u8(0x02).u8(1).i32(0).u8(0).u8(0)
        // RopOpenMessage: HasNamedProperties, SubjectPrefix (none), NormalizedSubject (Unicode), RecipientCount,
        // ColumnCount, RecipientColumns, RowCount, one OpenRecipientRow (To, code page 1252, Reserved, size 13) whose
        // RecipientRow (MS-OXCDATA 2.8.3.2) has RecipientFlags 0x0210 (NoType, D, U), DisplayName "A",
        // RecipientColumnCount 1 and a StandardPropertyRow with "A"
        .u8(0x03).u8(2).i32(0).u8(1).u8(0x00).u8(0x04).utf16z("Hi").u16(1).u16(1).i32(0x3001001F).u8(1)
        .u8(0x01).u16(0x04E4).u16(0).u16(13).u16(0x0210).utf16z("A").u16(1).u8(0).utf16z("A")
        // RopGetPropertiesSpecific: FlaggedPropertyRow: value, error, absent
        .u8(0x07).u8(2).i32(0).u8(0x01).u8(0x00).utf16z("Hi").u8(0x0A).i32(0x8004010F).u8(0x01);
    RopBatch batch = new RopBatch();
    RopBatch.Ticket<Rops.OpenFolderResponse> folder = batch.add(Rops.openFolder(0, 0, 1, 5));
    RopBatch.Ticket<Rops.OpenMessageResponse> message = batch.add(Rops.openMessage(0, 1, 2, 5, 6));
    RopBatch.Ticket<List<PropertyValue>> values = batch.add(Rops.getPropertiesSpecific(0, 2, tags));
    RopResults results = batch.decode(buffer(list.toByteArray(), 1, 2, 3));
    assertThat(results.get(folder).ghosted()).isFalse();
    Rops.OpenMessageResponse opened = results.get(message);
    assertThat(opened.subjectPrefix()).isNull();
    assertThat(opened.normalizedSubject()).isEqualTo("Hi");
    assertThat(opened.recipientColumns()).containsExactly(0x3001001F);
    assertThat(opened.recipientRowCount()).isEqualTo(1);
    RecipientRow recipient = opened.recipientRows().get(0);
    assertThat(recipient.recipientType()).isEqualTo(1);
    assertThat(recipient.codePageId()).isEqualTo(0x04E4);
    assertThat(recipient.type()).isEqualTo(RecipientRow.TYPE_NONE);
    assertThat(recipient.displayName()).isEqualTo("A");
    assertThat(recipient.properties()).containsExactly(new PropertyValue(0x3001001F, "A"));
    List<PropertyValue> row = results.get(values);
    assertThat(row.get(0)).isEqualTo(new PropertyValue(0x0037001F, "Hi"));
    assertThat(row.get(1)).isEqualTo(new PropertyValue(0x0017000A, new PropertyValue.ErrorValue(0x8004010F)));
    assertThat(row.get(2).isError()).isTrue();
  }

  private static byte[] buffer(byte[] responses, int... handles) {
    WireWriter out = new WireWriter().u16(responses.length + 2).bytes(responses);
    for (int handle : handles) {
      out.i32(handle);
    }
    return out.toByteArray();
  }
}
