/**
 * Folder permissions (MS-OXCPERM): RopGetPermissionsTable opens a table of the folder's ACL,
 * RopModifyPermissions changes it. Rights are checked by the store (changing an ACL needs
 * FolderOwner); member names and address book entry ids come from the directory.
 */
package io.convene.mapi.rop.permission;
