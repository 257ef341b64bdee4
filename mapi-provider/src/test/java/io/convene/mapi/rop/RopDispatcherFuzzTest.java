package io.convene.mapi.rop;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the ROP engine with RopRelease and the test ROPs of {@link RopDispatcherTest}: any buffer
 * gives an output within the client's limit or a {@link RopBufferException}, never another
 * exception. Seeds: {@code src/test/resources/io/convene/mapi/rop/RopDispatcherFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='RopDispatcherFuzzTest#executeArbitraryBuffers'
 * </pre>
 */
class RopDispatcherFuzzTest {

  private final RopDispatcher engine =
      new RopDispatcher(
          RopRegistry.builder().add(new ReleaseRops()).add(RopDispatcherTest.TEST_ROPS).build(),
          new RopSessionLimits(16, 16));

  @FuzzTest(maxDuration = "5m")
  void executeArbitraryBuffers(FuzzedDataProvider data) {
    int maxOut = data.consumeInt(0, 0xffff);
    byte[] input = data.consumeRemainingAsBytes();
    RopSessionState session = engine.newSession("1");
    session.openLogon(0, "mailbox");
    try {
      byte[] output = engine.execute(session, input, maxOut);
      assertThat(output.length).isLessThanOrEqualTo(maxOut);
    } catch (RopBufferException expected) {
      // a whole-buffer error code, never a crash
    }
  }
}
