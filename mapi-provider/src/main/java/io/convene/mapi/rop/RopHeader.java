package io.convene.mapi.rop;

/**
 * The three bytes every ROP request starts with (MS-OXCROPS 2.2.3 onwards).
 *
 * @param ropId the ROP
 * @param logonId the logon the ROP runs in
 * @param inputHandleIndex index into the server object handle table of the input object
 */
public record RopHeader(int ropId, int logonId, int inputHandleIndex) {}
