/**
 * The MS-OXCPRPT ROPs (MS-OXCROPS 2.2.8) on Logon, Folder and Message objects: property reads and
 * writes and the named property mapping.
 */
package io.convene.mapi.rop.property;
