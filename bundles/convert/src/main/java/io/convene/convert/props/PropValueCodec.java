package io.convene.convert.props;

import io.convene.api.store.FileTimes;
import io.convene.api.store.Guids;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bytes of one property value inside an {@code X-CONVENE-PROP} (before base64): fixed-size
 * types little-endian as on the MAPI wire (MS-OXCDATA 2.11.1), strings UTF-8, times as FILETIME,
 * GUIDs in wire order; a multi-valued value is a 4-byte count, then each element as a 4-byte
 * length and its bytes. Decoding is bounded by the input and throws {@link
 * IllegalArgumentException} for malformed bytes.
 */
public final class PropValueCodec {

  /** Elements a multi-valued value may have. */
  public static final int MAX_ELEMENTS = 4096;

  private PropValueCodec() {}

  public static byte[] encode(PropValue value) {
    PropType type = value.type();
    if (!type.isMultiValued()) {
      return single(type, value.value());
    }
    List<?> list = value.asList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeInt(out, list.size());
    for (Object element : list) {
      byte[] bytes = single(type.elementType(), element);
      writeInt(out, bytes.length);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  /** The Java value of {@code type} these bytes encode. */
  public static Object decode(PropType type, byte[] bytes) {
    if (!type.isStorable()) {
      throw new IllegalArgumentException("not a storable type: " + type);
    }
    if (!type.isMultiValued()) {
      return single(type.elementType(), bytes, 0, bytes.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = readLength(in);
    if (count > MAX_ELEMENTS) {
      throw new IllegalArgumentException("too many elements: " + count);
    }
    List<Object> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = readLength(in);
      list.add(single(type.elementType(), bytes, in.position(), length));
      in.position(in.position() + length);
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes after " + count + " elements");
    }
    return list;
  }

  private static int readLength(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw new IllegalArgumentException("truncated length");
    }
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("length " + n + " beyond the data");
    }
    return n;
  }

  private static byte[] single(PropType type, Object v) {
    ByteBuffer b;
    switch (type) {
      case PT_I2 -> b = buffer(2).putShort((Short) v);
      case PT_LONG, PT_ERROR -> b = buffer(4).putInt((Integer) v);
      case PT_FLOAT -> b = buffer(4).putFloat((Float) v);
      case PT_DOUBLE, PT_APPTIME -> b = buffer(8).putDouble((Double) v);
      case PT_I8, PT_CURRENCY -> b = buffer(8).putLong((Long) v);
      case PT_BOOLEAN -> b = buffer(1).put((byte) ((Boolean) v ? 1 : 0));
      case PT_SYSTIME -> b = buffer(8).putLong(FileTimes.toFileTime((Instant) v));
      case PT_STRING8, PT_UNICODE -> {
        return ((String) v).getBytes(StandardCharsets.UTF_8);
      }
      case PT_CLSID -> {
        return Guids.toBytes((UUID) v);
      }
      default -> {
        return (byte[]) v;
      }
    }
    return b.array();
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static Object single(PropType type, byte[] src, int offset, int length) {
    ByteBuffer in = ByteBuffer.wrap(src, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    return switch (type) {
      case PT_I2 -> fixed(length, 2, () -> in.getShort());
      case PT_LONG, PT_ERROR -> fixed(length, 4, () -> in.getInt());
      case PT_FLOAT -> fixed(length, 4, () -> in.getFloat());
      case PT_DOUBLE, PT_APPTIME -> fixed(length, 8, () -> in.getDouble());
      case PT_I8, PT_CURRENCY -> fixed(length, 8, () -> in.getLong());
      case PT_BOOLEAN -> fixed(length, 1, () -> in.get() != 0);
      case PT_SYSTIME -> fixed(length, 8, () -> FileTimes.toInstant(in.getLong()));
      case PT_STRING8, PT_UNICODE -> new String(src, offset, length, StandardCharsets.UTF_8);
      case PT_CLSID -> fixed(length, 16, () -> Guids.fromBytes(src, offset));
      case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS ->
          java.util.Arrays.copyOfRange(src, offset, offset + length);
      default -> throw new IllegalArgumentException("not a storable type: " + type);
    };
  }

  private static Object fixed(int length, int size, java.util.function.Supplier<Object> read) {
    if (length != size) {
      throw new IllegalArgumentException("expected " + size + " bytes, got " + length);
    }
    return read.get();
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
  }
}
