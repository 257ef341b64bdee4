package io.convene.api.store;

import java.util.Map;

/**
 * One attachment of an item (MS-OXCMSG 2.2.2): its properties and the size of its data, which is
 * read and written as a stream.
 *
 * @param number PidTagAttachNumber, unique within the item
 * @param properties the attachment's properties (PidTagAttachLongFilename, PidTagAttachMimeTag...)
 * @param size bytes of attachment data (PidTagAttachDataBinary)
 */
public record AttachmentInfo(int number, Map<PropTag, PropValue> properties, long size) {

  public AttachmentInfo {
    properties = Map.copyOf(properties);
  }
}
