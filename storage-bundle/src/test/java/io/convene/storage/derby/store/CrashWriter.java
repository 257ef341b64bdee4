package io.convene.storage.derby.store;

import io.convene.api.store.Caller;
import io.convene.api.store.FolderId;
import io.convene.api.store.Mailbox;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SavedItem;
import io.convene.api.store.SpecialFolder;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The child process of {@link CrashTest}: saves items in a loop with durable commits and prints
 * "ACK <mid> <subject>" after each save returned, until it is killed.
 */
public final class CrashWriter {

  static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);
  static final PropTag BODY = PropTag.of(0x1000, PropType.PT_UNICODE);

  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    int generation = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Database database = Database.open(directory, List.of(new StoreSchema()));
    DerbyStore store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
    store.provision(1);
    Mailbox mailbox = store.mailbox(1, Caller.account(1));
    FolderId inbox = mailbox.folder(SpecialFolder.INBOX).id();
    out.println("READY");
    for (int i = 0; ; i++) {
      String subject = "g" + generation + "-" + i;
      SavedItem saved = mailbox.createItem(inbox, List.of(PropValue.ofString(SUBJECT, subject),
          PropValue.ofString(BODY, bodyFor(subject))));
      out.println("ACK " + saved.id().toLong() + " " + subject);
    }
  }

  static String bodyFor(String subject) {
    return (subject + " ").repeat(50);
  }
}
