/**
 * The ROP engine (MS-OXCROPS 2.2.1): input/output buffers, the server object handle table, per-logon
 * object maps and a registry of ROP definitions filled by one {@link io.convene.mapi.rop.RopFamily}
 * per group of ROPs.
 */
package io.convene.mapi.rop;
