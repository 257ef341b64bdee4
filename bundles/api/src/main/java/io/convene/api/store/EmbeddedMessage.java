package io.convene.api.store;

import java.util.List;
import java.util.Map;

/**
 * A message embedded in an attachment (PidTagAttachMethod afEmbeddedMessage, MS-OXCMSG 2.2.2.9)
 * with everything of its own: properties, recipient rows and attachments, which may embed messages
 * again. It lives and dies with its attachment and goes wherever its item goes.
 *
 * @param attachment the attachment holding it
 * @param properties its properties, by tag
 * @param recipients its recipient rows in row order, each with PidTagRowid
 * @param attachments its attachments in number order
 * @since 1.1
 */
public record EmbeddedMessage(
    AttachmentPath attachment,
    Map<PropTag, PropValue> properties,
    List<Map<PropTag, PropValue>> recipients,
    List<AttachmentInfo> attachments) {

  public EmbeddedMessage {
    properties = Map.copyOf(properties);
    recipients = recipients.stream().map(Map::copyOf).toList();
    attachments = List.copyOf(attachments);
  }
}
