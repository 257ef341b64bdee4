package io.convene.storage.derby.component;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Whiteboard listeners looked up when an event fires, not bound by DS: the listeners usually
 * reference the service that fires the events (the search index references both the Store and
 * the Directory), and binding them while that service activates is a cycle SCR reports as an
 * error. The tracker opens on first use and closes with the component.
 */
final class WhiteboardServices<T> implements Supplier<Collection<T>> {

  private final BundleContext context;
  private final Class<T> type;
  private ServiceTracker<T, T> tracker;
  private boolean closed;

  /** {@code context} may be null (unit tests outside a framework): then there are none. */
  WhiteboardServices(BundleContext context, Class<T> type) {
    this.context = context;
    this.type = type;
  }

  @Override
  public synchronized Collection<T> get() {
    if (closed || context == null) {
      return List.of();
    }
    if (tracker == null) {
      tracker = new ServiceTracker<>(context, type, null);
      tracker.open();
    }
    return tracker.getTracked().values();
  }

  synchronized void close() {
    closed = true;
    if (tracker != null) {
      tracker.close();
    }
  }
}
