package io.convene.search.lucene.index;

import io.convene.api.search.ContactHit;
import io.convene.api.search.EntryKind;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Turns an {@link IndexEntry} into a Lucene document and a stored document into a {@link ContactHit}. */
public final class EntryDocuments {

  /** Longest value indexed as one key; longer ones are cut (Lucene refuses terms over 32 KB). */
  static final int MAX_KEY_LENGTH = 512;

  private EntryDocuments() {}

  public static Document toDocument(IndexEntry entry) {
    Document doc = new Document();
    String key = entry.key();
    doc.add(new StringField(Fields.KEY, key, Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.KEY, new BytesRef(key)));
    doc.add(new StringField(Fields.KIND, entry.kind().name(), Field.Store.YES));
    doc.add(new StoredField(Fields.STORED_ACCOUNT, entry.accountId()));
    if (entry.kind().isGal()) {
      doc.add(new StringField(Fields.SCOPE, Fields.SCOPE_GAL, Field.Store.NO));
      doc.add(new NumericDocValuesField(Fields.ACCOUNT, entry.accountId()));
    } else {
      String folder = IndexEntry.folderKey(entry.accountId(), entry.folderId());
      doc.add(new StringField(Fields.SCOPE, Fields.SCOPE_PERSONAL, Field.Store.NO));
      doc.add(new StringField(Fields.OWNER, Long.toString(entry.accountId()), Field.Store.NO));
      doc.add(new StringField(Fields.FOLDER, folder, Field.Store.NO));
      doc.add(new SortedDocValuesField(Fields.FOLDER, new BytesRef(folder)));
      doc.add(new StoredField(Fields.STORED_FOLDER, entry.folderId()));
      doc.add(new StoredField(Fields.STORED_MESSAGE, entry.messageId()));
    }
    String smtp = entry.emails().isEmpty() ? "" : entry.emails().get(0);
    doc.add(new StoredField(Fields.DISPLAY_NAME, entry.displayName()));
    doc.add(new StoredField(Fields.SMTP, smtp));
    if (entry.capacity() != 0) {
      doc.add(new StoredField(Fields.CAPACITY, entry.capacity()));
    }
    if (!entry.location().isEmpty()) {
      doc.add(new StoredField(Fields.LOCATION, entry.location()));
    }
    doc.add(new SortedDocValuesField(Fields.SORT_NAME, new BytesRef(cut(NameFolding.key(entry.displayName())))));

    Set<String> names = new LinkedHashSet<>();
    names.add(entry.displayName());
    names.add(entry.givenName());
    names.add(entry.surname());
    names.add(entry.alias());
    names.addAll(entry.emails());
    if (!entry.givenName().isBlank() && !entry.surname().isBlank()) {
      // "first last" and "last, first" (the comma folds away) as whole values
      names.add(entry.givenName() + " " + entry.surname());
      names.add(entry.surname() + " " + entry.givenName());
    }
    Set<String> fullKeys = new LinkedHashSet<>();
    StringBuilder words = new StringBuilder();
    for (String name : names) {
      if (name.isBlank()) {
        continue;
      }
      fullKeys.add(cut(NameFolding.key(name)));
      words.append(NameFolding.fold(name)).append(' ');
    }
    for (String full : fullKeys) {
      doc.add(new StringField(Fields.ANR_FULL, full, Field.Store.NO));
    }
    for (String email : entry.emails()) {
      if (!email.isBlank()) {
        doc.add(new StringField(Fields.ADDRESS, cut(address(email)), Field.Store.NO));
      }
    }
    String anrWords = words.toString();
    doc.add(new TextField(Fields.ANR_WORDS, anrWords, Field.Store.NO));
    StringBuilder text = new StringBuilder(anrWords);
    text.append(NameFolding.fold(entry.company())).append(' ').append(NameFolding.fold(entry.department())).append(' ')
        .append(NameFolding.fold(entry.location()));
    for (String phone : entry.phones()) {
      text.append(' ').append(NameFolding.fold(phone));
      String digits = digits(phone);
      if (!digits.isEmpty()) {
        doc.add(new StringField(Fields.PHONE_DIGITS, cut(digits), Field.Store.NO));
      }
    }
    doc.add(new TextField(Fields.TEXT_WORDS, text.toString(), Field.Store.NO));
    return doc;
  }

  /** The hit a stored document stands for. */
  public static ContactHit toHit(Document doc, float score) {
    EntryKind kind = EntryKind.valueOf(doc.get(Fields.KIND));
    long account = doc.getField(Fields.STORED_ACCOUNT).numericValue().longValue();
    Optional<FolderId> folder = Optional.empty();
    Optional<MessageId> message = Optional.empty();
    if (!kind.isGal()) {
      folder = Optional.of(FolderId.fromLong(doc.getField(Fields.STORED_FOLDER).numericValue().longValue()));
      message = Optional.of(MessageId.fromLong(doc.getField(Fields.STORED_MESSAGE).numericValue().longValue()));
    }
    var capacity = doc.getField(Fields.CAPACITY);
    String location = doc.get(Fields.LOCATION);
    return new ContactHit(kind, account, folder, message, doc.get(Fields.DISPLAY_NAME), doc.get(Fields.SMTP),
        capacity == null ? 0 : capacity.numericValue().intValue(), location == null ? "" : location, score);
  }

  /** An SMTP address as the exact-lookup key: trimmed and lower-case (the directory's own rule). */
  public static String address(String smtp) {
    return smtp.trim().toLowerCase(Locale.ROOT);
  }

  /** The digits of a telephone number, "+49 (30) 1234-5" -> "493012345". */
  public static String digits(String phone) {
    StringBuilder digits = new StringBuilder(phone.length());
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  static String cut(String value) {
    if (value.length() <= MAX_KEY_LENGTH) {
      return value;
    }
    // never split a surrogate pair
    int end = Character.isHighSurrogate(value.charAt(MAX_KEY_LENGTH - 1)) ? MAX_KEY_LENGTH - 1 : MAX_KEY_LENGTH;
    return value.substring(0, end);
  }
}
