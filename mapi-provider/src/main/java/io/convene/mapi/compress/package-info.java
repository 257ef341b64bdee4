/** LZXPRESS (MS-XCA Plain LZ77), the compression of RPC_HEADER_EXT payloads (MS-OXCRPC 3.1.4.1.1.2). */
package io.convene.mapi.compress;
