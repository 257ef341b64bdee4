package io.convene.convert.props;

import static io.convene.convert.props.PropDef.tagged;

/** Tagged properties (ids below {@code 0x8000}) the converters use, MS-OXPROPS section 2. */
public final class TaggedProps {

  private TaggedProps() {}

  // Message (MS-OXCMSG, MS-OXOMSG)
  public static final PropDef MESSAGE_CLASS = tagged("PidTagMessageClass", 0x001A001F);
  public static final PropDef SUBJECT = tagged("PidTagSubject", 0x0037001F);
  public static final PropDef BODY = tagged("PidTagBody", 0x1000001F);
  public static final PropDef IMPORTANCE = tagged("PidTagImportance", 0x00170003);
  public static final PropDef SENSITIVITY = tagged("PidTagSensitivity", 0x00360003);
  public static final PropDef CREATION_TIME = tagged("PidTagCreationTime", 0x30070040);
  public static final PropDef LAST_MODIFICATION_TIME = tagged("PidTagLastModificationTime", 0x30080040);
  public static final PropDef SENT_REPRESENTING_NAME = tagged("PidTagSentRepresentingName", 0x0042001F);
  public static final PropDef SENT_REPRESENTING_ADDRESS_TYPE =
      tagged("PidTagSentRepresentingAddressType", 0x0064001F);
  public static final PropDef SENT_REPRESENTING_EMAIL_ADDRESS =
      tagged("PidTagSentRepresentingEmailAddress", 0x0065001F);
  public static final PropDef SENT_REPRESENTING_SMTP_ADDRESS =
      tagged("PidTagSentRepresentingSmtpAddress", 0x5D02001F);

  // Recipient rows (MS-OXCMSG 2.2.3, MS-OXOCAL 2.2.4.10)
  public static final PropDef RECIPIENT_TYPE = tagged("PidTagRecipientType", 0x0C150003);
  public static final PropDef DISPLAY_NAME = tagged("PidTagDisplayName", 0x3001001F);
  public static final PropDef ADDRESS_TYPE = tagged("PidTagAddressType", 0x3002001F);
  public static final PropDef EMAIL_ADDRESS = tagged("PidTagEmailAddress", 0x3003001F);
  public static final PropDef SMTP_ADDRESS = tagged("PidTagSmtpAddress", 0x39FE001F);
  public static final PropDef RECIPIENT_FLAGS = tagged("PidTagRecipientFlags", 0x5FFD0003);
  public static final PropDef RECIPIENT_TRACK_STATUS = tagged("PidTagRecipientTrackStatus", 0x5FFF0003);
  public static final PropDef DISPLAY_TYPE = tagged("PidTagDisplayType", 0x39000003);

  // Contact (MS-OXOCNTC 2.2.1)
  public static final PropDef GIVEN_NAME = tagged("PidTagGivenName", 0x3A06001F);
  public static final PropDef SURNAME = tagged("PidTagSurname", 0x3A11001F);
  public static final PropDef MIDDLE_NAME = tagged("PidTagMiddleName", 0x3A44001F);
  public static final PropDef DISPLAY_NAME_PREFIX = tagged("PidTagDisplayNamePrefix", 0x3A45001F);
  public static final PropDef GENERATION = tagged("PidTagGeneration", 0x3A05001F);
  public static final PropDef NICKNAME = tagged("PidTagNickname", 0x3A4F001F);
  public static final PropDef COMPANY_NAME = tagged("PidTagCompanyName", 0x3A16001F);
  public static final PropDef TITLE = tagged("PidTagTitle", 0x3A17001F);
  public static final PropDef DEPARTMENT_NAME = tagged("PidTagDepartmentName", 0x3A18001F);
  public static final PropDef BIRTHDAY = tagged("PidTagBirthday", 0x3A420040);
  public static final PropDef WEDDING_ANNIVERSARY = tagged("PidTagWeddingAnniversary", 0x3A410040);
  public static final PropDef BUSINESS_HOME_PAGE = tagged("PidTagBusinessHomePage", 0x3A51001F);
  public static final PropDef PERSONAL_HOME_PAGE = tagged("PidTagPersonalHomePage", 0x3A50001F);
  public static final PropDef BUSINESS_TELEPHONE = tagged("PidTagBusinessTelephoneNumber", 0x3A08001F);
  public static final PropDef BUSINESS2_TELEPHONE = tagged("PidTagBusiness2TelephoneNumber", 0x3A1B001F);
  public static final PropDef HOME_TELEPHONE = tagged("PidTagHomeTelephoneNumber", 0x3A09001F);
  public static final PropDef HOME2_TELEPHONE = tagged("PidTagHome2TelephoneNumber", 0x3A2F001F);
  public static final PropDef MOBILE_TELEPHONE = tagged("PidTagMobileTelephoneNumber", 0x3A1C001F);
  public static final PropDef BUSINESS_FAX = tagged("PidTagBusinessFaxNumber", 0x3A24001F);
  public static final PropDef HOME_FAX = tagged("PidTagHomeFaxNumber", 0x3A25001F);
  public static final PropDef PAGER_TELEPHONE = tagged("PidTagPagerTelephoneNumber", 0x3A21001F);
  public static final PropDef CAR_TELEPHONE = tagged("PidTagCarTelephoneNumber", 0x3A1E001F);
  public static final PropDef PRIMARY_TELEPHONE = tagged("PidTagPrimaryTelephoneNumber", 0x3A1A001F);
  public static final PropDef ASSISTANT_TELEPHONE = tagged("PidTagAssistantTelephoneNumber", 0x3A2E001F);
  public static final PropDef COMPANY_MAIN_TELEPHONE = tagged("PidTagCompanyMainTelephoneNumber", 0x3A57001F);
  public static final PropDef OTHER_TELEPHONE = tagged("PidTagOtherTelephoneNumber", 0x3A1F001F);
  public static final PropDef HOME_ADDRESS_STREET = tagged("PidTagHomeAddressStreet", 0x3A5D001F);
  public static final PropDef HOME_ADDRESS_CITY = tagged("PidTagHomeAddressCity", 0x3A59001F);
  public static final PropDef HOME_ADDRESS_STATE = tagged("PidTagHomeAddressStateOrProvince", 0x3A5C001F);
  public static final PropDef HOME_ADDRESS_POSTAL_CODE = tagged("PidTagHomeAddressPostalCode", 0x3A5B001F);
  public static final PropDef HOME_ADDRESS_COUNTRY = tagged("PidTagHomeAddressCountry", 0x3A5A001F);
  public static final PropDef HOME_ADDRESS_PO_BOX = tagged("PidTagHomeAddressPostOfficeBox", 0x3A5E001F);
  public static final PropDef OTHER_ADDRESS_STREET = tagged("PidTagOtherAddressStreet", 0x3A63001F);
  public static final PropDef OTHER_ADDRESS_CITY = tagged("PidTagOtherAddressCity", 0x3A5F001F);
  public static final PropDef OTHER_ADDRESS_STATE = tagged("PidTagOtherAddressStateOrProvince", 0x3A62001F);
  public static final PropDef OTHER_ADDRESS_POSTAL_CODE = tagged("PidTagOtherAddressPostalCode", 0x3A61001F);
  public static final PropDef OTHER_ADDRESS_COUNTRY = tagged("PidTagOtherAddressCountry", 0x3A60001F);
  public static final PropDef OTHER_ADDRESS_PO_BOX = tagged("PidTagOtherAddressPostOfficeBox", 0x3A64001F);

  // Attachments (MS-OXCMSG 2.2.2, MS-OXOCNTC 2.2.1.8)
  public static final PropDef ATTACH_METHOD = tagged("PidTagAttachMethod", 0x37050003);
  public static final PropDef ATTACH_LONG_FILENAME = tagged("PidTagAttachLongFilename", 0x3707001F);
  public static final PropDef ATTACH_EXTENSION = tagged("PidTagAttachExtension", 0x3703001F);
  public static final PropDef ATTACH_MIME_TAG = tagged("PidTagAttachMimeTag", 0x370E001F);
  public static final PropDef ATTACHMENT_CONTACT_PHOTO = tagged("PidTagAttachmentContactPhoto", 0x7FFF000B);
  public static final PropDef ATTACHMENT_HIDDEN = tagged("PidTagAttachmentHidden", 0x7FFE000B);

  // Kept by the store itself: never exported as X-CONVENE-PROP, never taken from an import.
  static final int[] STORE_MAINTAINED_IDS = {
    0x0E07, // PidTagMessageFlags
    0x0E08, // PidTagMessageSize
    0x0E09, // PidTagParentEntryId
    0x0E1B, // PidTagHasAttachments
    0x0FF4, // PidTagAccess
    0x0FF6, // PidTagInstanceKey
    0x0FF7, // PidTagAccessLevel
    0x0FF9, // PidTagRecordKey
    0x0FFB, // PidTagStoreEntryId
    0x0FFF, // PidTagEntryId
    0x65E0, // PidTagSourceKey
    0x65E1, // PidTagParentSourceKey
    0x65E2, // PidTagChangeKey
    0x65E3, // PidTagPredecessorChangeList
    0x6748, // PidTagFolderId
    0x674A, // PidTagMid
    0x67A4, // PidTagChangeNumber
  };

  /** Whether the store maintains this property itself, so it must not travel in a conversion. */
  public static boolean isStoreMaintained(int id) {
    for (int maintained : STORE_MAINTAINED_IDS) {
      if (maintained == id) {
        return true;
      }
    }
    return false;
  }
}
