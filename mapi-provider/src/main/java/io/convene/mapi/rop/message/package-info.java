/**
 * The MS-OXCMSG message ROPs: RopOpenMessage with its recipient rows, RopReadRecipients,
 * RopSaveChangesMessage and RopGetValidAttachments (MS-OXCROPS 2.2.6), and the RecipientRow
 * structure (MS-OXCDATA 2.8.3).
 */
package io.convene.mapi.rop.message;
