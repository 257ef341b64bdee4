/**
 * RopRegisterNotification (MS-OXCROPS 2.2.14.1): the registration object only; delivering
 * notifications is part 2 of the MAPI work.
 */
package io.convene.mapi.rop.notify;
