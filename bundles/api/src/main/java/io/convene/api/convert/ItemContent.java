package io.convene.api.convert;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An item as converters read and write it: its properties, its recipient rows (MS-OXCMSG
 * 2.2.1.1; for a meeting: the attendees) and its attachments (for a contact: the photo). Named
 * properties use the ids of the {@link NamedPropertyIds} the conversion was given.
 *
 * @param properties the item's properties by tag, never {@code null}
 * @param recipients the recipient rows in row order, never {@code null}
 * @param attachments the attachments with their data, never {@code null}
 */
public record ItemContent(
    Map<PropTag, PropValue> properties,
    List<Map<PropTag, PropValue>> recipients,
    List<AttachmentContent> attachments) {

  public ItemContent {
    properties = Map.copyOf(properties);
    recipients = recipients.stream().map(Map::copyOf).toList();
    attachments = List.copyOf(attachments);
  }

  /** An item with properties only. */
  public static ItemContent of(Map<PropTag, PropValue> properties) {
    return new ItemContent(properties, List.of(), List.of());
  }

  /** The property with this tag, if the item has it. */
  public Optional<PropValue> property(PropTag tag) {
    return Optional.ofNullable(properties.get(Objects.requireNonNull(tag, "tag")));
  }
}
