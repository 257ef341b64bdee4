package io.convene.api.store;

/**
 * What a committed save returns: the item's id and the change it now carries.
 *
 * @param id the message id
 * @param changeNumber the change number of this save
 * @param changeKey PidTagChangeKey after the save (XID of the change)
 */
public record SavedItem(MessageId id, ChangeNumber changeNumber, byte[] changeKey) {

  public SavedItem {
    changeKey = changeKey.clone();
  }

  @Override
  public byte[] changeKey() {
    return changeKey.clone();
  }
}
