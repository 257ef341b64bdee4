package io.convene.mapiclient.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded property tests: anything compressed decompresses back; random and mutated streams give a
 * {@link MapiWireException} or at most the limit's bytes, nothing else. The seed is in the message.
 */
class PlainLz77PropertyTest {

  private static final long BASE_SEED = Long.getLong("mapiclient.seed", 0x5EEDL);

  @RepeatedTest(200)
  void roundTrips(RepetitionInfo repetition) throws Exception {
    long seed = BASE_SEED + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    byte[] input = sample(random);
    byte[] packed = PlainLz77.compress(input);
    assertThat(PlainLz77.decompress(packed, input.length)).as("seed %d", seed).isEqualTo(input);
  }

  @RepeatedTest(300)
  void corruptStreamsAreErrorsWithinTheLimit(RepetitionInfo repetition) {
    long seed = BASE_SEED * 31 + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    byte[] stream = PlainLz77.compress(sample(random));
    for (int flips = 1 + random.nextInt(4); flips > 0 && stream.length > 0; flips--) {
      stream[random.nextInt(stream.length)] ^= (byte) (1 + random.nextInt(255));
    }
    if (random.nextBoolean()) {
      stream = java.util.Arrays.copyOf(stream, random.nextInt(stream.length + 1));
    }
    int limit = 1 + random.nextInt(5000);
    try {
      assertThat(PlainLz77.decompress(stream, limit).length).as("seed %d", seed).isLessThanOrEqualTo(limit);
    } catch (MapiWireException expected) {
      assertThat(expected.getMessage()).as("seed %d", seed).startsWith("LZ77");
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + ": unchecked " + e, e);
    }
  }

  /** Text-like data with repeats, runs and random bytes, up to 20 KiB. */
  private static byte[] sample(Random random) {
    int length = random.nextInt(random.nextBoolean() ? 300 : 20_000);
    byte[] out = new byte[length];
    int alphabet = 2 + random.nextInt(random.nextBoolean() ? 6 : 254);
    for (int i = 0; i < length; i++) {
      if (i > 10 && random.nextInt(4) == 0) {
        int distance = 1 + random.nextInt(Math.min(i, 9000));
        int run = Math.min(length - i, 3 + random.nextInt(random.nextInt(8) == 0 ? 400 : 20));
        for (int k = 0; k < run; k++, i++) {
          out[i] = out[i - distance];
        }
        i--;
      } else {
        out[i] = (byte) random.nextInt(alphabet);
      }
    }
    return out;
  }
}
