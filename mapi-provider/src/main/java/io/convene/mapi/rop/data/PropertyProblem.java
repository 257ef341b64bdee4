package io.convene.mapi.rop.data;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * PropertyProblem (MS-OXCDATA 2.7): which property of a set or delete request failed and why.
 *
 * @param index the index of the property in the request
 * @param tag the property tag
 * @param errorCode the MS-OXCDATA 2.4 error code
 */
public record PropertyProblem(int index, int tag, int errorCode) {

  public static PropertyProblem read(LittleEndianReader in) throws WireFormatException {
    return new PropertyProblem(in.u16("Index"), (int) in.u32("PropertyTag"), (int) in.u32("ErrorCode"));
  }

  public void write(LittleEndianWriter out) {
    out.u16(index).u32(tag & 0xffffffffL).u32(errorCode & 0xffffffffL);
  }

  /** A PropertyProblemCount (16 bits) and the problems. */
  public static List<PropertyProblem> readArray(LittleEndianReader in) throws WireFormatException {
    int count = in.u16("PropertyProblemCount");
    if (count * 10L > in.remaining()) {
      throw new WireFormatException("property problem count " + count + " with " + in.remaining() + " bytes left");
    }
    List<PropertyProblem> problems = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      problems.add(read(in));
    }
    return problems;
  }

  public static void writeArray(LittleEndianWriter out, List<PropertyProblem> problems) {
    out.u16(problems.size());
    problems.forEach(problem -> problem.write(out));
  }
}
