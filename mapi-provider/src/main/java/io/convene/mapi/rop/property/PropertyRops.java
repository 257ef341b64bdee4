package io.convene.mapi.rop.property;

import io.convene.api.store.NamedProperty;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import io.convene.api.store.StoreError;
import io.convene.api.store.StoreException;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.ErrorCodes;
import io.convene.mapi.rop.RopCall;
import io.convene.mapi.rop.RopDefinition;
import io.convene.mapi.rop.RopException;
import io.convene.mapi.rop.RopFamily;
import io.convene.mapi.rop.RopRegistry;
import io.convene.mapi.rop.data.PropertyName;
import io.convene.mapi.rop.data.PropertyRow;
import io.convene.mapi.rop.data.PropertyTagArray;
import io.convene.mapi.rop.data.PropertyValueCodec;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.folder.FolderProperties;
import io.convene.mapi.rop.objects.FolderObject;
import io.convene.mapi.rop.objects.MailboxLogon;
import io.convene.mapi.rop.objects.MessageObject;
import io.convene.mapi.rop.property.PropertyRequests.DeletePropertiesRequest;
import io.convene.mapi.rop.property.PropertyRequests.GetNamesFromPropertyIdsRequest;
import io.convene.mapi.rop.property.PropertyRequests.GetPropertiesAllRequest;
import io.convene.mapi.rop.property.PropertyRequests.GetPropertiesListRequest;
import io.convene.mapi.rop.property.PropertyRequests.GetPropertiesSpecificRequest;
import io.convene.mapi.rop.property.PropertyRequests.GetPropertyIdsFromNamesRequest;
import io.convene.mapi.rop.property.PropertyRequests.QueryNamedPropertiesRequest;
import io.convene.mapi.rop.property.PropertyRequests.SetPropertiesRequest;
import io.convene.mapi.rop.store.StoreErrors;
import io.convene.mapi.rop.store.StoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MS-OXCPRPT ROPs on Logon, Folder and Message objects: reads, QueryNamedProperties ({@link
 * QueryNamedProperties}) and the writes ({@link PropertyWrites}; on a message they are buffered
 * until RopSaveChangesMessage). A message answers from the snapshot it read at OpenMessage.
 */
public final class PropertyRops implements RopFamily {

  /** ecNotFound in place of a missing property (MS-OXCPRPT 3.2.5.1). */
  static final int NOT_FOUND = 0x8004010F;
  /** ecMAPIOOM in place of a value over PropertySizeLimit (MS-OXCPRPT 3.2.5.1). */
  static final int TOO_BIG = 0x8007000E;
  /** ecWarnWithErrors: some names could not be mapped (MS-OXCPRPT 3.2.5.8). */
  static final int WARN_WITH_ERRORS = 0x00040380;

  @Override
  public void register(RopRegistry.Builder registry) {
    registry.add(RopDefinition.of(PropertyRequests.GET_PROPERTIES_SPECIFIC, "RopGetPropertiesSpecific",
        GetPropertiesSpecificRequest::decode, PropertyRops::getSpecific));
    registry.add(RopDefinition.of(PropertyRequests.GET_PROPERTIES_ALL, "RopGetPropertiesAll",
        GetPropertiesAllRequest::decode, PropertyRops::getAll));
    registry.add(RopDefinition.of(PropertyRequests.GET_PROPERTIES_LIST, "RopGetPropertiesList",
        GetPropertiesListRequest::decode, PropertyRops::getList));
    registry.add(RopDefinition.of(PropertyRequests.SET_PROPERTIES, "RopSetProperties",
        SetPropertiesRequest::decode, PropertyWrites::set));
    registry.add(RopDefinition.of(PropertyRequests.SET_PROPERTIES_NO_REPLICATE, "RopSetPropertiesNoReplicate",
        SetPropertiesRequest::decode, PropertyWrites::set));
    registry.add(RopDefinition.of(PropertyRequests.DELETE_PROPERTIES, "RopDeleteProperties",
        DeletePropertiesRequest::decode, PropertyWrites::delete));
    registry.add(RopDefinition.of(PropertyRequests.DELETE_PROPERTIES_NO_REPLICATE,
        "RopDeletePropertiesNoReplicate", DeletePropertiesRequest::decode, PropertyWrites::delete));
    registry.add(RopDefinition.of(PropertyRequests.QUERY_NAMED_PROPERTIES, "RopQueryNamedProperties",
        QueryNamedPropertiesRequest::decode, QueryNamedProperties::handle));
    registry.add(RopDefinition.of(PropertyRequests.GET_PROPERTY_IDS_FROM_NAMES, "RopGetPropertyIdsFromNames",
        GetPropertyIdsFromNamesRequest::decode, PropertyRops::idsFromNames));
    registry.add(RopDefinition.of(PropertyRequests.GET_NAMES_FROM_PROPERTY_IDS, "RopGetNamesFromPropertyIds",
        GetNamesFromPropertyIdsRequest::decode, PropertyRops::namesFromIds));
  }

  /** The properties of the input object, tag to value. */
  static Map<Integer, Object> properties(Object object) throws RopException {
    try {
      if (object instanceof FolderObject folder) {
        // what clients set (PidTagComment, views...) and then the computed ones, which win
        Map<Integer, Object> properties = new LinkedHashMap<>();
        for (PropValue value : folder.logon().mailbox().folderProperties(folder.id()).values()) {
          properties.put(value.tag().tag(), value.value());
        }
        FolderProperties.of(folder).forEach((tag, value) -> {
          properties.keySet().removeIf(present -> present >>> 16 == tag >>> 16);
          properties.put(tag, value);
        });
        return properties;
      }
      if (object instanceof MailboxLogon logon) {
        return StoreProperties.of(logon);
      }
      if (object instanceof MessageObject message) {
        Map<Integer, Object> properties = message.properties();
        properties.putAll(io.convene.mapi.rop.message.MessageKeys.of(message.logon(), message.snapshot()));
        return properties;
      }
    } catch (StoreException e) {
      throw StoreErrors.of(e);
    }
    throw new RopException(ErrorCodes.NOT_SUPPORTED, "no properties on a " + object.getClass().getSimpleName());
  }

  static MailboxLogon logonOf(Object object) throws RopException {
    if (object instanceof FolderObject folder) {
      return folder.logon();
    }
    if (object instanceof MessageObject message) {
      return message.logon();
    }
    if (object instanceof MailboxLogon logon) {
      return logon;
    }
    throw new RopException(ErrorCodes.NOT_SUPPORTED, "no logon behind a " + object.getClass().getSimpleName());
  }

  private static void getSpecific(GetPropertiesSpecificRequest request, RopCall call) throws RopException {
    Map<Integer, Object> properties = properties(call.inputObject());
    List<PropertyRow.Cell> cells = new ArrayList<>(request.tags().length);
    for (int tag : request.tags()) {
      cells.add(cell(properties, tag, request.wantUnicode(), request.propertySizeLimit()));
    }
    success(call, request.header().ropId(), request.header().inputHandleIndex());
    PropertyRow.write(call.out(), request.tags(), cells);
  }

  /** The property with {@code tag}'s id: the exact tag in one look-up, else the first of that id. */
  private static Map.Entry<Integer, Object> withId(Map<Integer, Object> properties, int tag) {
    Object exact = properties.get(tag);
    if (exact != null) {
      return Map.entry(tag, exact);
    }
    int id = tag >>> 16;
    for (Map.Entry<Integer, Object> entry : properties.entrySet()) {
      if (entry.getKey() >>> 16 == id) {
        return entry;
      }
    }
    return null;
  }

  /** The value for a requested tag: matched by id, strings converted, else an error in its place. */
  static PropertyRow.Cell cell(Map<Integer, Object> properties, int tag, boolean wantUnicode, int sizeLimit) {
    int wanted = tag & 0xffff;
    Map.Entry<Integer, Object> found = withId(properties, tag);
    if (found == null) {
      return new PropertyRow.Error(NOT_FOUND);
    }
    int actual = found.getKey() & 0xffff;
    Object value = found.getValue();
    int type;
    if (wanted == actual) {
      type = actual;
    } else if (wanted == PropType.PT_UNSPECIFIED.code()) {
      type = unspecified(actual, wantUnicode);
    } else if (isString(wanted) && isString(actual) && isMulti(wanted) == isMulti(actual)) {
      type = wanted;
    } else {
      return new PropertyRow.Error(NOT_FOUND);
    }
    if (sizeLimit != 0 && PropertyValueCodec.size(type, value) > sizeLimit) {
      return new PropertyRow.Error(TOO_BIG);
    }
    return new PropertyRow.Value(type, value);
  }

  private static int unspecified(int actual, boolean wantUnicode) {
    if (!isString(actual)) {
      return actual;
    }
    int single = wantUnicode ? PropType.PT_UNICODE.code() : PropType.PT_STRING8.code();
    return isMulti(actual) ? single | PropType.MV_FLAG : single;
  }

  private static boolean isString(int type) {
    int single = type & ~PropType.MV_FLAG;
    return single == PropType.PT_UNICODE.code() || single == PropType.PT_STRING8.code();
  }

  private static boolean isMulti(int type) {
    return (type & PropType.MV_FLAG) != 0;
  }

  private static void getAll(GetPropertiesAllRequest request, RopCall call) throws RopException {
    Map<Integer, Object> properties = properties(call.inputObject());
    List<TaggedPropertyValue> values = new ArrayList<>(properties.size());
    for (Map.Entry<Integer, Object> entry : properties.entrySet()) {
      int actual = entry.getKey() & 0xffff;
      int type = request.wantUnicode() || !isString(actual) ? actual : unspecified(actual, false);
      int tag = (entry.getKey() & 0xffff0000) | type;
      if (request.propertySizeLimit() != 0
          && PropertyValueCodec.size(type, entry.getValue()) > request.propertySizeLimit()) {
        values.add(TaggedPropertyValue.error(entry.getKey() >>> 16, TOO_BIG));
      } else {
        values.add(new TaggedPropertyValue(tag, entry.getValue()));
      }
    }
    success(call, request.header().ropId(), request.header().inputHandleIndex());
    call.out().u16(values.size());
    values.forEach(value -> value.write(call.out()));
  }

  private static void getList(GetPropertiesListRequest request, RopCall call) throws RopException {
    int[] tags = properties(call.inputObject()).keySet().stream().mapToInt(Integer::intValue).toArray();
    success(call, request.header().ropId(), request.header().inputHandleIndex());
    PropertyTagArray.write(call.out(), tags);
  }

  private static void idsFromNames(GetPropertyIdsFromNamesRequest request, RopCall call) throws RopException {
    MailboxLogon logon = logonOf(call.inputObject());
    if (request.names().isEmpty()) {
      throw new RopException(ErrorCodes.NOT_SUPPORTED, "listing every named property is not supported by the store");
    }
    boolean create = (request.flags() & GetPropertyIdsFromNamesRequest.CREATE) != 0;
    int[] ids = new int[request.names().size()];
    boolean failures = false;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = id(logon, request.names().get(i), create);
      failures |= ids[i] == 0;
    }
    LittleEndianWriter out = call.out();
    out.u8(request.header().ropId()).u8(request.header().inputHandleIndex());
    out.u32(failures ? WARN_WITH_ERRORS : ErrorCodes.SUCCESS);
    out.u16(ids.length);
    for (int id : ids) {
      out.u16(id);
    }
  }

  /** 0 when the name cannot be mapped (MS-OXCPRPT 2.2.12.2). */
  private static int id(MailboxLogon logon, PropertyName name, boolean create) throws RopException {
    if (NamedProperty.PS_MAPI.equals(name.guid())) {
      return name.kind() == PropertyName.KIND_LID && name.lid() < 0x8000 ? (int) name.lid() : 0;
    }
    Optional<NamedProperty> property = name.toNamedProperty();
    if (property.isEmpty()) {
      return 0;
    }
    try {
      return logon.mailbox().namedPropertyId(property.get(), create);
    } catch (StoreException e) {
      if (e.error() == StoreError.NOT_FOUND || e.error() == StoreError.TOO_BIG) {
        return 0;
      }
      throw StoreErrors.of(e);
    }
  }

  private static void namesFromIds(GetNamesFromPropertyIdsRequest request, RopCall call) throws RopException {
    MailboxLogon logon = logonOf(call.inputObject());
    List<PropertyName> names = new ArrayList<>(request.ids().length);
    for (int id : request.ids()) {
      names.add(name(logon, id));
    }
    success(call, request.header().ropId(), request.header().inputHandleIndex());
    call.out().u16(names.size());
    names.forEach(name -> name.write(call.out()));
  }

  private static PropertyName name(MailboxLogon logon, int id) throws RopException {
    if (id < 0x8000) {
      return new PropertyName(PropertyName.KIND_LID, NamedProperty.PS_MAPI, id, null);
    }
    try {
      return PropertyName.of(logon.mailbox().namedProperty(id));
    } catch (StoreException e) {
      if (e.error() == StoreError.NOT_FOUND) {
        return PropertyName.NONE;
      }
      throw StoreErrors.of(e);
    }
  }

  static void success(RopCall call, int ropId, int handleIndex) {
    call.out().u8(ropId).u8(handleIndex).u32(ErrorCodes.SUCCESS);
  }
}
