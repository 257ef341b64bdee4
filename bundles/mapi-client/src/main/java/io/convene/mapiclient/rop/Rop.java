package io.convene.mapiclient.rop;

import io.convene.mapiclient.wire.MapiWireException;
import io.convene.mapiclient.wire.WireReader;
import io.convene.mapiclient.wire.WireWriter;

/**
 * One ROP request and the decoder of its response (MS-OXCROPS 2.2). The request writes every field
 * including RopId and LogonId; the response decoder is called after the common RopId, handle index
 * and ReturnValue fields, only when ReturnValue is 0 (a failure response ends there for the ROPs
 * this client sends).
 *
 * @param <R> the decoded success response
 */
public interface Rop<R> {

  int ropId();

  void writeRequest(WireWriter out);

  /** False for RopRelease, which has no response (MS-OXCROPS 2.2.15.3). */
  default boolean hasResponse() {
    return true;
  }

  R readResponse(WireReader in) throws MapiWireException;

  default byte[] encodeRequest() {
    WireWriter out = new WireWriter();
    writeRequest(out);
    return out.toByteArray();
  }
}
