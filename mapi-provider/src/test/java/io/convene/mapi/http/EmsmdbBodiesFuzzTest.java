package io.convene.mapi.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.mapi.codec.WireFormatException;

/**
 * Fuzzes the request body decoders of the mailbox endpoint: any bytes decode or raise {@link
 * WireFormatException}. Seeds: {@code src/test/resources/io/convene/mapi/http/EmsmdbBodiesFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='EmsmdbBodiesFuzzTest#decodeRequestBodies'
 * </pre>
 */
class EmsmdbBodiesFuzzTest {

  private static final EmsmdbLimits LIMITS = new EmsmdbLimits(4096, 1024, 64, 128);

  @FuzzTest(maxDuration = "5m")
  void decodeRequestBodies(FuzzedDataProvider data) {
    int which = data.consumeInt(0, 3);
    byte[] body = data.consumeRemainingAsBytes();
    try {
      switch (which) {
        case 0 -> EmsmdbBodies.decodeConnect(body, LIMITS);
        case 1 -> EmsmdbBodies.decodeExecute(body, LIMITS);
        case 2 -> EmsmdbBodies.decodeDisconnect(body, LIMITS);
        default -> EmsmdbBodies.decodeNotificationWait(body, LIMITS);
      }
    } catch (WireFormatException expected) {
      // bad bodies are X-ResponseCode 12, never a crash
    }
  }
}
