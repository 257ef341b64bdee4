/** Autodiscover and MAPI over HTTP: transport, RPC_HEADER_EXT, LZXPRESS and the ROP engine. */
package io.convene.mapi;
