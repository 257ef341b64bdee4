package io.convene.search.lucene.component;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code convene:reindex}: empties the contact index and builds it again from the directory and
 * every mailbox, waiting for the end. Searches keep working meanwhile and see the entries come
 * back as they are written.
 */
@Component(
    service = ReindexCommand.class,
    property = {"osgi.command.scope=convene", "osgi.command.function=reindex"})
public final class ReindexCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);

  /** Longest wait at the shell; the rebuild itself goes on if the shell gives up. */
  private static final long WAIT_MINUTES = 60;

  private final SearchComponent search;

  @Activate
  public ReindexCommand(@Reference SearchComponent search) {
    this.search = search;
  }

  public String reindex() throws IOException, InterruptedException {
    long started = System.nanoTime();
    try {
      search.feeder().reindex().get(WAIT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      return "ERROR reindex failed: " + e.getCause() + " (see the log)\n";
    } catch (TimeoutException e) {
      return "Reindex still running after " + WAIT_MINUTES + " minutes; it goes on in the background\n";
    }
    String done = "Contact index in " + search.index().path() + " rebuilt: " + search.index().size() + " entries in "
        + (System.nanoTime() - started) / 1_000_000 + " ms";
    LOG.info(done);
    return done + "\n";
  }
}
