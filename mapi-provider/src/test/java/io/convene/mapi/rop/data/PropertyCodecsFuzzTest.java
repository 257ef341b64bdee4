package io.convene.mapi.rop.data;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.folder.FolderRops;
import io.convene.mapi.rop.message.MessageRops;
import io.convene.mapi.rop.notify.NotifyRops;
import io.convene.mapi.rop.property.PropertyRops;
import io.convene.mapi.rop.store.LogonResponse;
import io.convene.mapi.rop.store.StoreRops;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Fuzzes engineer G's decoders: the request decoders of the store, folder, property, message and
 * notification ROPs, and the MS-OXCDATA property structures. Any input decodes or fails with
 * {@link WireFormatException}, never another exception. Seeds (the spec fixtures, in whole):
 * {@code src/test/resources/io/convene/mapi/rop/data/PropertyCodecsFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='PropertyCodecsFuzzTest#decodeArbitraryBytes'
 * </pre>
 */
class PropertyCodecsFuzzTest {

  private static final RopRegistry REGISTRY = RopRegistry.builder()
      .add(new StoreRops(null, dn -> OptionalLong.empty(), Clock.systemUTC()))
      .add(new FolderRops())
      .add(new PropertyRops())
      .add(new MessageRops())
      .add(new NotifyRops())
      .build();

  private static final PropertyLimits LIMITS = new PropertyLimits(64, 512);

  @FuzzTest(maxDuration = "5m")
  void decodeArbitraryBytes(FuzzedDataProvider data) {
    int mode = data.consumeInt(0, 4);
    byte[] bytes = data.consumeRemainingAsBytes();
    LittleEndianReader in = new LittleEndianReader(bytes);
    try {
      switch (mode) {
        case 0 -> {
          RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
          Optional<RopDefinition<?>> definition = REGISTRY.find(header.ropId());
          if (definition.isPresent()) {
            definition.get().decoder().decode(header, in);
          }
        }
        case 1 -> {
          while (in.hasRemaining()) {
            TaggedPropertyValue.read(in, LIMITS);
          }
        }
        case 2 -> {
          int[] columns = PropertyTagArray.read(in, LIMITS);
          PropertyRow.read(in, columns, LIMITS);
        }
        case 3 -> {
          while (in.hasRemaining()) {
            PropertyName.read(in);
          }
        }
        default -> LogonResponse.read(in);
      }
    } catch (WireFormatException expected) {
      // a clear decoding error, as the engine maps to ecRpcFormat
    }
  }
}
