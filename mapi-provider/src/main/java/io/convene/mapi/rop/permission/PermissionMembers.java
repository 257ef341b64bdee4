package io.convene.mapi.rop.permission;

import io.convene.api.directory.Account;
import io.convene.api.directory.Directory;
import io.convene.api.store.FolderRights;
import io.convene.mapi.addressing.LegacyDn;
import java.util.Optional;

/**
 * Who the members of an ACL are: display names and X.500 DNs for the permissions table, and the
 * member an address book entry id names for RopModifyPermissions. Member ids are the store's
 * (account ids, {@link FolderRights#DEFAULT_MEMBER}, {@link FolderRights#ANONYMOUS_MEMBER}), which
 * are also the PidTagMemberId values MS-OXCPERM 2.2.5 reserves for the two special entries.
 */
public interface PermissionMembers {

  /** PidTagMemberName of a member. */
  Optional<String> name(long memberId);

  /** The X.500 DN of an account member, for its PidTagEntryId. */
  Optional<String> distinguishedName(long memberId);

  /** The account a DN names. */
  Optional<Long> byDistinguishedName(String dn);

  /** Members as the directory knows them. */
  static PermissionMembers of(Directory directory) {
    return new PermissionMembers() {
      @Override
      public Optional<String> name(long memberId) {
        return directory.find(memberId).map(Account::displayName);
      }

      @Override
      public Optional<String> distinguishedName(long memberId) {
        return directory.find(memberId).map(LegacyDn::of);
      }

      @Override
      public Optional<Long> byDistinguishedName(String dn) {
        return LegacyDn.commonName(dn).flatMap(directory::findByAlias).map(Account::id);
      }
    };
  }
}
