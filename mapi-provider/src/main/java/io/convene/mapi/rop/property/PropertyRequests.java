package io.convene.mapi.rop.property;

import io.convene.api.store.Guids;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.codec.WireFormatException;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.RopRequest;
import io.convene.mapi.rop.data.PropertyLimits;
import io.convene.mapi.rop.data.PropertyName;
import io.convene.mapi.rop.data.PropertyTagArray;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The MS-OXCPRPT request buffers (MS-OXCROPS 2.2.8) and their decoders and encoders. */
public final class PropertyRequests {

  public static final int GET_PROPERTY_IDS_FROM_NAMES = 0x56;
  public static final int GET_NAMES_FROM_PROPERTY_IDS = 0x55;
  public static final int GET_PROPERTIES_SPECIFIC = 0x07;
  public static final int GET_PROPERTIES_ALL = 0x08;
  public static final int GET_PROPERTIES_LIST = 0x09;
  public static final int SET_PROPERTIES = 0x0A;
  public static final int SET_PROPERTIES_NO_REPLICATE = 0x79;
  public static final int DELETE_PROPERTIES = 0x0B;
  public static final int DELETE_PROPERTIES_NO_REPLICATE = 0x7A;
  public static final int QUERY_NAMED_PROPERTIES = 0x5F;

  private static final PropertyLimits LIMITS = PropertyLimits.ROP;

  private PropertyRequests() {}

  private static void writeHeader(LittleEndianWriter out, RopHeader header) {
    out.u8(header.ropId()).u8(header.logonId()).u8(header.inputHandleIndex());
  }

  /** RopGetPropertiesSpecific (2.2.8.3.1). */
  public record GetPropertiesSpecificRequest(RopHeader header, int propertySizeLimit, boolean wantUnicode, int[] tags)
      implements RopRequest {
    static GetPropertiesSpecificRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int sizeLimit = in.u16("PropertySizeLimit");
      boolean unicode = in.u16("WantUnicode") != 0;
      return new GetPropertiesSpecificRequest(header, sizeLimit, unicode, PropertyTagArray.read(in, LIMITS));
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      out.u16(propertySizeLimit).u16(wantUnicode ? 1 : 0);
      PropertyTagArray.write(out, tags);
    }
  }

  /** RopGetPropertiesAll (2.2.8.4.1). */
  public record GetPropertiesAllRequest(RopHeader header, int propertySizeLimit, boolean wantUnicode)
      implements RopRequest {
    static GetPropertiesAllRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new GetPropertiesAllRequest(header, in.u16("PropertySizeLimit"), in.u16("WantUnicode") != 0);
    }
  }

  /** RopGetPropertiesList (2.2.8.5.1): nothing after the header. */
  public record GetPropertiesListRequest(RopHeader header) implements RopRequest {
    static GetPropertiesListRequest decode(RopHeader header, LittleEndianReader in) {
      return new GetPropertiesListRequest(header);
    }
  }

  /** RopSetProperties and RopSetPropertiesNoReplicate (2.2.8.6.1, 2.2.8.7.1). */
  public record SetPropertiesRequest(RopHeader header, List<TaggedPropertyValue> values) implements RopRequest {
    static SetPropertiesRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int size = in.u16("PropertyValueSize");
      LittleEndianReader body = new LittleEndianReader(in.bytes(size, "PropertyValues"));
      int count = body.u16("PropertyValueCount");
      if (count * 4L > body.remaining()) {
        throw new WireFormatException("PropertyValueCount " + count + " with " + body.remaining() + " bytes");
      }
      List<TaggedPropertyValue> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(TaggedPropertyValue.read(body, LIMITS));
      }
      if (body.hasRemaining()) {
        throw new WireFormatException(body.remaining() + " bytes after the property values");
      }
      return new SetPropertiesRequest(header, List.copyOf(values));
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      LittleEndianWriter body = new LittleEndianWriter();
      body.u16(values.size());
      values.forEach(value -> value.write(body));
      out.u16(body.size()).bytes(body.toByteArray());
    }
  }

  /** RopDeleteProperties and RopDeletePropertiesNoReplicate (2.2.8.8.1, 2.2.8.9.1). */
  public record DeletePropertiesRequest(RopHeader header, int[] tags) implements RopRequest {
    static DeletePropertiesRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      return new DeletePropertiesRequest(header, PropertyTagArray.read(in, LIMITS));
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      PropertyTagArray.write(out, tags);
    }
  }

  /** RopQueryNamedProperties (2.2.8.10.1). */
  public record QueryNamedPropertiesRequest(RopHeader header, int queryFlags, UUID propertyGuid)
      implements RopRequest {
    static QueryNamedPropertiesRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int flags = in.u8("QueryFlags");
      boolean hasGuid = in.u8("HasGuid") != 0;
      UUID guid = hasGuid ? Guids.fromBytes(in.bytes(Guids.SIZE, "PropertyGuid")) : null;
      return new QueryNamedPropertiesRequest(header, flags, guid);
    }
  }

  /** RopGetPropertyIdsFromNames (2.2.8.1.1); Flags 0x02 asks to create missing mappings. */
  public record GetPropertyIdsFromNamesRequest(RopHeader header, int flags, List<PropertyName> names)
      implements RopRequest {

    public static final int CREATE = 0x02;

    static GetPropertyIdsFromNamesRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int flags = in.u8("Flags");
      int count = in.u16("PropertyNameCount");
      // Each name takes at least 21 bytes (Kind, GUID, LID or NameSize).
      if (count > LIMITS.maxValues() || count * 18L > in.remaining()) {
        throw new WireFormatException("PropertyNameCount " + count + " with " + in.remaining() + " bytes left");
      }
      List<PropertyName> names = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        names.add(PropertyName.read(in));
      }
      return new GetPropertyIdsFromNamesRequest(header, flags, List.copyOf(names));
    }

    public void write(LittleEndianWriter out) {
      writeHeader(out, header);
      out.u8(flags).u16(names.size());
      names.forEach(name -> name.write(out));
    }
  }

  /** RopGetNamesFromPropertyIds (2.2.8.2.1). */
  public record GetNamesFromPropertyIdsRequest(RopHeader header, int[] ids) implements RopRequest {
    static GetNamesFromPropertyIdsRequest decode(RopHeader header, LittleEndianReader in) throws WireFormatException {
      int count = in.u16("PropertyIdCount");
      if (count * 2L > in.remaining()) {
        throw new WireFormatException("PropertyIdCount " + count + " with " + in.remaining() + " bytes left");
      }
      int[] ids = new int[count];
      for (int i = 0; i < count; i++) {
        ids[i] = in.u16("PropertyId");
      }
      return new GetNamesFromPropertyIdsRequest(header, ids);
    }
  }
}
