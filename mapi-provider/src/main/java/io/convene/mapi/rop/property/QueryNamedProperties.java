package io.convene.mapi.rop.property;

import io.convene.api.store.NamedProperty;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.data.PropertyName;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.property.PropertyRequests.QueryNamedPropertiesRequest;
import io.convene.mapi.rop.store.StoreErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RopQueryNamedProperties (MS-OXCPRPT 2.2.6, 3.2.5.10): the mailbox's named-property mappings,
 * without the string-named ones for NoStrings (0x01), without the LID ones for NoIds (0x02), and
 * only those of PropertyGuid when one is given.
 */
final class QueryNamedProperties {

  static final int NO_STRINGS = 0x01;
  static final int NO_IDS = 0x02;

  /** The response after RopId, InputHandleIndex and ReturnValue (MS-OXCROPS 2.2.8.10.2). */
  record Response(int[] ids, List<PropertyName> names) {

    void write(LittleEndianWriter out) {
      out.u16(ids.length);
      for (int id : ids) {
        out.u16(id);
      }
      names.forEach(name -> name.write(out));
    }

    static Response read(LittleEndianReader in) throws WireFormatException {
      int count = in.u16("IdCount");
      if (count * 2L > in.remaining()) {
        throw new WireFormatException("IdCount " + count + " with " + in.remaining() + " bytes left");
      }
      int[] ids = new int[count];
      for (int i = 0; i < count; i++) {
        ids[i] = in.u16("PropertyId");
      }
      List<PropertyName> names = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        names.add(PropertyName.read(in));
      }
      return new Response(ids, names);
    }
  }

  private QueryNamedProperties() {}

  static void handle(QueryNamedPropertiesRequest request, RopCall call) throws RopException {
    MailboxLogon logon = PropertyRops.logonOf(call.inputObject());
    Map<Integer, NamedProperty> all;
    try {
      all = logon.mailbox().namedProperties();
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    List<Integer> ids = new ArrayList<>();
    List<PropertyName> names = new ArrayList<>();
    for (Map.Entry<Integer, NamedProperty> entry : all.entrySet()) {
      NamedProperty property = entry.getValue();
      if ((property.isLid() && (request.queryFlags() & NO_IDS) != 0)
          || (!property.isLid() && (request.queryFlags() & NO_STRINGS) != 0)
          || (request.propertyGuid() != null && !request.propertyGuid().equals(property.propertySet()))) {
        continue;
      }
      ids.add(entry.getKey());
      names.add(PropertyName.of(property));
    }
    PropertyRops.success(call, request.header().ropId(), request.header().inputHandleIndex());
    new Response(ids.stream().mapToInt(Integer::intValue).toArray(), names).write(call.out());
  }
}
