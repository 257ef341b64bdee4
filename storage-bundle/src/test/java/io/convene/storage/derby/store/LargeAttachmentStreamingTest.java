package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: "large values read and written as streams without loading them whole into memory", for
 * the deepest case, a file in a forwarded (embedded) message: a child JVM with a 48 MiB heap
 * writes and reads back a 96 MiB attachment. Holding it whole anywhere would be an
 * OutOfMemoryError in the child.
 */
class LargeAttachmentStreamingTest {

  private static final int SIZE_MIB = 96;

  @TempDir Path data;

  @Test
  void anEmbeddedMessagesAttachmentTwiceTheHeapIsWrittenAndReadBackWhole() throws Exception {
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx48m", "-Dderby.storage.pageCacheSize=200", "-Dderby.system.durability=test",
            "-Dderby.stream.error.file=" + data.resolve("derby-child.log"),
            "-cp", System.getProperty("java.class.path"),
            LargeAttachmentWriter.class.getName(), data.resolve("convene").toString(), Integer.toString(SIZE_MIB))
        .redirectError(data.resolve("child.err").toFile())
        .start();
    String line;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      line = lines.readLine();
    }
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String errors = Files.readString(data.resolve("child.err"));
    assertThat(child.exitValue()).as("child failed: %s", errors).isZero();

    long size = SIZE_MIB * 1024L * 1024L;
    assertThat(line).isEqualTo("OK " + size + " " + LargeAttachmentWriter.PatternStream.checksum(size));
  }
}
