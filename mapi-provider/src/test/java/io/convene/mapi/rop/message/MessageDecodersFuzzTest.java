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
import io.convene.mapi.rop.data.PropertyLimits;

/**
 * Fuzzes the request decoders of the message ROPs (OpenMessage, SaveChangesMessage,
 * GetValidAttachments, ReadRecipients) and the RecipientRow decoder: any input decodes or fails
 * with a {@link WireFormatException}, never another exception, and a decoded SaveChangesMessage
 * re-encodes to the bytes it came from. The first byte picks the decoder. Seeds:
 * {@code src/test/resources/io/convene/mapi/rop/message/MessageDecodersFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='MessageDecodersFuzzTest#decodeArbitraryBytes'
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='MessageDecodersFuzzTest#decodeRecipientRows'
 * </pre>
 */
class MessageDecodersFuzzTest {

  private static final int[] ROP_IDS = {
    MessageRops.OPEN_MESSAGE, MessageRops.GET_VALID_ATTACHMENTS, MessageRops.SAVE_CHANGES_MESSAGE,
    ReadRecipients.ROP_ID};
  /** Column types a RecipientColumns list may name, PtypUnspecified and multi-valued ones included. */
  private static final int[] COLUMN_TYPES = {0x0003, 0x001F, 0x001E, 0x0102, 0x000B, 0x0040, 0x0000, 0x101F, 0x0048};
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

  /**
   * RecipientRow (MS-OXCDATA 2.8.3.2) under up to eight RecipientColumns: decodes or fails with a
   * {@link WireFormatException}; a decoded row re-encodes to bytes that decode to the same row.
   */
  @FuzzTest(maxDuration = "2m")
  void decodeRecipientRows(FuzzedDataProvider data) throws WireFormatException {
    int[] columns = new int[data.consumeInt(0, 8)];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = (0x3A00 + i) << 16 | COLUMN_TYPES[data.consumeInt(0, COLUMN_TYPES.length - 1)];
    }
    byte[] bytes = data.consumeRemainingAsBytes();
    RecipientRow row;
    try {
      row = RecipientRow.read(new LittleEndianReader(bytes), columns, PropertyLimits.ROP);
    } catch (WireFormatException expected) {
      return; // a clean decoding error
    }
    byte[] encoded = row.encode(columns);
    assertThat(encoded.length).isLessThanOrEqualTo(bytes.length);
    byte[] again = RecipientRow.read(new LittleEndianReader(encoded), columns, PropertyLimits.ROP).encode(columns);
    assertThat(again).isEqualTo(encoded);
  }
}
