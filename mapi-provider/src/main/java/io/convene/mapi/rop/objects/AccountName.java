package io.convene.mapi.rop.objects;

import java.util.Objects;

/**
 * How the address book names an account: its display name and LegacyDN ({@link
 * io.convene.mapi.addressing.LegacyDn}), for the logon's owner and user properties.
 */
public record AccountName(String displayName, String legacyDn) {

  public AccountName {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(legacyDn, "legacyDn");
  }
}
