package io.convene.storage.derby.component;

import io.convene.storage.derby.db.Database;
import io.convene.storage.derby.db.StorageException;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens Convene's Derby database in {@code <convene.data>/derby/convene} (the framework property
 * {@code convene.data}, else this bundle's data area) with every {@link SchemaParts schema part},
 * and shuts it down on deactivation. Registered under its own class, which no other bundle can
 * see: the directory and store components of this bundle reference it to share one database.
 *
 * <p>If the database cannot be opened (damaged, locked by another process, a foreign directory in
 * its place) the component logs one error naming the directory and registers nothing, so the
 * directory and store stay unavailable while the rest of the server runs; it never re-creates the
 * database. The service is registered by hand, only once the database is open: a service declared
 * to SCR would be registered before the activation fails, and every component referencing it would
 * get it, fail to use it and make SCR try to open the database again.
 */
@Component(immediate = true, service = {})
public final class DatabaseComponent {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

  private final Database database;
  private final ServiceRegistration<DatabaseComponent> registration;

  @Activate
  public DatabaseComponent(BundleContext context) {
    Path directory = databaseDirectory(context);
    Database opened = null;
    try {
      opened = Database.open(directory, SchemaParts.all());
    } catch (StorageException e) {
      LOG.error("Convene's database in {} could not be opened; the directory and the store stay unavailable: {}",
          directory, e.getMessage(), e);
    }
    this.database = opened;
    // last: other components may use this as soon as it is registered
    this.registration = opened == null ? null : context.registerService(DatabaseComponent.class, this, null);
  }

  /** The open database; valid while this component is registered. */
  public Database database() {
    return database;
  }

  @Deactivate
  void deactivate() {
    if (registration != null) {
      registration.unregister();
      database.close();
    }
  }

  static Path databaseDirectory(BundleContext context) {
    String dataDir = context.getProperty("convene.data");
    Path data = dataDir != null && !dataDir.isBlank() ? Path.of(dataDir) : context.getDataFile("").toPath();
    return data.resolve("derby").resolve("convene");
  }
}
