package io.convene.mapi.nspi.wire;

import java.util.Locale;
import java.util.Optional;

/** X-RequestType values of the address book endpoint (MS-OXCMAPIHTTP 2.2.3.3.1), matched case-insensitively. */
public enum NspiRequestType {
  BIND("Bind"),
  UNBIND("Unbind"),
  COMPARE_MIDS("CompareMIds"),
  DN_TO_MID("DNToMId"),
  GET_MATCHES("GetMatches"),
  GET_PROP_LIST("GetPropList"),
  GET_PROPS("GetProps"),
  GET_SPECIAL_TABLE("GetSpecialTable"),
  GET_TEMPLATE_INFO("GetTemplateInfo"),
  MOD_LINK_ATT("ModLinkAtt"),
  MOD_PROPS("ModProps"),
  QUERY_COLUMNS("QueryColumns"),
  QUERY_ROWS("QueryRows"),
  RESOLVE_NAMES("ResolveNames"),
  RESORT_RESTRICTION("ResortRestriction"),
  SEEK_ENTRIES("SeekEntries"),
  UPDATE_STAT("UpdateStat"),
  GET_MAILBOX_URL("GetMailboxUrl"),
  GET_ADDRESS_BOOK_URL("GetAddressBookUrl"),
  PING("PING");

  private final String wireName;

  NspiRequestType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<NspiRequestType> parse(String header) {
    String wanted = header.trim().toLowerCase(Locale.ROOT);
    for (NspiRequestType type : values()) {
      if (type.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
