package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageEntryIdTest {

  private static final UUID PUBLIC_STORE = UUID.fromString("9073441a-66aa-cd11-9bc8-00aa002fc45a");
  private static final UUID PSETID_COMMON = UUID.fromString("00062008-0000-0000-c000-000000000046");

  @Test
  void theFieldsOfTheSpecificationsLayoutReadAndWrite() throws IOException {
    byte[] spec = hex("/spec/MS-OXCDATA/2.2.4.2.hex");
    assertThat(spec).hasSize(MessageEntryId.SIZE);
    MessageEntryId id = MessageEntryId.parse(spec);
    assertThat(id.providerUid()).isEqualTo(PUBLIC_STORE);
    assertThat(id.messageType()).isEqualTo(MessageEntryId.PUBLIC_MESSAGE);
    assertThat(id.folderDatabaseGuid()).isEqualTo(NamedProperty.PSETID_APPOINTMENT);
    assertThat(id.folderCounter()).isEqualTo(GlobalCounter.of(0x0E8EDF36L));
    assertThat(id.messageDatabaseGuid()).isEqualTo(PSETID_COMMON);
    assertThat(id.messageCounter()).isEqualTo(GlobalCounter.of(0x0E915212L));
    assertThat(id.toBytes()).isEqualTo(spec);
  }

  @Test
  void aPrivateMessagePutsEachFieldAtItsOffset() {
    UUID mailbox = UUID.fromString("c0ffee00-1234-5678-9abc-def012345678");
    byte[] bytes = MessageEntryId.ofPrivateMessage(mailbox, mailbox, FolderId.of(1, 0x0A0B0CL), MessageId.of(1, 0x0102030405L))
        .toBytes();
    assertThat(bytes).hasSize(70);
    assertThat(Arrays.copyOfRange(bytes, 20, 22)).containsExactly(0x07, 0x00); // eitLTPrivateMessage
    assertThat(Arrays.copyOfRange(bytes, 22, 38)).isEqualTo(Guids.toBytes(mailbox));
    assertThat(Arrays.copyOfRange(bytes, 38, 44)).containsExactly(0x00, 0x00, 0x00, 0x0A, 0x0B, 0x0C);
    assertThat(Arrays.copyOfRange(bytes, 46, 62)).isEqualTo(Guids.toBytes(mailbox));
    assertThat(Arrays.copyOfRange(bytes, 62, 68)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 0x05);
    assertThat(Arrays.copyOfRange(bytes, 68, 70)).containsExactly(0, 0);
  }

  @Test
  void malformedEntryIdsAreRefusedWithTheReason() throws IOException {
    byte[] spec = hex("/spec/MS-OXCDATA/2.2.4.2.hex");
    assertThatThrownBy(() -> MessageEntryId.parse(Arrays.copyOf(spec, 46)))
        .isInstanceOf(StoreValueFormatException.class).hasMessageContaining("70 bytes");
    byte[] folderType = spec.clone();
    folderType[20] = 1; // a folder's entry id type
    assertThatThrownBy(() -> MessageEntryId.parse(folderType)).isInstanceOf(StoreValueFormatException.class)
        .hasMessageContaining("message type");
    byte[] pad = spec.clone();
    pad[69] = 1;
    assertThatThrownBy(() -> MessageEntryId.parse(pad)).isInstanceOf(StoreValueFormatException.class).hasMessageContaining("pad");
  }

  /** Random and mutated inputs: parse returns a value that writes back the same bytes, or refuses. */
  @Test
  void anyInputIsParsedExactlyOrRefusedWithTheFormatException() throws IOException {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    byte[] spec = hex("/spec/MS-OXCDATA/2.2.4.2.hex");
    for (int round = 0; round < 20_000; round++) {
      byte[] input;
      if (random.nextBoolean()) {
        input = new byte[random.nextInt(90)];
        random.nextBytes(input);
      } else {
        input = spec.clone();
        input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        assertThat(MessageEntryId.parse(input).toBytes()).as("seed %d, round %d", seed, round).isEqualTo(input);
      } catch (StoreValueFormatException expected) {
        // refused with the one exception type
      } catch (RuntimeException e) {
        fail("seed " + seed + ", round " + round + ": " + e, e);
      }
    }
  }

  private static byte[] hex(String resource) throws IOException {
    try (InputStream in = MessageEntryIdTest.class.getResourceAsStream(resource)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        for (String token : line.trim().split("\\s+")) {
          if (!token.isEmpty()) {
            bytes.write(Integer.parseInt(token, 16));
          }
        }
      }
      return bytes.toByteArray();
    }
  }
}
