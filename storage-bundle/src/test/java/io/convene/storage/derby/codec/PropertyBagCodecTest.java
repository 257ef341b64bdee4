package io.convene.storage.derby.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.FileTimes;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PropertyBagCodecTest {

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
  private static final PropertyBagCodec CODEC = new PropertyBagCodec();
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  private static final PropTag FLAGS = PropTag.of(0x0E07, PropType.PT_LONG);

  @Test
  void layoutIsAsDocumented() {
    byte[] encoded =
        CODEC.encode(List.of(PropValue.ofInt(FLAGS, 5), PropValue.ofString(SUBJECT, "Hi")));
    assertThat(HEX.formatHex(encoded))
        .isEqualTo(
            "01 02" // version, count
                + " 1F 00 37 00 04 48 69" // 0x0037001F, (2 << 1 | UTF-8), "Hi"
                + " 03 00 07 0E 05 00 00 00"); // 0x0E070003, 5
    assertThat(HEX.formatHex(CODEC.encode(List.of()))).isEqualTo("01 00");
  }

  @Test
  void roundTripsEveryTypeWithEdgeValues() {
    List<PropValue> bag = new ArrayList<>();
    int id = 0x1000;
    for (Object[] row : edgeValues()) {
      bag.add(PropValue.of(PropTag.of(id++, (PropType) row[0]), row[1]));
    }
    for (PropValue value : bag) {
      assertThat(CODEC.decode(CODEC.encode(List.of(value)))).as("%s", value).containsExactly(value);
    }
    assertThat(CODEC.decode(CODEC.encode(bag))).containsExactlyElementsOf(bag);
    assertThat(bag.stream().map(PropValue::type).distinct())
        .containsExactlyInAnyOrderElementsOf(RandomBags.STORABLE);
  }

  private static List<Object[]> edgeValues() {
    return List.of(
        new Object[] {PropType.PT_I2, Short.MIN_VALUE},
        new Object[] {PropType.PT_LONG, Integer.MAX_VALUE},
        new Object[] {PropType.PT_ERROR, 0x8004010F},
        new Object[] {PropType.PT_FLOAT, Float.NaN},
        new Object[] {PropType.PT_DOUBLE, Double.NEGATIVE_INFINITY},
        new Object[] {PropType.PT_CURRENCY, Long.MIN_VALUE},
        new Object[] {PropType.PT_APPTIME, -0.0},
        new Object[] {PropType.PT_BOOLEAN, true},
        new Object[] {PropType.PT_I8, Long.MAX_VALUE},
        new Object[] {PropType.PT_STRING8, ""},
        new Object[] {PropType.PT_UNICODE, "Grüße \uD83D\uDE00 日本"},
        new Object[] {PropType.PT_SYSTIME, FileTimes.MAX},
        new Object[] {PropType.PT_CLSID, UUID.fromString("00062002-0000-0000-C000-000000000046")},
        new Object[] {PropType.PT_SERVERID, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1}},
        new Object[] {PropType.PT_SRESTRICT, new byte[] {3, 0}},
        new Object[] {PropType.PT_ACTIONS, new byte[0]},
        new Object[] {PropType.PT_BINARY, new byte[0]},
        new Object[] {PropType.PT_MV_I2, List.of((short) 0, Short.MAX_VALUE)},
        new Object[] {PropType.PT_MV_LONG, List.of()},
        new Object[] {PropType.PT_MV_FLOAT, List.of(Float.POSITIVE_INFINITY, -0.0f)},
        new Object[] {PropType.PT_MV_DOUBLE, List.of(Double.NaN, Double.MIN_VALUE)},
        new Object[] {PropType.PT_MV_CURRENCY, List.of(1_0000L)},
        new Object[] {PropType.PT_MV_APPTIME, List.of(45_000.25)},
        new Object[] {PropType.PT_MV_I8, List.of(Long.MIN_VALUE, -1L)},
        new Object[] {PropType.PT_MV_STRING8, List.of("", "Latin-1 \u00FF")},
        new Object[] {PropType.PT_MV_UNICODE, List.of("\uD800", "x\uDC00", "", "\u0000")},
        new Object[] {PropType.PT_MV_SYSTIME, List.of(FileTimes.EPOCH, Instant.EPOCH)},
        new Object[] {PropType.PT_MV_CLSID, List.of(new UUID(-1, -1), new UUID(0, 0))},
        new Object[] {PropType.PT_MV_BINARY, List.of(new byte[0], new byte[] {-1})});
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "empty-bag, 0",
    "subject-and-flags, 2",
    "every-fixed-type, 11",
    "strings-and-binaries, 6",
    "multi-valued, 5"
  })
  void validFuzzSeedsDecode(String name, int count) throws IOException {
    String path = "PropertyBagCodecFuzzTestInputs/decodeArbitraryBytes/" + name;
    byte[] seed;
    try (InputStream in = getClass().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      seed = in.readAllBytes();
    }
    assertThat(CODEC.decode(seed)).hasSize(count);
    assertThat(CODEC.encode(CODEC.decode(seed))).isEqualTo(seed);
  }

  @Test
  void unpairedSurrogatesUseTheUtf16Form() {
    byte[] encoded = CODEC.encode(List.of(PropValue.ofString(SUBJECT, "a\uD800")));
    assertThat(HEX.formatHex(encoded)).isEqualTo("01 01 1F 00 37 00 09 61 00 00 D8");
    assertThat(CODEC.decode(encoded).get(0).asString()).isEqualTo("a\uD800");
  }

  @Test
  void aValidStringHoldingTheReplacementCharacterDecodes() {
    // U+FFFD is what a lenient UTF-8 decoder puts for bad bytes; as text it is valid and kept
    byte[] encoded = CODEC.encode(List.of(PropValue.ofString(SUBJECT, "a\uFFFDb")));
    assertThat(CODEC.decode(encoded).get(0).asString()).isEqualTo("a\uFFFDb");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void decodeOnlyGivesTheChosenValuesOfTheWholeDecode(long seed) {
    List<PropValue> bag = new RandomBags(seed).bag(40);
    byte[] encoded = CODEC.encode(bag);
    Random random = new Random(seed);
    int modulus = 1 + random.nextInt(4);
    java.util.function.IntPredicate chosen = id -> id % modulus == 0;
    assertThat(CODEC.decodeOnly(encoded, chosen)).as("seed %d", seed)
        .containsExactlyElementsOf(CODEC.decode(encoded).stream().filter(v -> chosen.test(v.tag().id())).toList());
    for (int i = 0; i < 40; i++) {
      byte[] prefix = Arrays.copyOf(encoded, random.nextInt(encoded.length));
      assertThatThrownBy(() -> CODEC.decodeOnly(prefix, chosen)).as("seed %d, prefix %d", seed, prefix.length)
          .isInstanceOf(PropertyBagFormatException.class);
    }
  }

  @Test
  void decodeOnlyChecksWhatItReturnsAndMeasuresWhatItSkips() {
    byte[] badUtf8 = HEX.parseHex("01 01 1F 00 37 00 04 C3 28");
    assertThat(CODEC.decodeOnly(badUtf8, id -> false)).isEmpty();
    assertThatThrownBy(() -> CODEC.decodeOnly(badUtf8, id -> true)).hasMessageContaining("invalid UTF-8");
    byte[] overlong = HEX.parseHex("01 01 1F 00 37 00 08 61");
    assertThatThrownBy(() -> CODEC.decodeOnly(overlong, id -> false)).isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("needs 4 bytes");
  }

  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomBagsRoundTrip(long seed) {
    List<PropValue> bag = new RandomBags(seed).bag(40);
    byte[] encoded = CODEC.encode(bag);
    List<PropValue> decoded = CODEC.decode(encoded);
    List<PropValue> sorted = new ArrayList<>(bag);
    sorted.sort(Comparator.comparingInt(v -> v.tag().id()));
    assertThat(decoded).as("seed %d", seed).containsExactlyElementsOf(sorted);
    assertThat(CODEC.encode(decoded)).as("seed %d re-encoded", seed).isEqualTo(encoded);
    // A strict prefix is truncated and must be refused with the typed exception.
    Random random = new Random(seed);
    for (int i = 0; i < 40; i++) {
      int cut = random.nextInt(encoded.length);
      byte[] prefix = Arrays.copyOf(encoded, cut);
      assertThatThrownBy(() -> CODEC.decode(prefix))
          .as("seed %d, prefix %d", seed, cut)
          .isInstanceOf(PropertyBagFormatException.class);
    }
  }

  @Test
  void rejectsMalformedInputWithTheTypedException() {
    // Each input is a near miss of a valid bag; the message says what is wrong.
    String[][] cases = {
      {"", "version"},
      {"02 00", "version 2"},
      {"01 01 03 00 07 0E 05 00 00", "needs 4 bytes"},
      {"01 01 99 00 07 0E 00", "unknown property type 0x0099"},
      {"01 01 01 00 07 0E", "not storable"},
      {"01 01 0D 00 07 0E", "not storable"},
      {"01 01 0B 00 07 0E 02", "boolean byte 2"},
      {"01 02 0B 00 07 0E 01 0B 00 07 0E 01", "ascending"},
      {"01 02 0B 00 08 0E 01 0B 00 07 0E 01", "ascending"},
      {"01 02 0B 00 07 0E 01 1F 00 07 0E 00", "ascending"},
      {"01 80 00", "not minimally encoded"},
      {"01 00 00", "after the last property"},
      {"01 01 02 01 07 0E FF FF FF FF 0F", "exceeds 2147483647"},
      {"01 01 02 01 07 0E FF FF FF FF 7F", "exceeds 2147483647"},
      {"01 01 02 01 07 0E FF FF FF FF FF 01", "longer than 5 bytes"},
      {"01 01 1F 00 37 00 04 C3 28", "invalid UTF-8"},
      {"01 01 1F 00 37 00 06 ED A0 80", "invalid UTF-8"},
      {"01 01 1F 00 37 00 04 C0 80", "invalid UTF-8"},
      {"01 01 1F 00 37 00 05 61 00", "UTF-16 form used"},
      {"01 01 1F 00 37 00 03 61", "odd UTF-16"},
      {"01 01 03 10 07 0E FF FF 03", "needs 4 bytes, 0 left"},
    };
    for (String[] c : cases) {
      byte[] input = HEX.parseHex(c[0]);
      assertThatThrownBy(() -> CODEC.decode(input))
          .as(c[0])
          .isInstanceOf(PropertyBagFormatException.class)
          .hasMessageContaining(c[1]);
    }
  }

  @Test
  void hugeClaimedLengthsFailWithoutAllocating() {
    // A binary claiming 2^31-1 bytes, a bag claiming 10,000 properties, an MV claiming 65,535.
    assertThatThrownBy(() -> CODEC.decode(HEX.parseHex("01 01 02 01 07 0E FF FF FF FF 07")))
        .isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("needs 2147483647 bytes");
    assertThatThrownBy(() -> CODEC.decode(HEX.parseHex("01 90 4E")))
        .isInstanceOf(PropertyBagFormatException.class);
    assertThatThrownBy(() -> CODEC.decode(HEX.parseHex("01 01 03 10 07 0E FF FF 03")))
        .isInstanceOf(PropertyBagFormatException.class);
  }

  @Test
  void limitsAreEnforcedOnDecodeAndEncode() {
    PropertyBagCodec small = new PropertyBagCodec(new CodecLimits(2, 64, 3));
    List<PropValue> three = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      three.add(PropValue.ofBoolean(PropTag.of(id, PropType.PT_BOOLEAN), true));
    }
    assertThatThrownBy(() -> small.encode(three))
        .isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("limit of 2");
    byte[] threeEncoded = CODEC.encode(three);
    assertThatThrownBy(() -> small.decode(threeEncoded))
        .isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("property count 3 exceeds 2");

    PropValue fourValues =
        PropValue.ofList(PropTag.of(1, PropType.PT_MV_LONG), List.of(1, 2, 3, 4));
    assertThatThrownBy(() -> small.encode(List.of(fourValues)))
        .isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("limit of 3");
    byte[] fourEncoded = CODEC.encode(List.of(fourValues));
    assertThatThrownBy(() -> small.decode(fourEncoded))
        .isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("value count 4 exceeds 3");

    PropValue big = PropValue.ofBytes(PropTag.of(1, PropType.PT_BINARY), new byte[60]);
    assertThatThrownBy(() -> small.encode(List.of(big)))
        .isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("64 bytes");
    byte[] bigEncoded = CODEC.encode(List.of(big));
    assertThatThrownBy(() -> small.decode(bigEncoded))
        .isInstanceOf(PropertyBagFormatException.class)
        .hasMessageContaining("limit of 64");
    assertThat(small.decode(small.encode(three.subList(0, 2)))).hasSize(2);
  }

  @Test
  void refusesTwoValuesForOneId() {
    List<PropValue> clash =
        List.of(
            PropValue.ofString(SUBJECT, "a"),
            PropValue.ofString(SUBJECT.withType(PropType.PT_STRING8), "a"));
    assertThatThrownBy(() -> CODEC.encode(clash)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultLimits() {
    assertThat(CodecLimits.DEFAULT)
        .isEqualTo(new CodecLimits(10_000, 16 * 1024 * 1024, 65_535));
    assertThatThrownBy(() -> new CodecLimits(1, (1 << 30) + 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
