package io.convene.mapi.rop.data;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/** PropertyTagArray (MS-OXCDATA 2.10): a 16-bit count and that many 32-bit property tags. */
public final class PropertyTagArray {

  private PropertyTagArray() {}

  public static int[] read(LittleEndianReader in, PropertyLimits limits) throws WireFormatException {
    int count = in.u16("PropertyTagCount");
    return readTags(in, count, limits);
  }

  /** {@code count} tags whose count was read elsewhere. */
  public static int[] readTags(LittleEndianReader in, int count, PropertyLimits limits)
      throws WireFormatException {
    if (count > limits.maxValues() || count * 4L > in.remaining()) {
      throw new WireFormatException("property tag count " + count + " with " + in.remaining() + " bytes left");
    }
    int[] tags = new int[count];
    for (int i = 0; i < count; i++) {
      tags[i] = (int) in.u32("PropertyTag");
    }
    return tags;
  }

  public static void write(LittleEndianWriter out, int[] tags) {
    out.u16(tags.length);
    writeTags(out, tags);
  }

  public static void writeTags(LittleEndianWriter out, int[] tags) {
    for (int tag : tags) {
      out.u32(tag & 0xffffffffL);
    }
  }
}
