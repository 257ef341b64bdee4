package io.convene.storage.derby.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code convene:backup DIR}: a consistent copy of the database taken while the server runs
 * (Derby online backup). The copy lands in {@code DIR/convene}; README says how to restore it.
 */
@Component(
    service = BackupCommand.class,
    property = {"osgi.command.scope=convene", "osgi.command.function=backup"})
public final class BackupCommand {

  private static final Logger LOG = LoggerFactory.getLogger(BackupCommand.class);

  private final DatabaseComponent database;

  @Activate
  public BackupCommand(@Reference DatabaseComponent database) {
    this.database = database;
  }

  public String backup(String directory) throws SQLException {
    Path target = Path.of(directory).toAbsolutePath();
    if (Files.exists(target.resolve(database.database().directory().getFileName()))) {
      return "ERROR " + target.resolve(database.database().directory().getFileName()) + " exists already; choose an empty directory";
    }
    long started = System.nanoTime();
    database.database().backup(target);
    String done = "Backup of " + database.database().directory() + " written to "
        + target.resolve(database.database().directory().getFileName()) + " in "
        + (System.nanoTime() - started) / 1_000_000 + " ms";
    LOG.info(done);
    return done + "\n";
  }
}
