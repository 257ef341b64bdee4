package io.convene.storage.derby.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.Contents;
import io.convene.api.store.FolderId;
import io.convene.api.store.MessageId;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoredItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredItemsTest {

  private static final MessageId ID = MessageId.fromLong(0x0100_0000_0000_0001L | 1);
  private static final FolderId FOLDER = FolderId.fromLong(0x0200_0000_0000_0001L | 1);
  private static final PropTag SUBJECT = PropTag.of(0x0037, PropType.PT_UNICODE);

  @Test
  void readStateComesFromTheColumnNotTheBag() {
    List<PropValue> bag = List.of(PropValue.ofString(SUBJECT, "hello"),
        PropValue.ofInt(Tags.MESSAGE_FLAGS, Tags.MSGFLAG_READ | 0x0008));

    StoredItem unread = StoredItems.of(ID, FOLDER, 7, false, false, bag);
    StoredItem read = StoredItems.of(ID, FOLDER, 7, true, false, List.of(PropValue.ofString(SUBJECT, "hello")));

    assertThat(unread.property(Tags.MESSAGE_FLAGS).orElseThrow().asInt()).isEqualTo(0x0008);
    assertThat(unread.read()).isFalse();
    assertThat(read.property(Tags.MESSAGE_FLAGS).orElseThrow().asInt()).isEqualTo(Tags.MSGFLAG_READ);
    assertThat(read.properties()).hasSize(2).containsEntry(SUBJECT, PropValue.ofString(SUBJECT, "hello"));
    assertThat(unread.id()).isEqualTo(ID);
    assertThat(unread.folderId()).isEqualTo(FOLDER);
    assertThat(unread.changeNumber()).isEqualTo(DerbyStore.changeNumber(7));
    assertThat(unread.property(Contents.ASSOCIATED_TAG)).isEmpty();
  }

  @Test
  void associatedItemsCarryTheFlagAndPidTagAssociatedOnce() {
    List<PropValue> bag = List.of(PropValue.ofBoolean(Contents.ASSOCIATED_TAG, false), PropValue.ofString(SUBJECT, "view"));

    StoredItem item = StoredItems.of(ID, FOLDER, 9, false, true, bag);

    assertThat(item.property(Tags.MESSAGE_FLAGS).orElseThrow().asInt()).isEqualTo(Contents.MSGFLAG_ASSOCIATED);
    assertThat(item.property(Contents.ASSOCIATED_TAG).orElseThrow().asBoolean()).isTrue();
    assertThat(item.properties()).hasSize(3);
  }

  @Test
  void theItemsPropertiesAreImmutable() {
    StoredItem item = StoredItems.of(ID, FOLDER, 1, false, false, List.of(PropValue.ofString(SUBJECT, "x")));

    assertThatThrownBy(() -> item.properties().remove(SUBJECT)).isInstanceOf(UnsupportedOperationException.class);
  }
}
