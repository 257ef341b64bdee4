package io.convene.search.lucene.index;

import io.convene.api.search.EntryKind;
import java.util.List;
import java.util.Objects;

/**
 * One address-book entry as the index takes it: a GAL account or a personal contact.
 *
 * @param kind what it is
 * @param accountId the account (GAL) or the mailbox owner (personal contact)
 * @param folderId the contacts folder as {@code FolderId.toLong()}, 0 for GAL entries
 * @param messageId the contact item as {@code MessageId.toLong()}, 0 for GAL entries
 * @param displayName PidTagDisplayName, "" when absent
 * @param givenName PidTagGivenName, "" when absent
 * @param surname PidTagSurname, "" when absent
 * @param alias the account alias (GAL), "" for contacts
 * @param emails SMTP addresses, the primary one first
 * @param company PidTagCompanyName
 * @param department PidTagDepartmentName
 * @param phones telephone numbers as entered
 * @param capacity room capacity, 0 when not a room
 * @param location resource location, "" when not set
 */
public record IndexEntry(
    EntryKind kind,
    long accountId,
    long folderId,
    long messageId,
    String displayName,
    String givenName,
    String surname,
    String alias,
    List<String> emails,
    String company,
    String department,
    List<String> phones,
    int capacity,
    String location) {

  public IndexEntry {
    Objects.requireNonNull(kind, "kind");
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
  }

  /** The document key: one per account, one per contact item (not per folder, so a move is an update). */
  public String key() {
    return kind.isGal() ? galKey(accountId) : personalKey(accountId, messageId);
  }

  public static String galKey(long accountId) {
    return "g:" + accountId;
  }

  public static String personalKey(long ownerId, long messageId) {
    return "p:" + ownerId + ":" + messageId;
  }
}
