package io.convene.mapi.rop.objects;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;

/** Builds ROP input buffers and splits output buffers for handler tests (MS-OXCROPS 2.2.1). */
public final class RopBuffers {

  private RopBuffers() {}

  /** RopSize, the requests, then a handle table of {@code handles} (empty entries are 0xFFFFFFFF). */
  public static byte[] input(int[] handles, byte[]... requests) {
    LittleEndianWriter out = new LittleEndianWriter();
    out.u16(0);
    for (byte[] request : requests) {
      out.bytes(request);
    }
    out.patchU16(0, out.size());
    for (int handle : handles) {
      out.u32(handle & 0xffffffffL);
    }
    return out.toByteArray();
  }

  /** An output buffer: a reader over the responses and the returned handle table. */
  public record Output(LittleEndianReader responses, int[] handles) {

    public static Output of(byte[] output) throws WireFormatException {
      LittleEndianReader in = new LittleEndianReader(output);
      int ropSize = in.u16("RopSize");
      LittleEndianReader responses = new LittleEndianReader(output, 2, ropSize - 2);
      int[] handles = new int[(output.length - ropSize) / 4];
      LittleEndianReader table = new LittleEndianReader(output, ropSize, output.length - ropSize);
      for (int i = 0; i < handles.length; i++) {
        handles[i] = (int) table.u32("handle");
      }
      return new Output(responses, handles);
    }
  }

  public static int[] emptyHandles(int count) {
    int[] handles = new int[count];
    java.util.Arrays.fill(handles, -1);
    return handles;
  }
}
