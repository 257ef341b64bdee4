package io.convene.mapi.rop;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.testing.SpecFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ROP buffer examples of MS-OXCROPS section 4 that this layer covers. */
class MsOxcropsExamplesTest {

  @Test
  void ropReleaseRequestOfSection44ReleasesBothHandles() throws Exception {
    RopDispatcher engine =
        new RopDispatcher(
            RopRegistry.builder().add(new ReleaseRops()).add(RopDispatcherTest.TEST_ROPS).build(),
            new RopSessionLimits(200, 256));
    RopSessionState session = engine.newSession("1");
    session.openLogon(0, "mailbox");
    // Open 0x6F objects so that the handles the example names, 0x6E and 0x6F, exist.
    List<byte[]> opens = new ArrayList<>();
    for (int i = 0; i < 0x6F; i++) {
      opens.add(RopDispatcherTest.open(0, 0, 0, "o" + i));
    }
    engine.execute(session, RopDispatcherTest.buffer(opens, -1), 0xffff);
    assertThat(session.logon(0).orElseThrow().objectCount()).isEqualTo(0x6F);

    byte[] request = SpecFixtures.hex("ms-oxcrops/4.4-roprelease-request.hex");
    byte[] output = engine.execute(session, request, 0x8000);

    // RopRelease has no response: RopSize 2, then both table entries cleared.
    assertThat(output)
        .isEqualTo(new LittleEndianWriter().u16(2).u32(0xffffffffL).u32(0xffffffffL).toByteArray());
    assertThat(session.logon(0).orElseThrow().objectCount()).isEqualTo(0x6F - 2);
    assertThat(session.logon(0).orElseThrow().object(0x6E)).isEmpty();
    assertThat(session.logon(0).orElseThrow().object(0x6F)).isEmpty();
    assertThat(session.logon(0).orElseThrow().object(0x6D)).isPresent();
    assertThat(new LittleEndianReader(request).u16("RopSize")).isEqualTo(8);
  }
}
