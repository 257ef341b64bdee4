/**
 * The MS-OXCFOLD ROPs (MS-OXCROPS 2.2.4) and the computed folder properties the property ROPs
 * read.
 */
package io.convene.mapi.rop.folder;
