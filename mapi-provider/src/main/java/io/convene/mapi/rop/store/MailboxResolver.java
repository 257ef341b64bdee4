package io.convene.mapi.rop.store;

import java.util.OptionalLong;

/**
 * Finds whose mailbox a RopLogon names: the Essdn field is the owner's legacy DN (MS-OXCSTOR
 * 2.2.1.1.1). Implemented over the directory by the component, by a map in tests.
 */
@FunctionalInterface
public interface MailboxResolver {

  /** The account id whose legacy DN is {@code essdn}; empty if no enabled account has it. */
  OptionalLong accountOf(String essdn);

  /** The display name and LegacyDN of an account, for the logon's owner and user properties. */
  default java.util.Optional<io.convene.mapi.rop.objects.AccountName> nameOf(long accountId) {
    return java.util.Optional.empty();
  }
}
