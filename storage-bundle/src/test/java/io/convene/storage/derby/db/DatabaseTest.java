package io.convene.storage.derby.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path data;

  private static SchemaPart part(String name, List<List<String>> migrations) {
    return new SchemaPart() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<List<String>> migrations() {
        return migrations;
      }
    };
  }

  @Test
  void createsMigratesAndUpgradesOnReopenWithoutRerunningOldMigrations() throws Exception {
    Path dir = data.resolve("derby/convene");
    List<List<String>> migrations = new ArrayList<>();
    migrations.add(List.of("CREATE TABLE T (ID INT PRIMARY KEY)", "INSERT INTO T VALUES (1)"));
    try (Database database = Database.open(dir, List.of(part("test", migrations)))) {
      assertThat(count(database, "SELECT COUNT(*) FROM T")).isEqualTo(1);
    }
    migrations.add(List.of("ALTER TABLE T ADD COLUMN NAME VARCHAR(10)", "INSERT INTO T VALUES (2, 'two')"));
    try (Database database = Database.open(dir, List.of(part("test", migrations)))) {
      assertThat(count(database, "SELECT COUNT(*) FROM T")).isEqualTo(2);
      assertThat(count(database, "SELECT VERSION FROM CONVENE_SCHEMA WHERE PART = 'test'")).isEqualTo(2);
    }
  }

  @Test
  void refusesToCreateADatabaseOverAnExistingDirectory() throws Exception {
    Path dir = Files.createDirectories(data.resolve("not-a-database"));
    Files.writeString(dir.resolve("precious.txt"), "keep me");
    assertThatThrownBy(() -> Database.open(dir, List.of()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("refusing to create");
    assertThat(dir.resolve("precious.txt")).hasContent("keep me");
  }

  @Test
  void aDatabaseFromANewerConveneIsRefused() {
    Path dir = data.resolve("derby/convene");
    List<List<String>> two = List.of(List.of("CREATE TABLE A (X INT)"), List.of("CREATE TABLE B (X INT)"));
    Database.open(dir, List.of(part("test", two))).close();
    assertThatThrownBy(() -> Database.open(dir, List.of(part("test", two.subList(0, 1)))))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("newer than this Convene knows");
  }

  @Test
  void aDamagedDatabaseFailsWithAMessageNamingTheDirectory() throws Exception {
    Path dir = data.resolve("derby/convene");
    Database.open(dir, List.of()).close();
    try (var files = Files.list(dir.resolve("seg0"))) {
      for (Path file : files.toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }
    assertThatThrownBy(() -> Database.open(dir, List.of(part("test", List.of(List.of("CREATE TABLE A (X INT)"))))))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("restore a backup");
  }

  @Test
  void onlineBackupProducesAnOpenableCopy() throws Exception {
    Path dir = data.resolve("derby/convene");
    try (Database database = Database.open(dir, List.of(part("test", List.of(List.of("CREATE TABLE T (ID INT)", "INSERT INTO T VALUES (7)")))))) {
      database.backup(data.resolve("backup"));
    }
    try (Database copy = Database.open(data.resolve("backup/convene"), List.of())) {
      assertThat(count(copy, "SELECT ID FROM T")).isEqualTo(7);
    }
  }

  private static int count(Database database, String sql) throws Exception {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      int value = row.getInt(1);
      connection.commit();
      return value;
    }
  }
}
