package io.convene.mapi.rop.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.api.store.query.Restriction;
import io.convene.api.store.query.SortOrderSet;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.data.RestrictionCodec;
import io.convene.mapi.rop.data.RestrictionLimits;
import io.convene.mapi.rop.data.SortOrderSetCodec;
import io.convene.mapi.rop.permission.PermissionMembers;
import io.convene.mapi.rop.permission.PermissionRops;
import java.util.Optional;

/**
 * Fuzzes the decoders of this work: restrictions (ROP and extended count widths), sort order
 * sets, and the request decoders of every table and permission ROP. Any input decodes or fails
 * with a {@link WireFormatException}, never another exception; what decodes re-encodes to a tree
 * whose encoding is stable. A selector consumed from the input picks the decoder. Seeds:
 * {@code src/test/resources/io/convene/mapi/rop/table/TableDecodersFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='TableDecodersFuzzTest#decodeArbitraryBytes' -Dmapi.build.directory=target-h
 * </pre>
 */
class TableDecodersFuzzTest {

  private static final RestrictionLimits LIMITS = new RestrictionLimits(16, 256);
  private static final RestrictionCodec ROP = RestrictionCodec.forRops(LIMITS);
  private static final RestrictionCodec EXTENDED =
      new RestrictionCodec(RestrictionCodec.ROP_VALUES, LIMITS, RestrictionCodec.CountWidth.EXTENDED);
  private static final SortOrderSetCodec SORTS = new SortOrderSetCodec(64);
  private static final int[] ROP_IDS = {
    0x04, 0x05, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x34, 0x37, 0x3E, 0x40,
    0x4F, 0x59, 0x5A, 0x6B, 0x6C, 0x81, 0x89
  };
  private static final RopRegistry REGISTRY =
      RopRegistry.builder()
          .add(new TableRops(LIMITS))
          .add(new PermissionRops(new PermissionMembers() {
            @Override
            public Optional<String> name(long memberId) {
              return Optional.empty();
            }

            @Override
            public Optional<String> distinguishedName(long memberId) {
              return Optional.empty();
            }

            @Override
            public Optional<Long> byDistinguishedName(String dn) {
              return Optional.empty();
            }
          }))
          .build();

  @FuzzTest(maxDuration = "5m")
  void decodeArbitraryBytes(FuzzedDataProvider data) {
    int selector = data.consumeInt(0, ROP_IDS.length + 2);
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      if (selector == 0 || selector == 1) {
        RestrictionCodec codec = selector == 0 ? ROP : EXTENDED;
        Restriction restriction = codec.decode(new LittleEndianReader(bytes));
        // strings cross unit by unit, so even an unpaired surrogate (seed lone-surrogate-string)
        // comes back as it was decoded
        assertThat(codec.decodeAll(codec.encode(restriction))).isEqualTo(restriction);
      } else if (selector == 2) {
        SortOrderSet set = SORTS.decode(new LittleEndianReader(bytes));
        LittleEndianWriter out = new LittleEndianWriter();
        SORTS.encode(set, out);
        assertThat(SORTS.decode(new LittleEndianReader(out.toByteArray()))).isEqualTo(set);
      } else {
        int ropId = ROP_IDS[selector - 3];
        RopDefinition<?> definition = REGISTRY.find(ropId).orElseThrow();
        LittleEndianReader in = new LittleEndianReader(bytes);
        assertThat(definition.decoder().decode(new RopHeader(ropId, 0, 0), in)).isNotNull();
      }
    } catch (WireFormatException expected) {
      // a clean decoding error
    }
  }
}
