package io.convene.mapi.nspi.book;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The current {@link AddressBook}, built once and kept until the directory says it changed. The
 * component registers it as an {@link AccountListener}; each event only bumps an epoch, and the
 * next request rebuilds (one thread builds, the others wait for it), so a burst of changes costs
 * one rebuild, and NSPI requests in between index into the same sorted snapshot instead of
 * listing and sorting the directory each time. A change committed while a rebuild runs leaves the
 * new snapshot stale at once, so the request after it rebuilds again. Thread-safe.
 */
public final class AddressBookCache implements AccountListener {

  private record Snapshot(long epoch, AddressBook book) {}

  private final Supplier<AddressBook> source;
  private final AtomicLong epoch = new AtomicLong();
  private volatile Snapshot snapshot;

  /** @param source builds a fresh address book, e.g. {@code () -> AddressBook.of(directory)} */
  public AddressBookCache(Supplier<AddressBook> source) {
    this.source = source;
  }

  /** The snapshot of the directory as of its last change; built here if that change is newer. */
  public AddressBook current() {
    Snapshot known = snapshot;
    if (known != null && known.epoch() == epoch.get()) {
      return known.book();
    }
    synchronized (this) {
      long now = epoch.get();
      known = snapshot;
      if (known == null || known.epoch() != now) {
        // Tagged with the epoch read before listing: an event during the build outdates it.
        known = new Snapshot(now, source.get());
        snapshot = known;
      }
      return known.book();
    }
  }

  /** Drops the snapshot; the next request rebuilds. */
  public void invalidate() {
    epoch.incrementAndGet();
  }

  @Override
  public void accountCreated(Account account) {
    invalidate();
  }

  @Override
  public void accountChanged(Account account) {
    invalidate();
  }

  @Override
  public void accountRemoved(Account account) {
    invalidate();
  }
}
