package io.convene.mapi.nspi.wire;

import io.convene.api.store.query.Restriction;
import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes NSPI request bodies (MS-OXCMAPIHTTP 2.2.5.x.1). Every count is checked against its limit
 * and against the bytes left before anything is allocated; a body with bytes after its
 * AuxiliaryBuffer is refused, so a lying size cannot go unnoticed.
 */
public final class NspiRequestDecoder {

  private final NspiLimits limits;

  public NspiRequestDecoder(NspiLimits limits) {
    this.limits = limits;
  }

  /** The request of type {@code type} in {@code body}; PING has no body and is not decoded here. */
  public NspiRequest decode(NspiRequestType type, byte[] body) throws WireFormatException {
    LittleEndianReader in = new LittleEndianReader(body);
    NspiRequest request =
        switch (type) {
          case BIND -> new NspiRequest.Bind((int) in.u32("Flags"), state(in));
          case UNBIND -> {
            in.u32("Reserved");
            yield new NspiRequest.Unbind();
          }
          case COMPARE_MIDS -> {
            in.u32("Reserved");
            yield new NspiRequest.CompareMIds(state(in), (int) in.u32("MinimalId1"), (int) in.u32("MinimalId2"));
          }
          case DN_TO_MID -> {
            in.u32("Reserved");
            yield new NspiRequest.DnToMId(has(in) ? strings8(in) : List.of());
          }
          case GET_MATCHES -> getMatches(in);
          case GET_PROP_LIST ->
              new NspiRequest.GetPropList((int) in.u32("Flags"), (int) in.u32("MinimalId"), (int) in.u32("CodePage"));
          case GET_PROPS -> new NspiRequest.GetProps((int) in.u32("Flags"), state(in), tags(in));
          case GET_SPECIAL_TABLE ->
              new NspiRequest.GetSpecialTable(
                  (int) in.u32("Flags"), state(in), has(in) ? Optional.of((int) in.u32("Version")) : Optional.empty());
          case GET_TEMPLATE_INFO ->
              new NspiRequest.GetTemplateInfo(
                  (int) in.u32("Flags"),
                  (int) in.u32("DisplayType"),
                  has(in) ? Optional.of(in.asciiz(limits.maxStringBytes() - 1, "TemplateDn")) : Optional.empty(),
                  (int) in.u32("CodePage"),
                  (int) in.u32("LocaleId"));
          case MOD_LINK_ATT -> modLinkAtt(in);
          case MOD_PROPS -> {
            in.u32("Reserved");
            Optional<Stat> state = state(in);
            int[] tags = tags(in);
            List<AbValues.Tagged> values = has(in) ? AbValues.readValueList(in, limits) : List.of();
            yield new NspiRequest.ModProps(state, tags, values);
          }
          case QUERY_COLUMNS -> {
            in.u32("Reserved");
            yield new NspiRequest.QueryColumns((int) in.u32("MapiFlags"));
          }
          case QUERY_ROWS -> {
            int flags = (int) in.u32("Flags");
            Optional<Stat> state = state(in);
            int[] table = AbValues.readU32s(in, in.count32("ExplicitTableCount", limits.maxIds()), "ExplicitTable");
            int rowCount = (int) in.u32("RowCount");
            yield new NspiRequest.QueryRows(flags, state, table, rowCount, tags(in));
          }
          case RESOLVE_NAMES -> {
            in.u32("Reserved");
            Optional<Stat> state = state(in);
            int[] tags = tags(in);
            yield new NspiRequest.ResolveNames(state, tags, has(in) ? strings16(in) : List.of());
          }
          case RESORT_RESTRICTION -> {
            in.u32("Reserved");
            Optional<Stat> state = state(in);
            yield new NspiRequest.ResortRestriction(state, has(in) ? AbValues.readMids(in, limits) : new int[0]);
          }
          case SEEK_ENTRIES -> {
            in.u32("Reserved");
            Optional<Stat> state = state(in);
            Optional<AbValues.Tagged> target = has(in) ? Optional.of(AbValues.readTagged(in, limits)) : Optional.empty();
            int[] table = has(in) ? AbValues.readMids(in, limits) : null;
            yield new NspiRequest.SeekEntries(state, target, table, tags(in));
          }
          case UPDATE_STAT -> {
            in.u32("Reserved");
            yield new NspiRequest.UpdateStat(state(in), has(in));
          }
          case GET_MAILBOX_URL ->
              new NspiRequest.GetMailboxUrl((int) in.u32("Flags"), AbValues.utf16z(in, limits.maxStringBytes()));
          case GET_ADDRESS_BOOK_URL ->
              new NspiRequest.GetAddressBookUrl((int) in.u32("Flags"), AbValues.utf16z(in, limits.maxStringBytes()));
          case PING -> throw new WireFormatException("PING has no request body to decode");
        };
    int auxiliary = in.count32("AuxiliaryBufferSize", limits.maxAuxiliary());
    in.skip(auxiliary, "AuxiliaryBuffer");
    if (in.hasRemaining()) {
      throw new WireFormatException(in.remaining() + " bytes after the AuxiliaryBuffer");
    }
    return request;
  }

  private NspiRequest.GetMatches getMatches(LittleEndianReader in) throws WireFormatException {
    in.u32("Reserved");
    Optional<Stat> state = state(in);
    int[] mids = has(in) ? AbValues.readMids(in, limits) : null;
    int interfaceOptionFlags = (int) in.u32("InterfaceOptionFlags");
    Optional<Restriction> filter = has(in) ? Optional.of(AbRestrictions.read(in, limits)) : Optional.empty();
    boolean hasPropertyName = has(in);
    if (hasPropertyName) {
      in.skip(16 + 4, "PropertyName");
    }
    int rowCount = (int) in.u32("RowCount");
    return new NspiRequest.GetMatches(state, mids, interfaceOptionFlags, filter, hasPropertyName, rowCount, tags(in));
  }

  private NspiRequest.ModLinkAtt modLinkAtt(LittleEndianReader in) throws WireFormatException {
    int flags = (int) in.u32("Flags");
    int tag = (int) in.u32("PropertyTag");
    int mid = (int) in.u32("MinimalId");
    List<byte[]> entryIds = new ArrayList<>();
    if (has(in)) {
      int count = in.count32("EntryIdCount", limits.maxIds());
      if (count * 4L > in.remaining()) {
        throw new WireFormatException("EntryIdCount " + count + " with " + in.remaining() + " bytes left");
      }
      for (int i = 0; i < count; i++) {
        entryIds.add(in.bytes(in.count32("EntryIdSize", limits.maxStringBytes()), "EntryId"));
      }
    }
    return new NspiRequest.ModLinkAtt(flags, tag, mid, entryIds);
  }

  private static boolean has(LittleEndianReader in) throws WireFormatException {
    return in.u8("Has...") != 0;
  }

  private static Optional<Stat> state(LittleEndianReader in) throws WireFormatException {
    return has(in) ? Optional.of(Stat.read(in)) : Optional.empty();
  }

  /** HasColumns / HasPropertyTags and a LargePropertyTagArray; {@code null} when absent. */
  private int[] tags(LittleEndianReader in) throws WireFormatException {
    return has(in) ? AbValues.readTags(in, limits) : null;
  }

  private List<String> strings8(LittleEndianReader in) throws WireFormatException {
    int count = in.count32("NameCount", limits.maxNames());
    if (count > in.remaining()) {
      throw new WireFormatException("NameCount " + count + " with " + in.remaining() + " bytes left");
    }
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(in.asciiz(limits.maxStringBytes() - 1, "NameValue"));
    }
    return names;
  }

  private List<String> strings16(LittleEndianReader in) throws WireFormatException {
    int count = in.count32("NameCount", limits.maxNames());
    if (count * 2L > in.remaining()) {
      throw new WireFormatException("NameCount " + count + " with " + in.remaining() + " bytes left");
    }
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(AbValues.utf16z(in, limits.maxStringBytes()));
    }
    return names;
  }
}
