package io.convene.api.convert;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Contacts ({@code IPM.Contact}, MS-OXOCNTC) to and from vCard (MS-OXVCARD, RFC 2426, RFC 6350).
 * The contact photo is the attachment flagged PidTagAttachmentContactPhoto, with PidLidHasPicture
 * set on the contact.
 */
@ProviderType
public interface ContactConverter {

  /**
   * The vCard text of a contact.
   *
   * @param contact the contact; a photo attachment, if any, becomes PHOTO
   * @param version the vCard version to write
   * @param ids the mapping of the contact's named properties
   * @throws ConversionException if the contact is over a limit
   */
  ConversionResult<String> toVCard(ItemContent contact, VCardVersion version, NamedPropertyIds ids)
      throws ConversionException;

  /**
   * One contact per vCard in the text (version 2.1, 3.0 or 4.0).
   *
   * @throws ConversionException if the text is malformed, over a limit, or a vCard has no FN
   */
  ConversionResult<List<ItemContent>> fromVCard(String vcard, NamedPropertyIds ids)
      throws ConversionException;
}
