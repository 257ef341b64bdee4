package io.convene.storage.derby.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Limits of the mailbox store, PID {@value #PID} ({@code etc/io.convene.storage.store.cfg},
 * optional). A change applies to the next call of every open mailbox; an invalid one is logged and
 * the previous limits kept.
 */
@ObjectClassDefinition(
    name = "Convene mailbox store",
    description = "Limits the Derby mailbox store enforces on what clients write and ask for. Requests beyond them"
        + " fail with MAPI ecTooBig / ecTooComplex and write nothing.")
public @interface StoreConfig {

  String PID = "io.convene.storage.store";

  @AttributeDefinition(name = "Largest attachment (bytes)",
      description = "Attachment data larger than this is refused. Default 150 MiB, Exchange Online's message size limit.")
  long max_attachment_bytes() default 150L << 20;

  @AttributeDefinition(name = "Largest streamed value (bytes)",
      description = "A body or other property written as a stream larger than this is refused. Default 64 MiB.")
  long max_stream_bytes() default 64L << 20;

  @AttributeDefinition(name = "Largest property value (bytes)",
      description = "A single property value set directly (not streamed) larger than this is refused; Unicode strings"
          + " count two bytes a character, multi-valued properties the sum of their values. Default 4 MiB.")
  int max_value_bytes() default 4 << 20;

  @AttributeDefinition(name = "Properties per object",
      description = "Most properties on one item, recipient row, attachment or embedded message, counting those the"
          + " store maintains. 1 to 10000, default 5000.")
  int max_properties_per_item() default 5_000;

  @AttributeDefinition(name = "Recipients per message",
      description = "Most recipient rows of one message. 0 to 10000, default 5000.")
  int max_recipients_per_item() default 5_000;

  @AttributeDefinition(name = "Attachments per message",
      description = "Most attachments of one message or embedded message. Default 1000.")
  int max_attachments_per_item() default 1_000;

  @AttributeDefinition(name = "Restriction depth",
      description = "Most levels of a search restriction tree (MS-OXCDATA 2.12). Outlook's views and search folders"
          + " use a few. Default 32.")
  int max_restriction_depth() default 32;

  @AttributeDefinition(name = "Restriction size",
      description = "Most nodes of a search restriction tree. Default 1000.")
  int max_restriction_nodes() default 1_000;

  @AttributeDefinition(name = "Embedded message depth",
      description = "Most levels of messages embedded in attachments (a forwarded message holding a forwarded message"
          + " counts two). 0 refuses embedded messages. Default 8.")
  int max_embedding_depth() default 8;
}
