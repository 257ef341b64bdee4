package io.convene.mapi.rop.store;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.folder.DeleteFolderResponse;
import java.util.List;

/**
 * Fuzzes the response decoders added for receive folders and DeleteFolder (as a test client uses
 * them): any input decodes or fails with a {@link WireFormatException}, never another exception,
 * and a decoded GetReceiveFolder or DeleteFolder response re-encodes to the bytes it was read
 * from. A selector consumed from the input picks the decoder.
 * Seeds: {@code src/test/resources/io/convene/mapi/rop/store/StoreResponsesFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='StoreResponsesFuzzTest#decodeArbitraryBytes'
 * </pre>
 */
class StoreResponsesFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void decodeArbitraryBytes(FuzzedDataProvider data) {
    int selector = data.consumeInt(0, 2);
    byte[] bytes = data.consumeRemainingAsBytes();
    LittleEndianReader in = new LittleEndianReader(bytes);
    LittleEndianWriter out = new LittleEndianWriter();
    try {
      switch (selector) {
        case 0 -> ReceiveFolderResponses.ReceiveFolderResponse.read(in).write(out);
        case 1 -> ReceiveFolderResponses.writeTable(out, List.copyOf(ReceiveFolderResponses.readTable(in)));
        default -> DeleteFolderResponse.read(in).write(out);
      }
    } catch (WireFormatException e) {
      return;
    }
    // A table row may arrive flagged and is re-sent standard, so only the others compare bytes.
    byte[] read = java.util.Arrays.copyOf(bytes, in.position());
    if (selector != 1 && !java.util.Arrays.equals(read, out.toByteArray())) {
      throw new AssertionError("response " + selector + " does not re-encode to the bytes it was read from");
    }
  }
}
