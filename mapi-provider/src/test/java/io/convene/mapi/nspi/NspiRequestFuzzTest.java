package io.convene.mapi.nspi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.BookingPolicy;
import io.convene.api.directory.AccountProfile;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.nspi.book.AddressBook;
import io.convene.mapi.nspi.book.NameResolver;
import io.convene.mapi.nspi.wire.NspiLimits;
import io.convene.mapi.nspi.wire.NspiRequest;
import io.convene.mapi.nspi.wire.NspiRequestDecoder;
import io.convene.mapi.nspi.wire.NspiRequestType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fuzzes the NSPI request decoders and the service behind them: any bytes, as any request type,
 * decode or raise {@link WireFormatException} (X-ResponseCode 12), and every decoded request gets a
 * response body with an ErrorCode, never an exception. Seeds (the body, then one byte choosing the
 * request type): {@code src/test/resources/io/convene/mapi/nspi/NspiRequestFuzzTestInputs/}.
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -f mapi-provider/pom.xml test -Dtest='NspiRequestFuzzTest#decodeAndAnswer'
 * </pre>
 */
class NspiRequestFuzzTest {

  private static final NspiLimits LIMITS = new NspiLimits(64, 256, 64, 32, 64, 1024, new io.convene.mapi.rop.data.RestrictionLimits(8, 64));
  private static final NspiRequestDecoder DECODER = new NspiRequestDecoder(LIMITS);
  private static final NspiService SERVICE =
      new NspiService(NspiRequestFuzzTest::book, new NameResolver(Optional::empty), UUID.fromString("5a1e5a1e-0000-4000-8000-00000000c0de"),
          new NspiServiceSettings("https://x/mapi/emsmdb/", "https://x/mapi/nspi/", 50, 50));

  /** Three accounts in memory, one with a profile: the fuzzer needs speed, not Derby. */
  private static final AddressBook BOOK = new AddressBook(
      List.of(
          new Account(1, AccountKind.USER, "Alice", "alice@x", "alice", true, 0, 0, "", BookingPolicy.DEFAULT),
          new Account(2, AccountKind.ROOM, "Room", "room@x", "room", true, 0, 8, "Floor 1", BookingPolicy.DEFAULT),
          new Account(3, AccountKind.USER, "Off", "off@x", "off", false, 0, 0, "", BookingPolicy.DEFAULT)),
      Map.of(1L, new AccountProfile("Engineer", "R&D", "X", "+1 555 0100", "+1 555 0199")));

  static AddressBook book() {
    return BOOK;
  }

  @FuzzTest(maxDuration = "5m")
  void decodeAndAnswer(FuzzedDataProvider data) {
    NspiRequestType[] types = NspiRequestType.values();
    NspiRequestType type = types[data.consumeInt(0, types.length - 2)];
    byte[] body = data.consumeRemainingAsBytes();
    NspiRequest request;
    try {
      request = DECODER.decode(type, body);
    } catch (WireFormatException expected) {
      return;
    }
    byte[] response = SERVICE.answer(1, "fuzz", request);
    // StatusCode 0, an ErrorCode, ..., AuxiliaryBufferSize 0.
    assertThat(response.length).isGreaterThanOrEqualTo(12);
    assertThat(response).startsWith(0, 0, 0, 0);
  }
}
