package io.convene.search.lucene.index;

import io.convene.api.search.ContactHit;
import io.convene.api.search.EntryKind;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Everything a {@link ContactHit} shows, as the one binary doc value {@link Fields#HIT}: kind,
 * account, folder, message, capacity, display name, address and location. Reading a hit from
 * one value instead of eight fields opens one doc-values reader per segment instead of eight (each
 * open clones and slices its files), and the strings are decoded
 * straight from their UTF-8 bytes.
 *
 * <p>Layout: kind ({@link #CODES}, one byte), account, for personal contacts folder and message
 * (zig-zag variable-length longs), capacity (zig-zag variable-length int), display name, address,
 * location (each length-prefixed UTF-8).
 */
final class HitRecord {

  private HitRecord() {}

  /**
   * The kinds by their one-byte code (the position here): append only, since codes are stored. A
   * test checks that every kind has one.
   */
  static final List<EntryKind> CODES =
      List.of(EntryKind.GAL_USER, EntryKind.GAL_ROOM, EntryKind.GAL_EQUIPMENT, EntryKind.PERSONAL_CONTACT);

  static BytesRef encode(IndexEntry entry) {
    int code = CODES.indexOf(entry.kind());
    if (code < 0) {
      throw new IllegalStateException("no hit code for the entry kind " + entry.kind());
    }
    byte[] name = entry.displayName().getBytes(StandardCharsets.UTF_8);
    byte[] smtp = (entry.emails().isEmpty() ? "" : entry.emails().get(0)).getBytes(StandardCharsets.UTF_8);
    byte[] location = entry.location().getBytes(StandardCharsets.UTF_8);
    // the code 1 byte, an int or length at most 5 bytes, a zig-zag long at most 10
    byte[] bytes = new byte[1 + 3 * 10 + 4 * 5 + name.length + smtp.length + location.length];
    ByteArrayDataOutput out = new ByteArrayDataOutput(bytes);
    try {
      out.writeByte((byte) code);
      out.writeZLong(entry.accountId());
      if (!entry.kind().isGal()) {
        out.writeZLong(entry.folderId());
        out.writeZLong(entry.messageId());
      }
      out.writeZInt(entry.capacity());
      writeBytes(out, name);
      writeBytes(out, smtp);
      writeBytes(out, location);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a byte array cannot fail", e);
    }
    return new BytesRef(bytes, 0, out.getPosition());
  }

  /**
   * @throws IOException when the value is not one {@link #encode} wrote (cut short, unknown kind)
   */
  static ContactHit decode(BytesRef value, float score) throws IOException {
    return decode(value, score, new ByteArrayDataInput());
  }

  /** {@link #decode(BytesRef, float)} reading through {@code in}, reset to the value (one per page of hits). */
  static ContactHit decode(BytesRef value, float score, ByteArrayDataInput in) throws IOException {
    try {
      return read(value, score, in);
    } catch (RuntimeException e) {
      // past the end of the value, or a malformed number (Lucene's readers throw plain runtime exceptions)
      throw new IOException("malformed hit value: " + e.getMessage(), e);
    }
  }

  private static ContactHit read(BytesRef value, float score, ByteArrayDataInput in) throws IOException {
    if (value.length == 0) {
      throw new IOException("empty hit value");
    }
    in.reset(value.bytes, value.offset, value.length);
    int code = in.readByte();
    if (code < 0 || code >= CODES.size()) {
      throw new IOException("unknown entry kind code " + code);
    }
    EntryKind kind = CODES.get(code);
    long accountId = in.readZLong();
    Optional<FolderId> folderId = Optional.empty();
    Optional<MessageId> messageId = Optional.empty();
    if (!kind.isGal()) {
      folderId = Optional.of(FolderId.fromLong(in.readZLong()));
      messageId = Optional.of(MessageId.fromLong(in.readZLong()));
    }
    int capacity = in.readZInt();
    String displayName = readString(in, value.bytes);
    String smtp = readString(in, value.bytes);
    String location = readString(in, value.bytes);
    return new ContactHit(kind, accountId, folderId, messageId, displayName, smtp, capacity, location, score);
  }

  private static void writeBytes(ByteArrayDataOutput out, byte[] bytes) throws IOException {
    out.writeVInt(bytes.length);
    out.writeBytes(bytes, 0, bytes.length);
  }

  private static String readString(ByteArrayDataInput in, byte[] bytes) throws IOException {
    int length = in.readVInt();
    int start = in.getPosition();
    in.skipBytes(length);
    if (length < 0 || start + length > in.length()) {
      throw new IOException("hit value cut short");
    }
    return length == 0 ? "" : new String(bytes, start, length, StandardCharsets.UTF_8);
  }
}
