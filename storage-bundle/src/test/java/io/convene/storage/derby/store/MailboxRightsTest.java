package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.FolderRights;
import io.convene.api.store.Mailbox;
import io.convene.api.store.SpecialFolder;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mailbox.rights: the caller's own effective rights, readable without FolderOwner. */
class MailboxRightsTest {

  @TempDir Path data;
  private Database database;
  private DerbyStore store;

  @BeforeEach
  void open() throws StoreException {
    database = Database.open(data.resolve("convene"), List.of(new StoreSchema()));
    store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
    store.provision(1);
    store.provision(2);
    store.provision(3);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void ownerAclEntryAndDefault() throws StoreException {
    Mailbox owner = store.mailbox(1, Caller.account(1));
    FolderId inbox = owner.folder(SpecialFolder.INBOX).id();
    owner.setPermission(inbox, 2, FolderRights.READ_ANY | FolderRights.EDIT_ANY);
    owner.setPermission(inbox, FolderRights.DEFAULT_MEMBER, FolderRights.FOLDER_VISIBLE);

    assertThat(owner.rights(inbox)).isEqualTo(FolderRights.ALL);
    assertThat(store.mailbox(1, Caller.account(2)).rights(inbox)).isEqualTo(FolderRights.READ_ANY | FolderRights.EDIT_ANY);
    assertThat(store.mailbox(1, Caller.account(3)).rights(inbox)).isEqualTo(FolderRights.FOLDER_VISIBLE);
    assertThatThrownBy(() -> store.mailbox(1, Caller.account(2)).permissions(inbox))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.ACCESS_DENIED));
  }

  @Test
  void unknownFolderIsNotFound() throws StoreException {
    Mailbox owner = store.mailbox(1, Caller.account(1));
    assertThatThrownBy(() -> owner.rights(FolderId.of(1, 0xFFFFFF)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.NOT_FOUND));
  }
}
