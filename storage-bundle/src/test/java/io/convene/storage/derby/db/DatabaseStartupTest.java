package io.convene.storage.derby.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that cannot be opened at start (locked by another process, damaged) fails with a
 * message naming its directory, and is left exactly as it was: never re-created over.
 */
class DatabaseStartupTest {

  private static final List<SchemaPart> PARTS = List.of(new SchemaPart() {
    @Override
    public String name() {
      return "test";
    }

    @Override
    public List<List<String>> migrations() {
      return List.of(List.of("CREATE TABLE T (ID INT)", "INSERT INTO T VALUES (42)"));
    }
  });

  @TempDir Path data;

  @Test
  void aDatabaseOpenInAnotherProcessIsReportedAsInUseAndLeftAlone() throws Exception {
    Path dir = data.resolve("derby/convene");
    Database.open(dir, PARTS).close();
    Process holder = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-Dderby.stream.error.file=" + data.resolve("derby-child.log"),
            DatabaseHolder.class.getName(), dir.toString())
        .redirectError(data.resolve("child.err").toFile())
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("child output, see %s", data.resolve("child.err")).isEqualTo("OPEN");
      Map<String, Long> before = sizes(dir);

      assertThatThrownBy(() -> Database.open(dir, PARTS))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("in use by another Convene or Derby process");
      assertThat(sizes(dir)).isEqualTo(before);
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // once the other process let go, it opens with its data
    try (Database database = Database.open(dir, PARTS)) {
      assertThat(value(database)).isEqualTo(42);
    }
  }

  @Test
  void garbageInServicePropertiesFailsNamingTheDirectoryAndRecreatesNothing() throws Exception {
    Path dir = data.resolve("derby/convene");
    Database.open(dir, PARTS).close();
    Files.write(dir.resolve("service.properties"), new byte[] {(byte) 0xff, 0, 'x', '=', '\\', 'u', 'z', 'z', 'z', '\n'});
    Map<String, Long> before = sizes(dir);

    assertThatThrownBy(() -> Database.open(dir, PARTS))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("restore a backup");
    assertThat(sizes(dir)).isEqualTo(before);
  }

  @Test
  void aTruncatedSegmentFailsNamingTheDirectoryAndRecreatesNothing() throws Exception {
    Path dir = data.resolve("derby/convene");
    Database.open(dir, PARTS).close();
    try (Stream<Path> files = Files.list(dir.resolve("seg0"))) {
      for (Path file : files.toList()) {
        Files.write(file, "not a page".getBytes(StandardCharsets.US_ASCII));
      }
    }
    Map<String, Long> before = sizes(dir);

    assertThatThrownBy(() -> Database.open(dir, PARTS))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.toString());
    assertThat(sizes(dir)).isEqualTo(before);
  }

  @Test
  void aMissingServicePropertiesIsNotTakenForAnEmptyDirectory() throws Exception {
    Path dir = data.resolve("derby/convene");
    Database.open(dir, PARTS).close();
    Files.delete(dir.resolve("service.properties"));
    Map<String, Long> before = sizes(dir);

    assertThatThrownBy(() -> Database.open(dir, PARTS))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("refusing to create");
    assertThat(sizes(dir)).isEqualTo(before);
  }

  /** The files of a database directory (relative paths, lock files aside) with their sizes. */
  private static Map<String, Long> sizes(Path dir) throws Exception {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(file).toString();
        if (!name.endsWith(".lck")) {
          sizes.put(name, Files.size(file));
        }
      }
    }
    return sizes;
  }

  private static int value(Database database) throws Exception {
    try (var connection = database.connection();
        var statement = connection.createStatement();
        var row = statement.executeQuery("SELECT ID FROM T")) {
      row.next();
      int value = row.getInt(1);
      connection.commit();
      return value;
    }
  }
}
