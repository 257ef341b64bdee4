package io.convene.api.convert;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.util.Map;
import java.util.Optional;

/**
 * One attachment of an {@link ItemContent}: its properties (PidTagAttachLongFilename,
 * PidTagAttachMimeTag, PidTagAttachmentContactPhoto...) and either its data
 * (PidTagAttachDataBinary), held whole: the converters only attach small objects such as a contact
 * photo, or the message it embeds (PidTagAttachMethod afEmbeddedMessage, MS-OXCMSG 2.2.2.9), such as
 * the Exception Embedded Message of a modified instance of a recurring appointment (MS-OXOCAL
 * 2.2.10). A store saves an embedded one with {@code Mailbox.createEmbeddedMessage}.
 *
 * @param properties the attachment's properties, never {@code null}
 * @param data the attachment's bytes, copied in and out, never {@code null} (empty for an embedded
 *     message)
 * @param embedded the message the attachment embeds, or {@code null} (since 1.1)
 */
public record AttachmentContent(Map<PropTag, PropValue> properties, byte[] data, ItemContent embedded) {

  public AttachmentContent {
    properties = Map.copyOf(properties);
    data = data.clone();
  }

  /** An attachment holding data. */
  public AttachmentContent(Map<PropTag, PropValue> properties, byte[] data) {
    this(properties, data, null);
  }

  /**
   * An attachment embedding a message.
   *
   * @since 1.1
   */
  public static AttachmentContent embedding(Map<PropTag, PropValue> properties, ItemContent message) {
    return new AttachmentContent(properties, new byte[0], java.util.Objects.requireNonNull(message, "message"));
  }

  /**
   * The message this attachment embeds, if it is an afEmbeddedMessage attachment.
   *
   * @since 1.1
   */
  public Optional<ItemContent> embeddedMessage() {
    return Optional.ofNullable(embedded);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttachmentContent other
        && properties.equals(other.properties)
        && java.util.Arrays.equals(data, other.data)
        && java.util.Objects.equals(embedded, other.embedded);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * properties.hashCode() + java.util.Arrays.hashCode(data)) + java.util.Objects.hashCode(embedded);
  }

  @Override
  public String toString() {
    return "AttachmentContent" + properties + (embedded != null ? "(embedded " + embedded + ")" : "(" + data.length + " bytes)");
  }
}
