package io.convene.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a mailbox's receive folder map (MS-OXCSTOR 2.2.1.2 to 2.2.1.4): messages of {@code
 * messageClass} and of its subclasses without an entry of their own are delivered to {@code
 * folder}. The empty class is the default entry, which every private mailbox has.
 *
 * @param messageClass the message class as it was set (comparisons ignore case); "" for the default
 * @param folder the receive folder
 * @param lastModified when the entry was last set (PidTagLastModificationTime of its table row)
 * @since 1.2
 */
public record ReceiveFolder(String messageClass, FolderId folder, Instant lastModified) {

  public ReceiveFolder {
    Objects.requireNonNull(messageClass, "messageClass");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
