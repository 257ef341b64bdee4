package io.convene.storage.derby.store;

import io.convene.api.store.StoreException;
import io.convene.api.store.StoreError;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of PidTagAdditionalRenEntryIdsEx (MS-OXOSFLD 2.2.5): PersistData blocks (PersistID,
 * DataElementsSize, DataElements), each holding an RSF_ELID_ENTRYID PersistElement and the
 * ELEMENT_SENTINEL, the whole ended by PERSIST_SENTINEL. All fields little-endian.
 */
final class PersistDataBlocks {

  static final int RSF_PID_CONV_ACTIONS = 0x8006;
  static final int RSF_PID_COMBINED_ACTIONS = 0x8007;
  static final int RSF_PID_SUGGESTED_CONTACTS = 0x8008;
  static final int RSF_PID_CONTACT_SEARCH = 0x8009;
  static final int RSF_PID_BUDDYLIST_PDLS = 0x800A;
  static final int RSF_PID_BUDDYLIST_CONTACTS = 0x800B;

  private static final int PERSIST_SENTINEL = 0x0000;
  private static final int ELEMENT_SENTINEL = 0x0000;
  private static final int RSF_ELID_ENTRYID = 0x0001;

  /** Blocks read at most: more than the spec defines ids for, so a longer value is not ours. */
  private static final int MAX_BLOCKS = 64;

  private PersistDataBlocks() {}

  /** Encodes PersistID to entry id, in the map's order, with the sentinels. */
  static byte[] encode(Map<Integer, byte[]> entryIds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entryIds.forEach((persistId, entryId) -> {
      u16(out, persistId);
      u16(out, 4 + entryId.length + 4); // the entry id element, then the element sentinel
      u16(out, RSF_ELID_ENTRYID);
      u16(out, entryId.length);
      out.writeBytes(entryId);
      u16(out, ELEMENT_SENTINEL);
      u16(out, 0);
    });
    u16(out, PERSIST_SENTINEL);
    u16(out, 0);
    return out.toByteArray();
  }

  /**
   * The entry ids of a value, by PersistID; unknown elements are skipped, as the spec asks.
   *
   * @throws StoreException INVALID_PARAMETER when a size runs past the value or there are too many blocks
   */
  static Map<Integer, byte[]> decode(byte[] value) throws StoreException {
    Map<Integer, byte[]> entryIds = new LinkedHashMap<>();
    int at = 0;
    while (at + 4 <= value.length) {
      int persistId = u16(value, at);
      int size = u16(value, at + 2);
      at += 4;
      if (persistId == PERSIST_SENTINEL) {
        break;
      }
      if (size > value.length - at || entryIds.size() >= MAX_BLOCKS) {
        throw invalid("PersistData 0x" + Integer.toHexString(persistId) + " of " + size + " bytes at " + at);
      }
      int end = at + size;
      while (at + 4 <= end) {
        int elementId = u16(value, at);
        int elementSize = u16(value, at + 2);
        at += 4;
        if (elementId == ELEMENT_SENTINEL) {
          break;
        }
        if (elementSize > end - at) {
          throw invalid("PersistElement 0x" + Integer.toHexString(elementId) + " of " + elementSize + " bytes");
        }
        if (elementId == RSF_ELID_ENTRYID) {
          entryIds.put(persistId, java.util.Arrays.copyOfRange(value, at, at + elementSize));
        }
        at += elementSize;
      }
      at = end;
    }
    return entryIds;
  }

  private static StoreException invalid(String what) {
    return new StoreException(StoreError.INVALID_PARAMETER, "PidTagAdditionalRenEntryIdsEx: " + what + " runs past the value");
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write(value & 0xff);
    out.write(value >>> 8 & 0xff);
  }

  private static int u16(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
  }
}
