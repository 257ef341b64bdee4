package io.convene.mapi.rop.objects;

import java.util.Set;

/**
 * The message properties a client cannot set or delete with the property ROPs: the read-only ones
 * of MS-OXCPRPT 2.2.1 and MS-OXCMSG 2.2.1, and those the store maintains on every save (ids,
 * source keys, change tracking). They are answered ecComputed one by one.
 */
public final class ComputedMessageProperties {

  private static final Set<Integer> IDS = Set.of(
      0x0E08, // PidTagMessageSize
      0x0E09, // PidTagParentEntryId
      0x0E1B, // PidTagHasAttachments
      0x0FF4, // PidTagAccess
      0x0FF6, // PidTagInstanceKey
      0x0FF7, // PidTagAccessLevel
      0x0FF9, // PidTagRecordKey
      0x0FFB, // PidTagStoreEntryId
      0x0FFE, // PidTagObjectType
      0x0FFF, // PidTagEntryId
      0x3007, // PidTagCreationTime
      0x3008, // PidTagLastModificationTime
      0x65E0, // PidTagSourceKey
      0x65E1, // PidTagParentSourceKey
      0x65E2, // PidTagChangeKey
      0x65E3, // PidTagPredecessorChangeList
      0x6748, // PidTagFolderId
      0x6749, // PidTagParentFolderId
      0x674A, // PidTagMid
      0x67A4); // PidTagChangeNumber

  private ComputedMessageProperties() {}

  public static boolean contains(int propertyId) {
    return IDS.contains(propertyId);
  }
}
