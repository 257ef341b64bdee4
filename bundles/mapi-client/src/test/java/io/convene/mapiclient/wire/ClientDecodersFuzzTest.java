package io.convene.mapiclient.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.mapiclient.http.EmsmdbBodies;
import io.convene.mapiclient.http.FramedResponse;
import io.convene.mapiclient.nspi.EntryId;
import io.convene.mapiclient.nspi.NspiBodies;
import io.convene.mapiclient.rop.RopBatch;
import io.convene.mapiclient.rop.Rops;
import java.util.List;

/**
 * Fuzzes the client's decoders of server bytes: any input gives a result within the limits or a
 * {@link MapiWireException}, never an unchecked exception. A normal test run replays the seeds under
 * {@code src/test/resources/io/convene/mapiclient/wire/ClientDecodersFuzzTestInputs/}; to fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f bundles/mapi-client/pom.xml test -Dtest='ClientDecodersFuzzTest#extendedBuffer'
 * </pre>
 */
class ClientDecodersFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void extendedBuffer(FuzzedDataProvider data) {
    int limit = data.consumeInt(0, 0x20000);
    byte[] wire = data.consumeRemainingAsBytes();
    try {
      assertThat(ExtendedBuffer.join(ExtendedBuffer.decode(wire, limit)).length).isLessThanOrEqualTo(limit);
    } catch (MapiWireException expected) {
      // malformed input is an error
    }
  }

  @FuzzTest(maxDuration = "2m")
  void lz77(FuzzedDataProvider data) {
    int limit = data.consumeInt(0, 0x20000);
    byte[] wire = data.consumeRemainingAsBytes();
    try {
      assertThat(PlainLz77.decompress(wire, limit).length).isLessThanOrEqualTo(limit);
    } catch (MapiWireException expected) {
      // malformed input is an error
    }
  }

  @FuzzTest(maxDuration = "2m")
  void ropResponses(FuzzedDataProvider data) {
    int[] columns = {0x0037001F, 0x0E060040, 0x67480014, 0x10F4000B, 0x00000000, 0x0FFF0102, 0x8001101F};
    RopBatch batch = new RopBatch();
    batch.add(Rops.logon(0, batch.output(), Rops.OPEN_FLAGS_HOME, "/o=x"));
    batch.add(Rops.openFolder(0, 0, batch.output(), 1));
    batch.add(Rops.openMessage(0, 0, batch.output(), 1, 2));
    batch.add(Rops.readRecipients(0, 2, 0, columns));
    batch.add(Rops.getPropertiesSpecific(0, 0, columns));
    batch.add(Rops.setProperties(0, 0, java.util.List.of()));
    batch.add(Rops.saveChangesMessage(0, 0, 1, Rops.SAVE_KEEP_OPEN_READ_WRITE));
    batch.add(Rops.queryRows(0, 1, 10, columns));
    try {
      batch.decode(data.consumeRemainingAsBytes());
    } catch (MapiWireException expected) {
      // malformed input is an error
    }
  }

  @FuzzTest(maxDuration = "2m")
  void framedBodies(FuzzedDataProvider data) {
    byte[] wire = data.consumeRemainingAsBytes();
    try {
      FramedResponse framed = FramedResponse.parse(wire);
      EmsmdbBodies.executeResponse(framed.body());
    } catch (MapiWireException expected) {
      // malformed input is an error
    }
    try {
      EmsmdbBodies.connectResponse(wire);
    } catch (MapiWireException expected) {
      // malformed input is an error
    }
  }

  /** Every NSPI response decoder (MS-OXCMAPIHTTP 2.2.5) and the entry id parser over the same bytes. */
  @FuzzTest(maxDuration = "2m")
  void nspiResponses(FuzzedDataProvider data) {
    byte[] wire = data.consumeRemainingAsBytes();
    List<ThrowingDecoder> decoders = List.of(
        NspiBodies::bindResponse, NspiBodies::unbindResponse, NspiBodies::dnToMIdResponse, NspiBodies::getMatchesResponse,
        NspiBodies::getPropsResponse, NspiBodies::getSpecialTableResponse, NspiBodies::rowsResponse,
        NspiBodies::resolveNamesResponse, EntryId::parse);
    for (ThrowingDecoder decoder : decoders) {
      try {
        decoder.decode(wire);
      } catch (MapiWireException expected) {
        // malformed input is an error
      }
    }
  }

  private interface ThrowingDecoder {
    Object decode(byte[] wire) throws MapiWireException;
  }

  @FuzzTest(maxDuration = "2m")
  void autodiscoverResponses(FuzzedDataProvider data) {
    try {
      io.convene.mapiclient.http.Autodiscover.parse(data.consumeRemainingAsBytes());
    } catch (MapiWireException expected) {
      // malformed input is an error
    }
  }
}
