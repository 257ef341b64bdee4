package io.convene.api.search;

import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import java.util.Objects;
import java.util.Optional;

/**
 * One search result.
 *
 * @param kind what the entry is
 * @param accountId for GAL entries the directory id of the account; for personal contacts the id
 *     of the mailbox owner
 * @param folderId the contacts folder holding a personal contact; empty for GAL entries
 * @param messageId the contact item; empty for GAL entries
 * @param displayName PidTagDisplayName, never {@code null} (may be empty for a contact without one)
 * @param smtpAddress the primary SMTP address (for contacts PidLidEmail1EmailAddress, else the
 *     first e-mail address set), empty when the entry has none; never {@code null}
 * @param capacity seats of a room, {@code 0} otherwise
 * @param location where a resource is (PidTagOfficeLocation), empty when not set
 * @param score relevance; higher is better, exact matches score above prefix matches. Only
 *     comparable within one result
 */
public record ContactHit(
    EntryKind kind,
    long accountId,
    Optional<FolderId> folderId,
    Optional<MessageId> messageId,
    String displayName,
    String smtpAddress,
    int capacity,
    String location,
    float score) {

  public ContactHit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(folderId, "folderId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(smtpAddress, "smtpAddress");
    Objects.requireNonNull(location, "location");
    if (kind.isGal() != messageId.isEmpty() || kind.isGal() != folderId.isEmpty()) {
      throw new IllegalArgumentException("GAL entries have no folder and item id, personal contacts have both");
    }
  }
}
