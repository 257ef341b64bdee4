package io.convene.mapi.rop.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.message.MessageRops.OpenMessageRequest;
import io.convene.mapi.testing.SpecFixtures;
import org.junit.jupiter.api.Test;

class MsOxcmsgExamplesTest {

  @Test
  void openMessageRequestBuiltFromTheTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcmsg/2.2.3.1.1-ropopenmessage-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    OpenMessageRequest request =
        OpenMessageRequest.decode(new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex")), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header()).isEqualTo(new RopHeader(0x03, 0, 0));
    assertThat(request.outputHandleIndex()).isEqualTo(1);
    assertThat(request.codePageId()).isEqualTo(0x0FFF);
    assertThat(FolderId.fromLong(request.folderId())).isEqualTo(FolderId.of(1, 0x0E8EDF36L));
    assertThat(request.openModeFlags()).isEqualTo(3);
    assertThat(MessageId.fromLong(request.messageId())).isEqualTo(MessageId.of(1, 0x0E915212L));
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void saveChangesMessageRequestOfSection481() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcmsg/4.8.1-ropsavechangesmessage-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    SaveChangesMessage.Request request = SaveChangesMessage.Request.decode(
        new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("ResponseHandleIndex")), in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header()).isEqualTo(new RopHeader(0x0C, 0, 1)); // the message is the input
    assertThat(request.responseHandleIndex()).isZero();
    assertThat(request.saveFlags()).isEqualTo(0x0A);
    assertThat(request.keepWritable()).isTrue();
    assertThat(request.force()).isFalse();
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void saveChangesMessageResponseBuiltFromTheTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcmsg/2.2.3.3.2-ropsavechangesmessage-response.hex");
    LittleEndianWriter out = new LittleEndianWriter();
    SaveChangesMessage.writeResponse(out, 0, 1, MessageId.of(1, 0x0E915212L).toLong());
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }
}
