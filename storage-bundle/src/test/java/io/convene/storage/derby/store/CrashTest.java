package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.store.Caller;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.StoredItem;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at random moments, 20 times: after every restart each
 * save the child was told had succeeded is there, intact, and the database opens by itself.
 */
class CrashTest {

  private static final int KILLS = 20;

  @TempDir Path data;

  @Test
  void acknowledgedSavesSurviveSigkill() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Path directory = data.resolve("convene");
    Map<Long, String> acknowledged = new LinkedHashMap<>();
    for (int generation = 0; generation < KILLS; generation++) {
      Process child = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"),
              "-Dderby.stream.error.file=" + data.resolve("derby-child.log"),
              CrashWriter.class.getName(), directory.toString(), Integer.toString(generation))
          .redirectError(data.resolve("child-" + generation + ".err").toFile())
          .start();
      BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = lines.readLine();
      assertThat(line).as("child start (seed %d), got %s", seed, line).isEqualTo("READY");
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(400));
      while (System.nanoTime() < killAt && (line = lines.readLine()) != null) {
        record(acknowledged, line);
      }
      // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
      child.toHandle().destroyForcibly();
      while ((line = lines.readLine()) != null) {
        record(acknowledged, line); // acknowledged before the kill, still in the pipe
      }
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      verify(directory, acknowledged, seed, generation);
    }
    assertThat(acknowledged).as("the child saved something").hasSizeGreaterThan(KILLS);
  }

  private static void record(Map<Long, String> acknowledged, String line) {
    if (line.startsWith("ACK ")) {
      String[] parts = line.split(" ");
      acknowledged.put(Long.parseLong(parts[1]), parts[2]);
    }
  }

  private static void verify(Path directory, Map<Long, String> acknowledged, long seed, int generation) throws Exception {
    try (Database database = Database.open(directory, List.of(new StoreSchema()))) {
      Mailbox mailbox = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC()).mailbox(1, Caller.account(1));
      for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
        StoredItem item = mailbox.item(MessageId.fromLong(ack.getKey()));
        assertThat(item.property(CrashWriter.SUBJECT).orElseThrow().asString())
            .as("item %d after kill %d (seed %d)", ack.getKey(), generation, seed)
            .isEqualTo(ack.getValue());
        assertThat(item.property(CrashWriter.BODY).orElseThrow().asString()).isEqualTo(CrashWriter.bodyFor(ack.getValue()));
      }
    }
  }
}
