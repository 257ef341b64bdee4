/**
 * The MS-OXCSTOR ROPs (MS-OXCROPS 2.2.3): RopLogon and the ROPs on the Logon object. Request
 * records with their decoders live in {@link io.convene.mapi.rop.store.StoreRequests}, responses
 * with encoders and decoders next to them, handlers in {@link io.convene.mapi.rop.store.StoreRops}.
 */
package io.convene.mapi.rop.store;
