package io.convene.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows committed store changes (whiteboard service): the search index, scheduling and
 * notifications use it. Changes arrive after commit, in commit order, on one delivery thread;
 * a listener must return quickly. Delivery is best effort: after a restart or a dropped event a
 * listener catches up with {@link Mailbox#changesSince} from the last change number it handled.
 */
@ConsumerType
public interface StoreListener {

  void changed(StoreChange change);
}
