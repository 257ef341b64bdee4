package io.convene.mapi.rop.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.store.StoreRequests.LogonRequest;
import io.convene.mapi.testing.SpecFixtures;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MsOxcstorExamplesTest {

  @Test
  void logonRequestDecodesToItsFieldsAndEncodesBack() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcstor/2.2.1.1.1-roplogon-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("OutputHandleIndex"));
    LogonRequest request = LogonRequest.decode(header, in);

    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header()).isEqualTo(new RopHeader(0xFE, 0, 0));
    assertThat(request.isPrivate()).isTrue();
    assertThat(request.openFlags()).isEqualTo(0x01000404L);
    assertThat(request.storeState()).isZero();
    assertThat(request.essdn()).isEqualTo("/o=Convene/cn=Recipients/cn=alice");

    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void privateLogonResponseDecodesToItsFieldsAndEncodesBack() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcstor/2.2.1.1.3-roplogon-private-response.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    assertThat(in.u8("RopId")).isEqualTo(0xFE);
    assertThat(in.u8("OutputHandleIndex")).isZero();
    assertThat(in.u32("ReturnValue")).isZero();
    LogonResponse response = LogonResponse.read(in);

    assertThat(in.hasRemaining()).isFalse();
    assertThat(response.logonFlags()).isEqualTo(1);
    for (int i = 0; i < 13; i++) {
      // 01 00 | 00 00 00 00 00 i+1: replica 1, counter i+1 as the little-endian long of those bytes.
      assertThat(response.folderIds()[i]).isEqualTo(1L | (long) (i + 1) << 56);
    }
    assertThat(response.responseFlags()).isEqualTo(0x07);
    UUID guid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    assertThat(response.mailboxGuid()).isEqualTo(guid);
    assertThat(response.replId()).isEqualTo(1);
    assertThat(response.replGuid()).isEqualTo(guid);
    assertThat(response.logonTime()).isEqualTo(ZonedDateTime.of(2026, 11, 27, 9, 33, 0, 0, ZoneOffset.UTC));
    assertThat(response.logonTime().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(response.gwartTime()).isZero();
    assertThat(response.storeState()).isZero();

    LittleEndianWriter out = new LittleEndianWriter();
    out.u8(0xFE).u8(0).u32(0);
    response.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void getReceiveFolderRequestAndResponseDecodeAndEncodeBack() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcstor/2.2.1.2-ropgetreceivefolder.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    StoreRequests.GetReceiveFolderRequest request = StoreRequests.GetReceiveFolderRequest.decode(header, in);
    assertThat(request.header()).isEqualTo(new RopHeader(0x27, 0, 0));
    assertThat(request.messageClass()).isEqualTo("IPM.Note");
    assertThat(in.u8("RopId")).isEqualTo(0x27);
    assertThat(in.u8("InputHandleIndex")).isZero();
    assertThat(in.u32("ReturnValue")).isZero();
    ReceiveFolderResponses.ReceiveFolderResponse response = ReceiveFolderResponses.ReceiveFolderResponse.read(in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(io.convene.api.store.FolderId.fromLong(response.folderId()))
        .isEqualTo(io.convene.api.store.FolderId.of(1, 0x0E8EDF36L));
    assertThat(response.explicitMessageClass()).isEqualTo("IPM");

    LittleEndianWriter out = new LittleEndianWriter();
    out.u8(0x27).u8(0).u8(0).asciiz(request.messageClass());
    out.u8(0x27).u8(0).u32(0);
    response.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void getReceiveFolderTableResponseDecodesToItsRowAndEncodesBack() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcstor/2.2.1.4.2-ropgetreceivefoldertable-response.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    in.skip(6, "RopId, InputHandleIndex, ReturnValue");
    java.util.List<ReceiveFolderResponses.Row> rows = ReceiveFolderResponses.readTable(in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(rows).containsExactly(new ReceiveFolderResponses.Row(
        io.convene.api.store.FolderId.of(1, 0x0E8EDF36L).toLong(), "IPM", java.time.Instant.parse("2026-11-27T09:33:00Z")));

    LittleEndianWriter out = new LittleEndianWriter();
    out.u8(0x68).u8(0).u32(0);
    ReceiveFolderResponses.writeTable(out, rows);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void getPerUserLongTermIdsRequestAndEmptyResponse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
      throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcstor/2.2.1.10-ropgetperuserlongtermids.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    StoreRequests.GetPerUserLongTermIdsRequest request = StoreRequests.GetPerUserLongTermIdsRequest.decode(header, in);
    assertThat(request.databaseGuid()).isEqualTo(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
    byte[] response = in.rest();

    // The handler's answer on a real private logon is these response bytes exactly.
    try (io.convene.mapi.rop.objects.TestStore store = new io.convene.mapi.rop.objects.TestStore(directory, 21)) {
      io.convene.mapi.rop.objects.TestSession session = new io.convene.mapi.rop.objects.TestSession(store.store(), 21);
      LittleEndianReader answer = session.run(java.util.Arrays.copyOf(bytes, bytes.length - response.length));
      assertThat(answer.rest()).isEqualTo(response);
    }
  }
}
