package io.convene.search.lucene.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.search.ContactHit;
import io.convene.api.search.EntryKind;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one doc value a hit is read from ({@link HitRecord}). */
class HitRecordTest {

  @Test
  void everyKindHasACode() {
    assertThat(HitRecord.CODES).containsExactlyInAnyOrder(EntryKind.values());
  }

  @Test
  void aRoomComesBackWithCapacityAndLocation() throws IOException {
    IndexEntry room = entry(EntryKind.GAL_ROOM, 42, 0, 0, "Salle Étoile 王", List.of("etoile@example.com", "x@example.com"), 12, "Bâtiment 2");

    ContactHit hit = HitRecord.decode(HitRecord.encode(room), 10f);

    assertThat(hit).isEqualTo(new ContactHit(EntryKind.GAL_ROOM, 42, Optional.empty(), Optional.empty(), "Salle Étoile 王",
        "etoile@example.com", 12, "Bâtiment 2", 10f));
  }

  @Test
  void aPersonalContactKeepsFolderAndMessage() throws IOException {
    long folder = FolderId.fromLong(0x0001_0000_0000_0123L).toLong();
    long message = MessageId.fromLong(0x0001_0000_0000_4567L).toLong();
    IndexEntry contact = entry(EntryKind.PERSONAL_CONTACT, 7, folder, message, "", List.of(), 0, "");

    ContactHit hit = HitRecord.decode(HitRecord.encode(contact), 1f);

    assertThat(hit).isEqualTo(new ContactHit(EntryKind.PERSONAL_CONTACT, 7, Optional.of(FolderId.fromLong(folder)),
        Optional.of(MessageId.fromLong(message)), "", "", 0, "", 1f));
  }

  @Test
  void layoutIsTheDocumentedOne() {
    IndexEntry user = entry(EntryKind.GAL_USER, 3, 0, 0, "Ann", List.of("a@b"), 0, "");

    BytesRef value = HitRecord.encode(user);

    // code 0, account 3 zig-zag (6), capacity 0, "Ann", "a@b", ""
    byte[] expected = {0, 6, 0, 3, 'A', 'n', 'n', 3, 'a', '@', 'b', 0};
    assertThat(Arrays.copyOfRange(value.bytes, value.offset, value.offset + value.length)).isEqualTo(expected);
  }

  @Test
  void aValueCutShortIsAnIoError() {
    BytesRef value = HitRecord.encode(entry(EntryKind.GAL_USER, 3, 0, 0, "Ann", List.of("a@b"), 0, ""));
    for (int length = 0; length < value.length; length++) {
      BytesRef cut = new BytesRef(value.bytes, value.offset, length);
      assertThatThrownBy(() -> HitRecord.decode(cut, 1f)).as("cut at %d", length).isInstanceOf(IOException.class);
    }
  }

  /** Random bytes decode to a hit or fail with an {@link IOException}, never another exception. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomBytesNeverEscapeAsUncheckedExceptions(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(24)];
      for (int b = 0; b < bytes.length; b++) {
        bytes[b] = (byte) random.nextInt(256);
      }
      try {
        HitRecord.decode(new BytesRef(bytes), 1f);
      } catch (IOException expected) {
        // malformed
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", bytes " + Arrays.toString(bytes), e);
      }
    }
  }

  private static IndexEntry entry(EntryKind kind, long account, long folder, long message, String name, List<String> emails,
      int capacity, String location) {
    return new IndexEntry(kind, account, folder, message, name, "", "", "", emails, "", "", List.of(), capacity, location);
  }
}
