package io.convene.mapi.rop.table;

import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.mapi.rop.data.PropertyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link TableRow} into the cells of a PropertyRow for a column set (MS-OXCTABL 2.2.2.5.2):
 * a missing property becomes ecNotFound, a PtypUnspecified column takes whatever type the row has
 * for the id, PtypString and PtypString8 stand in for each other, and long values are cut to the
 * 510 bytes a table row may carry.
 */
final class RowCells {

  /** ecNotFound in a cell whose property the row does not have. */
  static final int NOT_FOUND = 0x8004010F;
  /** MS-OXCTABL 2.2.2.5.2: no value in a row exceeds 510 bytes. */
  static final int MAX_VALUE_BYTES = 510;

  private RowCells() {}

  static List<PropertyRow.Cell> cells(int[] columns, TableRow row) {
    List<PropertyRow.Cell> cells = new ArrayList<>(columns.length);
    for (int column : columns) {
      cells.add(cell(column, row.values()));
    }
    return cells;
  }

  private static PropertyRow.Cell cell(int column, Map<PropTag, PropValue> values) {
    int id = column >>> 16;
    int typeCode = column & 0xFFFF;
    if (typeCode == PropType.PT_UNSPECIFIED.code()) {
      for (PropValue value : values.values()) {
        if (value.tag().id() == id) {
          return value(value.type(), value.value());
        }
      }
      return new PropertyRow.Error(NOT_FOUND);
    }
    PropType type = PropType.fromCode(typeCode);
    PropValue value = values.get(PropTag.of(id, type));
    if (value == null && (type == PropType.PT_UNICODE || type == PropType.PT_STRING8)) {
      value = values.get(PropTag.of(id, type == PropType.PT_UNICODE ? PropType.PT_STRING8 : PropType.PT_UNICODE));
    }
    return value == null ? new PropertyRow.Error(NOT_FOUND) : value(type, value.value());
  }

  private static PropertyRow.Cell value(PropType type, Object value) {
    if (value instanceof String text && text.length() > MAX_VALUE_BYTES / 2 - 1) {
      // 255 characters: 510 bytes in UTF-16 with the terminator, and within 510 bytes in 8-bit.
      int end = MAX_VALUE_BYTES / 2 - 1;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      value = text.substring(0, end);
    } else if (value instanceof byte[] bytes && bytes.length > MAX_VALUE_BYTES) {
      value = java.util.Arrays.copyOf(bytes, MAX_VALUE_BYTES);
    }
    return new PropertyRow.Value(type.code(), value);
  }
}
