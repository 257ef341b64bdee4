package io.convene.net.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated valid requests, pipelined and split at random points, decode to exactly what was
 * generated. The seed is in the test name and in every failure message; rerun one with {@code
 * -Dtest='HttpRequestDecoderPropertyTest#decodesGeneratedRequests'} and the seed range.
 */
class HttpRequestDecoderPropertyTest {

  private static final long FIRST_SEED = 20_250_101L;
  private static final int SEEDS = 300;

  static LongStream seeds() {
    return LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void decodesGeneratedRequests(long seed) throws Exception {
    int bodyPartSize = 1 + (int) Math.floorMod(seed * 31, 40L);
    RequestGenerator generator = new RequestGenerator(seed, bodyPartSize);
    HttpLimits limits = HttpLimits.DEFAULTS.withBodyPartSize(bodyPartSize);

    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    List<DecodedRequest> expected = new ArrayList<>();
    for (int i = 1 + (int) Math.floorMod(seed, 4L); i > 0; i--) {
      RequestGenerator.Generated request = generator.next();
      wire.writeBytes(request.wire());
      expected.add(request.expected());
    }
    byte[] bytes = wire.toByteArray();
    int[] cuts = generator.cuts(bytes.length);

    DecoderDriver driver = new DecoderDriver(limits).feedSplit(bytes, cuts);

    assertThat(driver.requests()).as("seed %d", seed).isEqualTo(expected);
    assertThat(driver.midRequest()).as("seed %d", seed).isFalse();
  }
}
