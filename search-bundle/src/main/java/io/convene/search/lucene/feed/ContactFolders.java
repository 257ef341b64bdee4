package io.convene.search.lucene.feed;

import io.convene.api.store.FolderId;
import io.convene.api.store.FolderInfo;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** Finds every contacts folder of a mailbox: the folders whose container class is IPF.Contact or a subclass. */
final class ContactFolders {

  /** Folders visited at most, so that the walk ends whatever the tree. */
  private static final int MAX_FOLDERS = 10_000;

  private ContactFolders() {}

  static List<FolderId> of(Mailbox mailbox) throws StoreException {
    List<FolderId> contacts = new ArrayList<>();
    Deque<FolderInfo> pending = new ArrayDeque<>();
    pending.add(mailbox.folder(SpecialFolder.ROOT));
    int seen = 0;
    while (!pending.isEmpty() && seen++ < MAX_FOLDERS) {
      FolderInfo folder = pending.poll();
      if (isContacts(folder)) {
        contacts.add(folder.id());
      }
      pending.addAll(mailbox.subfolders(folder.id()));
    }
    return contacts;
  }

  static boolean isContacts(FolderInfo folder) {
    return folder.containerClass()
        .map(c -> c.toLowerCase(Locale.ROOT))
        .filter(c -> c.equals("ipf.contact") || c.startsWith("ipf.contact."))
        .isPresent();
  }
}
