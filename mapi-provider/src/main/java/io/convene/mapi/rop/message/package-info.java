/** The MS-OXCMSG read path: RopOpenMessage and RopGetValidAttachments (MS-OXCROPS 2.2.6). */
package io.convene.mapi.rop.message;
