package io.convene.storage.derby.query;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recipients and attachments of one message, each a property bag, for {@code
 * SubObjectRestriction}s (MS-OXCDATA 2.12.10). The evaluator calls a method only when a sub-object
 * restriction asks for it, so an implementation may load rows lazily.
 */
public interface SubObjects {

  /** A message without recipients and attachments (also every sub-object's own sub-objects). */
  SubObjects NONE = of(List.of(), List.of());

  /** The property bags of the recipients ({@code PidTagMessageRecipients}), never {@code null}. */
  List<Map<PropTag, PropValue>> recipients();

  /**
   * The property bags of the attachments ({@code PidTagMessageAttachments}), never {@code null}.
   */
  List<Map<PropTag, PropValue>> attachments();

  /**
   * The sub-objects of attachment {@code index} of {@link #attachments()}: those of the message it
   * embeds (MS-OXCMSG 2.2.2.9), so a sub-object restriction inside an attachment restriction looks
   * into embedded messages. {@link #NONE} for an attachment that embeds nothing.
   */
  default SubObjects attachmentParts(int index) {
    return NONE;
  }

  /** Fixed lists of bags; the lists are copied, the bags are not. */
  static SubObjects of(
      List<Map<PropTag, PropValue>> recipients, List<Map<PropTag, PropValue>> attachments) {
    List<Map<PropTag, PropValue>> r = List.copyOf(Objects.requireNonNull(recipients));
    List<Map<PropTag, PropValue>> a = List.copyOf(Objects.requireNonNull(attachments));
    return new SubObjects() {
      @Override
      public List<Map<PropTag, PropValue>> recipients() {
        return r;
      }

      @Override
      public List<Map<PropTag, PropValue>> attachments() {
        return a;
      }
    };
  }
}
