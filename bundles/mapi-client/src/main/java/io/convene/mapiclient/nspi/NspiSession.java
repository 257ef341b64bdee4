package io.convene.mapiclient.nspi;

import io.convene.mapiclient.http.MapiHttpException;
import io.convene.mapiclient.http.MapiHttpTransport;
import io.convene.mapiclient.rop.PropertyValue;
import io.convene.mapiclient.wire.MapiWireException;
import java.io.IOException;
import java.util.List;

/**
 * One session with the address book endpoint (MS-OXCMAPIHTTP 3.1.5, {@code /mapi/nspi/}): Bind sets
 * the session context and sequence cookies, every other request carries them, Unbind ends the
 * session. Answers are returned with their ErrorCode for the caller to judge; a non-zero StatusCode
 * is a {@link MapiWireException}. Not thread-safe (one request at a time per session).
 */
public final class NspiSession implements AutoCloseable {

  private final MapiHttpTransport transport;
  private NspiBodies.BindResponse bound;
  private byte[] lastBody = new byte[0];

  /** {@code transport} posts to the address book URL Autodiscover gave. */
  public NspiSession(MapiHttpTransport transport) {
    this.transport = transport;
  }

  public NspiBodies.BindResponse bind(Stat state) throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.BindResponse response = NspiBodies.bindResponse(post("Bind", NspiBodies.bindRequest(0, state)));
    checked(response.statusCode(), response);
    if (response.errorCode() != Nspi.SUCCESS) {
      throw new MapiWireException("Bind failed: ErrorCode 0x" + Integer.toHexString(response.errorCode()));
    }
    bound = response;
    return response;
  }

  public NspiBodies.UnbindResponse unbind() throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.UnbindResponse response = NspiBodies.unbindResponse(post("Unbind", NspiBodies.unbindRequest()));
    bound = null;
    return checked(response.statusCode(), response);
  }

  public NspiBodies.GetSpecialTableResponse getSpecialTable(int flags, Stat state, Integer version)
      throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.GetSpecialTableResponse response =
        NspiBodies.getSpecialTableResponse(post("GetSpecialTable", NspiBodies.getSpecialTableRequest(flags, state, version)));
    return checked(response.statusCode(), response);
  }

  public NspiBodies.RowsResponse queryRows(int flags, Stat state, int[] explicitTable, int rowCount, int[] columns)
      throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.RowsResponse response =
        NspiBodies.rowsResponse(post("QueryRows", NspiBodies.queryRowsRequest(flags, state, explicitTable, rowCount, columns)));
    return checked(response.statusCode(), response);
  }

  public NspiBodies.ResolveNamesResponse resolveNames(Stat state, int[] tags, List<String> names)
      throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.ResolveNamesResponse response =
        NspiBodies.resolveNamesResponse(post("ResolveNames", NspiBodies.resolveNamesRequest(state, tags, names)));
    return checked(response.statusCode(), response);
  }

  public NspiBodies.DnToMIdResponse dnToMId(List<String> dns) throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.DnToMIdResponse response = NspiBodies.dnToMIdResponse(post("DNToMId", NspiBodies.dnToMIdRequest(dns)));
    return checked(response.statusCode(), response);
  }

  public NspiBodies.GetPropsResponse getProps(int flags, Stat state, int[] tags)
      throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.GetPropsResponse response = NspiBodies.getPropsResponse(post("GetProps", NspiBodies.getPropsRequest(flags, state, tags)));
    return checked(response.statusCode(), response);
  }

  public NspiBodies.GetMatchesResponse getMatches(Stat state, AbRestriction filter, int rowCount, int[] columns)
      throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.GetMatchesResponse response =
        NspiBodies.getMatchesResponse(post("GetMatches", NspiBodies.getMatchesRequest(state, filter, rowCount, columns)));
    return checked(response.statusCode(), response);
  }

  public NspiBodies.RowsResponse seekEntries(Stat state, PropertyValue target, int[] columns)
      throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    NspiBodies.RowsResponse response = NspiBodies.rowsResponse(post("SeekEntries", NspiBodies.seekEntriesRequest(state, target, columns)));
    return checked(response.statusCode(), response);
  }

  public NspiBodies.BindResponse bound() {
    return bound;
  }

  /** The body of the last response, for diagnostics when a test disagrees with the server. */
  public byte[] lastResponseBody() {
    return lastBody.clone();
  }

  public MapiHttpTransport transport() {
    return transport;
  }

  private byte[] post(String requestType, byte[] body) throws IOException, InterruptedException, MapiHttpException, MapiWireException {
    lastBody = transport.post(requestType, body).framed().body();
    return lastBody;
  }

  private static <T> T checked(int statusCode, T response) throws MapiWireException {
    if (statusCode != 0) {
      throw new MapiWireException("NSPI request failed with StatusCode 0x" + Integer.toHexString(statusCode));
    }
    return response;
  }

  @Override
  public void close() throws Exception {
    if (bound != null) {
      unbind();
    }
  }
}
