package io.convene.api.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an attachment is: the item it ultimately belongs to and the attachment numbers (PidTagAttachNumber)
 * leading to it, outermost first. {@code [2]} is attachment 2 of the item; {@code [2, 0]} is
 * attachment 0 of the message embedded in attachment 2 (MS-OXCMSG 2.2.2.9, afEmbeddedMessage), as
 * Outlook stores the exceptions of a recurring meeting or a forwarded message.
 *
 * @param item the top-level item
 * @param numbers the attachment numbers, at least one, each {@code >= 0}
 * @since 1.1
 */
public record AttachmentPath(MessageId item, List<Integer> numbers) {

  public AttachmentPath {
    Objects.requireNonNull(item, "item");
    numbers = List.copyOf(numbers);
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("an attachment path has at least one attachment number");
    }
    for (int number : numbers) {
      if (number < 0) {
        throw new IllegalArgumentException("attachment numbers are >= 0, not " + number);
      }
    }
  }

  /** Attachment {@code number} of {@code item}, then the further numbers inside embedded messages. */
  public static AttachmentPath of(MessageId item, int number, int... deeper) {
    List<Integer> numbers = new ArrayList<>(1 + deeper.length);
    numbers.add(number);
    for (int n : deeper) {
      numbers.add(n);
    }
    return new AttachmentPath(item, numbers);
  }

  /** Attachment {@code number} of the message embedded in this attachment. */
  public AttachmentPath child(int number) {
    List<Integer> longer = new ArrayList<>(numbers);
    longer.add(number);
    return new AttachmentPath(item, longer);
  }

  /** How deep the message embedded in this attachment is: 1 for one in an attachment of the item. */
  public int depth() {
    return numbers.size();
  }

  @Override
  public String toString() {
    return "attachment " + numbers + " of " + item;
  }
}
