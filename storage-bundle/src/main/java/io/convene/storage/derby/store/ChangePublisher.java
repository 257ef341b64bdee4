package io.convene.storage.derby.store;

import io.convene.api.store.StoreChange;
import io.convene.api.store.StoreListener;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed changes to the {@link StoreListener}s on one thread, in commit order, so a
 * slow listener never holds up a save. The queue is bounded: when it is full the change is
 * dropped with a warning, and listeners catch up from change numbers (see {@link StoreListener}).
 */
public final class ChangePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangePublisher.class);

  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  /** Listeners looked up at delivery time (whiteboard services), besides those added. */
  private volatile java.util.function.Supplier<? extends java.util.Collection<StoreListener>> services;
  private final ThreadPoolExecutor delivery;

  public ChangePublisher(int queueSize) {
    delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueSize), runnable -> {
      Thread thread = new Thread(runnable, "convene-store-events");
      thread.setDaemon(true);
      return thread;
    });
  }

  public void add(StoreListener listener) {
    listeners.add(listener);
  }

  public void remove(StoreListener listener) {
    listeners.remove(listener);
  }

  /** Also delivers to the listeners {@code source} gives at each delivery. */
  public void listenFrom(java.util.function.Supplier<? extends java.util.Collection<StoreListener>> source) {
    this.services = source;
  }

  /** Called after commit. */
  void publish(StoreChange change) {
    if (listeners.isEmpty() && services == null) {
      return;
    }
    try {
      delivery.execute(() -> deliver(change));
    } catch (RejectedExecutionException e) {
      LOG.warn("Store event queue full or closed; dropped {} of account {} (listeners catch up from change {})",
          change.kind(), change.accountId(), change.changeNumber());
    }
  }

  private void deliver(StoreChange change) {
    java.util.function.Supplier<? extends java.util.Collection<StoreListener>> source = services;
    List<StoreListener> all = new java.util.ArrayList<>(listeners);
    if (source != null) {
      all.addAll(source.get());
    }
    for (StoreListener listener : all) {
      try {
        listener.changed(change);
      } catch (RuntimeException e) {
        LOG.error("Store listener {} failed on {}", listener.getClass().getName(), change.kind(), e);
      }
    }
  }

  @Override
  public void close() {
    delivery.shutdown();
    try {
      delivery.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
