package io.convene.api.convert;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.util.Map;

/**
 * One attachment of an {@link ItemContent}: its properties (PidTagAttachLongFilename,
 * PidTagAttachMimeTag, PidTagAttachmentContactPhoto...) and its data (PidTagAttachDataBinary),
 * held whole: the converters only attach small objects such as a contact photo.
 *
 * @param properties the attachment's properties, never {@code null}
 * @param data the attachment's bytes, copied in and out, never {@code null}
 */
public record AttachmentContent(Map<PropTag, PropValue> properties, byte[] data) {

  public AttachmentContent {
    properties = Map.copyOf(properties);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttachmentContent other
        && properties.equals(other.properties)
        && java.util.Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * properties.hashCode() + java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "AttachmentContent" + properties + "(" + data.length + " bytes)";
  }
}
