package io.convene.api.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types of the conversion API are immutable and compare by content. */
class ConvertValuesTest {

  private static final PropTag SUBJECT = PropTag.of(0x0037001F);

  @Test
  void itemContentCopiesWhatItIsGiven() {
    Map<PropTag, PropValue> props = new HashMap<>(Map.of(SUBJECT, PropValue.ofString(SUBJECT, "a")));
    List<Map<PropTag, PropValue>> rows = new ArrayList<>(List.of(new HashMap<>(props)));
    ItemContent item = new ItemContent(props, rows, List.of());
    props.clear();
    rows.get(0).clear();
    rows.clear();
    assertThat(item.property(SUBJECT)).contains(PropValue.ofString(SUBJECT, "a"));
    assertThat(item.recipients()).hasSize(1);
    assertThat(item.recipients().get(0)).hasSize(1);
    assertThatThrownBy(() -> item.properties().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void attachmentDataIsCopiedInAndOutAndComparedByContent() {
    byte[] data = {1, 2, 3};
    PropTag method = PropTag.of(0x3705, PropType.PT_LONG);
    AttachmentContent a = new AttachmentContent(Map.of(method, PropValue.ofInt(method, 1)), data);
    data[0] = 9;
    assertThat(a.data()).containsExactly(1, 2, 3);
    a.data()[1] = 9;
    assertThat(a.data()).containsExactly(1, 2, 3);
    assertThat(a).isEqualTo(new AttachmentContent(Map.of(method, PropValue.ofInt(method, 1)), new byte[] {1, 2, 3}));
    assertThat(a.hashCode()).isEqualTo(
        new AttachmentContent(Map.of(method, PropValue.ofInt(method, 1)), new byte[] {1, 2, 3}).hashCode());
  }

  @Test
  void anAttachmentMayEmbedAMessage() {
    PropTag method = PropTag.of(0x3705, PropType.PT_LONG);
    ItemContent message = ItemContent.of(Map.of(SUBJECT, PropValue.ofString(SUBJECT, "moved")));
    AttachmentContent a = AttachmentContent.embedding(Map.of(method, PropValue.ofInt(method, 5)), message);
    assertThat(a.embeddedMessage()).contains(message);
    assertThat(a.data()).isEmpty();
    assertThat(a).isEqualTo(AttachmentContent.embedding(Map.of(method, PropValue.ofInt(method, 5)),
        ItemContent.of(Map.of(SUBJECT, PropValue.ofString(SUBJECT, "moved")))));
    assertThat(a).isNotEqualTo(new AttachmentContent(Map.of(method, PropValue.ofInt(method, 5)), new byte[0]));
    assertThat(new AttachmentContent(Map.of(), new byte[] {1}).embeddedMessage()).isEmpty();
  }

  @Test
  void resultsAndErrors() {
    List<String> warnings = new ArrayList<>(List.of("w"));
    ConversionResult<String> result = new ConversionResult<>("x", warnings);
    warnings.clear();
    assertThat(result.warnings()).containsExactly("w");
    assertThat(ConversionResult.clean("y").warnings()).isEmpty();
    assertThatThrownBy(() -> new ConversionResult<>(null, List.of())).isInstanceOf(NullPointerException.class);
    ConversionException e = new ConversionException(ConversionError.TOO_LARGE, "big");
    assertThat(e.error()).isEqualTo(ConversionError.TOO_LARGE);
    assertThat(e).hasMessage("big");
  }
}
