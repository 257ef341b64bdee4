/**
 * The server objects ROP handlers put in a logon's object map (MS-OXCROPS 2.2.1: the Server
 * Object Map): the logon state itself, folders and messages. Shared by every ROP family, so
 * that a table ROP finds the folder an OpenFolder opened. Immutable records; the mutable parts
 * of an open message (pending property changes) come with the message write path.
 */
package io.convene.mapi.rop.objects;
