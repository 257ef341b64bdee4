package io.convene.storage.derby.store;

import io.convene.api.store.AttachmentPath;
import io.convene.api.store.Caller;
import io.convene.api.store.Mailbox;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.SpecialFolder;
import io.convene.storage.derby.codec.PropertyBagCodec;
import io.convene.storage.derby.db.Database;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Child JVM of {@link LargeAttachmentStreamingTest}, started with a heap smaller than the data:
 * writes an attachment of {@code args[1]} MiB into a message embedded in an item's attachment,
 * reads it back and prints {@code OK <bytes> <checksum>} (the checksum of what came back), or dies
 * with an OutOfMemoryError if either way held the value whole.
 */
public final class LargeAttachmentWriter {

  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  private LargeAttachmentWriter() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    long size = Long.parseLong(args[1]) * 1024 * 1024;
    try (Database database = Database.open(directory, List.of(new StoreSchema()))) {
      DerbyStore store = new DerbyStore(database, new PropertyBagCodec(), Clock.systemUTC());
      store.provision(1);
      Mailbox mailbox = store.mailbox(1, Caller.account(1));
      MessageId item = mailbox.createItem(mailbox.folder(SpecialFolder.INBOX).id(),
          List.of(PropValue.ofString(SUBJECT, "forward with a large file"))).id();
      int number = mailbox.addAttachment(item, List.of(), InputStream.nullInputStream());
      AttachmentPath forwarded = AttachmentPath.of(item, number);
      mailbox.createEmbeddedMessage(forwarded, List.of(PropValue.ofString(SUBJECT, "the forwarded message")));
      AttachmentPath file = mailbox.addEmbeddedAttachment(forwarded, List.of(), new PatternStream(size));
      Checksum sink = new Checksum();
      mailbox.readAttachment(file, sink);
      System.out.println("OK " + sink.count + " " + sink.sum);
    }
  }

  /** {@code size} bytes of a pattern, generated as read. */
  static final class PatternStream extends InputStream {
    private final long size;
    private long position;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? PatternStream.at(position++) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int count = (int) Math.min(length, size - position);
      for (int i = 0; i < count; i++) {
        buffer[offset + i] = (byte) at(position++);
      }
      return count;
    }

    static int at(long position) {
      return (int) ((position * 31 + (position >>> 13)) & 0xff);
    }

    /** The checksum {@link Checksum} gives for the pattern's first {@code size} bytes. */
    static long checksum(long size) {
      Checksum sum = new Checksum();
      for (long i = 0; i < size; i++) {
        sum.write(at(i));
      }
      return sum.sum;
    }
  }

  /** Counts bytes and sums them position-weighted, so a lost, doubled or moved block shows. */
  static final class Checksum extends OutputStream {
    long count;
    long sum;

    @Override
    public void write(int b) {
      sum = sum * 1_000_003 + (b & 0xff) + count;
      count++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
      for (int i = 0; i < length; i++) {
        write(buffer[offset + i]);
      }
    }
  }
}
