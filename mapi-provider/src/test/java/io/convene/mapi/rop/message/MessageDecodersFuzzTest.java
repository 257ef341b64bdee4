package io.convene.mapi.rop.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRegistry;

/**
 * Fuzzes the request decoders of the message ROPs (OpenMessage, SaveChangesMessage,
 * GetValidAttachments): any input decodes or fails with a {@link WireFormatException}, never
 * another exception, and a decoded SaveChangesMessage re-encodes to the bytes it came from. The
 * first byte picks the decoder. Seeds:
 * {@code src/test/resources/io/convene/mapi/rop/message/MessageDecodersFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='MessageDecodersFuzzTest#decodeArbitraryBytes'
 * </pre>
 */
class MessageDecodersFuzzTest {

  private static final int[] ROP_IDS = {
    MessageRops.OPEN_MESSAGE, MessageRops.GET_VALID_ATTACHMENTS, MessageRops.SAVE_CHANGES_MESSAGE};
  private static final RopRegistry REGISTRY = RopRegistry.builder().add(new MessageRops()).build();

  @FuzzTest(maxDuration = "2m")
  void decodeArbitraryBytes(FuzzedDataProvider data) {
    int ropId = ROP_IDS[data.consumeInt(0, ROP_IDS.length - 1)];
    int third = data.consumeInt(0, 0xFF);
    byte[] bytes = data.consumeRemainingAsBytes();
    RopDefinition<?> definition = REGISTRY.find(ropId).orElseThrow();
    LittleEndianReader in = new LittleEndianReader(bytes);
    try {
      Object request = definition.decoder().decode(new RopHeader(ropId, 0, third), in);
      assertThat(request).isNotNull();
      if (request instanceof SaveChangesMessage.Request save) {
        LittleEndianWriter out = new LittleEndianWriter();
        save.write(out);
        byte[] encoded = out.toByteArray();
        assertThat(encoded[2] & 0xFF).isEqualTo(third);
        assertThat(java.util.Arrays.copyOfRange(encoded, 3, 5)).isEqualTo(java.util.Arrays.copyOf(bytes, 2));
      }
    } catch (WireFormatException expected) {
      // a clean decoding error
    }
  }
}
