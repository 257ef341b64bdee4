/**
 * MS-OXCRPC extended buffers: RPC_HEADER_EXT chains with LZXPRESS compression and XOR obfuscation,
 * the framing of the ROP and auxiliary buffers that MAPI/HTTP Execute carries.
 */
package io.convene.mapi.rpc;
