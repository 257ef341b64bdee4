package io.convene.distribution;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A child process for {@link LockedDatabaseIT}: creates a Derby database in the given directory,
 * prints "LOCKED" and keeps it booted (and so locked) until its standard input closes, which
 * happens at the latest when the test JVM exits, or after ten minutes.
 */
public final class DerbyLockHolder {

  private DerbyLockHolder() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(args[0]);
    dataSource.setCreateDatabase("create");
    try (Connection connection = dataSource.getConnection()) {
      System.out.println("LOCKED");
      System.out.flush();
      Thread stdin = new Thread(() -> {
        try {
          while (System.in.read() >= 0) {
            // hold until the parent closes the pipe
          }
        } catch (java.io.IOException e) {
          // the parent is gone
        }
      });
      stdin.setDaemon(true);
      stdin.start();
      stdin.join(TimeUnit.MINUTES.toMillis(10));
    }
  }
}
