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

class FolderEntryIdTest {

  private static final UUID PUBLIC_STORE = UUID.fromString("9073441a-66aa-cd11-9bc8-00aa002fc45a");

  @Test
  void theFieldsOfTheSpecificationsLayoutReadAndWrite() throws IOException {
    byte[] spec = hex("/spec/MS-OXCDATA/2.2.4.1.hex");
    FolderEntryId id = FolderEntryId.parse(spec);
    assertThat(id.providerUid()).isEqualTo(PUBLIC_STORE);
    assertThat(id.folderType()).isEqualTo(FolderEntryId.PUBLIC_FOLDER);
    assertThat(id.databaseGuid()).isEqualTo(NamedProperty.PSETID_APPOINTMENT);
    assertThat(id.counter()).isEqualTo(GlobalCounter.of(0x0E8EDF36L));
    assertThat(id.toBytes()).isEqualTo(spec);
  }

  @Test
  void aPrivateFolderPutsEachFieldAtItsOffset() {
    UUID mailbox = UUID.fromString("c0ffee00-1234-5678-9abc-def012345678");
    UUID replica = UUID.fromString("0badf00d-0000-4000-8000-000000000001");
    byte[] bytes = FolderEntryId.ofPrivateFolder(mailbox, replica, FolderId.of(1, 0x0102030405L)).toBytes();
    assertThat(bytes).hasSize(46);
    assertThat(Arrays.copyOfRange(bytes, 0, 4)).containsExactly(0, 0, 0, 0);
    assertThat(Arrays.copyOfRange(bytes, 4, 20)).isEqualTo(Guids.toBytes(mailbox));
    assertThat(Arrays.copyOfRange(bytes, 4, 8)).containsExactly(0x00, 0xEE, 0xFF, 0xC0); // Data1 little-endian
    assertThat(Arrays.copyOfRange(bytes, 20, 22)).containsExactly(0x01, 0x00); // eitLTPrivateFolder
    assertThat(Arrays.copyOfRange(bytes, 22, 38)).isEqualTo(Guids.toBytes(replica));
    assertThat(Arrays.copyOfRange(bytes, 38, 44)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 0x05);
    assertThat(Arrays.copyOfRange(bytes, 44, 46)).containsExactly(0, 0);
  }

  @Test
  void malformedEntryIdsAreRefusedWithTheReason() throws IOException {
    byte[] spec = hex("/spec/MS-OXCDATA/2.2.4.1.hex");
    assertThatThrownBy(() -> FolderEntryId.parse(Arrays.copyOf(spec, 45)))
        .isInstanceOf(StoreValueFormatException.class).hasMessageContaining("46 bytes");
    byte[] flags = spec.clone();
    flags[3] = 1;
    assertThatThrownBy(() -> FolderEntryId.parse(flags)).isInstanceOf(StoreValueFormatException.class).hasMessageContaining("flags");
    byte[] message = spec.clone();
    message[20] = 7; // eitLTPrivateMessage is an entry id, but not a folder's
    assertThatThrownBy(() -> FolderEntryId.parse(message)).isInstanceOf(StoreValueFormatException.class).hasMessageContaining("folder type");
    byte[] pad = spec.clone();
    pad[45] = 1;
    assertThatThrownBy(() -> FolderEntryId.parse(pad)).isInstanceOf(StoreValueFormatException.class).hasMessageContaining("pad");
  }

  /** Random and mutated inputs: parse returns a value that writes back the same bytes, or refuses. */
  @Test
  void anyInputIsParsedExactlyOrRefusedWithTheFormatException() throws IOException {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    byte[] spec = hex("/spec/MS-OXCDATA/2.2.4.1.hex");
    for (int round = 0; round < 20_000; round++) {
      byte[] input;
      if (random.nextBoolean()) {
        input = new byte[random.nextInt(60)];
        random.nextBytes(input);
      } else {
        input = spec.clone();
        input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        assertThat(FolderEntryId.parse(input).toBytes()).as("seed %d, round %d", seed, round).isEqualTo(input);
      } catch (StoreValueFormatException expected) {
        // refused with the one exception type
      } catch (RuntimeException e) {
        fail("seed " + seed + ", round " + round + ": " + e, e);
      }
    }
  }

  private static byte[] hex(String resource) throws IOException {
    try (InputStream in = FolderEntryIdTest.class.getResourceAsStream(resource)) {
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
