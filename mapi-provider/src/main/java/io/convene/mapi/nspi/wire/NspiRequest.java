package io.convene.mapi.nspi.wire;

import io.convene.api.store.query.Restriction;
import java.util.List;
import java.util.Optional;

/**
 * The request bodies of MS-OXCMAPIHTTP 2.2.5, decoded by {@link NspiRequestDecoder}. Optional
 * fields (those behind a Has... byte) are {@link Optional}s or {@code null} arrays. Auxiliary
 * buffers are read within their limit and dropped: Convene answers none.
 */
public sealed interface NspiRequest {

  NspiRequestType type();

  /** 2.2.5.1.1 */
  record Bind(int flags, Optional<Stat> state) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.BIND;
    }
  }

  /** 2.2.5.2.1 */
  record Unbind() implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.UNBIND;
    }
  }

  /** 2.2.5.3.1 */
  record CompareMIds(Optional<Stat> state, int mid1, int mid2) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.COMPARE_MIDS;
    }
  }

  /** 2.2.5.4.1: the names are 8-bit DNs. */
  record DnToMId(List<String> names) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.DN_TO_MID;
    }
  }

  /** 2.2.5.5.1 */
  record GetMatches(
      Optional<Stat> state,
      int[] mids,
      int interfaceOptionFlags,
      Optional<Restriction> filter,
      boolean hasPropertyName,
      int rowCount,
      int[] columns)
      implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.GET_MATCHES;
    }
  }

  /** 2.2.5.6.1 */
  record GetPropList(int flags, int mid, int codePage) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.GET_PROP_LIST;
    }
  }

  /** 2.2.5.7.1: the object is the STAT's CurrentRec. */
  record GetProps(int flags, Optional<Stat> state, int[] tags) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.GET_PROPS;
    }
  }

  /** 2.2.5.8.1 */
  record GetSpecialTable(int flags, Optional<Stat> state, Optional<Integer> version) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.GET_SPECIAL_TABLE;
    }
  }

  /** 2.2.5.9.1 */
  record GetTemplateInfo(int flags, int displayType, Optional<String> templateDn, int codePage, int localeId)
      implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.GET_TEMPLATE_INFO;
    }
  }

  /** 2.2.5.10.1: the entry ids are kept as bytes, never interpreted. */
  record ModLinkAtt(int flags, int propertyTag, int mid, List<byte[]> entryIds) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.MOD_LINK_ATT;
    }
  }

  /** 2.2.5.11.1 */
  record ModProps(Optional<Stat> state, int[] tags, List<AbValues.Tagged> values) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.MOD_PROPS;
    }
  }

  /** 2.2.5.12.1 */
  record QueryColumns(int mapiFlags) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.QUERY_COLUMNS;
    }
  }

  /** 2.2.5.13.1 */
  record QueryRows(int flags, Optional<Stat> state, int[] explicitTable, int rowCount, int[] columns)
      implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.QUERY_ROWS;
    }
  }

  /** 2.2.5.14.1: Unicode names (ResolveNamesW). */
  record ResolveNames(Optional<Stat> state, int[] tags, List<String> names) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.RESOLVE_NAMES;
    }
  }

  /** 2.2.5.15.1 */
  record ResortRestriction(Optional<Stat> state, int[] mids) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.RESORT_RESTRICTION;
    }
  }

  /** 2.2.5.16.1 */
  record SeekEntries(Optional<Stat> state, Optional<AbValues.Tagged> target, int[] explicitTable, int[] columns)
      implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.SEEK_ENTRIES;
    }
  }

  /** 2.2.5.17.1 */
  record UpdateStat(Optional<Stat> state, boolean deltaRequested) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.UPDATE_STAT;
    }
  }

  /** 2.2.5.18.1 */
  record GetMailboxUrl(int flags, String serverDn) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.GET_MAILBOX_URL;
    }
  }

  /** 2.2.5.19.1 */
  record GetAddressBookUrl(int flags, String userDn) implements NspiRequest {
    public NspiRequestType type() {
      return NspiRequestType.GET_ADDRESS_BOOK_URL;
    }
  }
}
