package io.convene.storage.derby.db;

import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link DatabaseStartupTest}: opens the database given as argument, prints
 * "OPEN" and holds it until its standard input closes.
 */
public final class DatabaseHolder {

  private DatabaseHolder() {}

  public static void main(String[] args) throws Exception {
    try (Database database = Database.open(Path.of(args[0]), List.of())) {
      System.out.println("OPEN");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the database until the parent lets go
      }
    }
  }
}
