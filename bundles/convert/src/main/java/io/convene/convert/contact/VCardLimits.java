package io.convene.convert.contact;

/**
 * Bounds on vCard input.
 *
 * @param maxChars characters of the whole text (a photo is inline, so this is generous)
 * @param maxCards vCards in one text
 * @param maxProperties properties of one vCard
 * @param maxPhotoBytes bytes of a decoded photo
 */
public record VCardLimits(int maxChars, int maxCards, int maxProperties, int maxPhotoBytes) {

  /** 8 MiB, 1000 cards, 1000 properties each, 2 MiB photo. */
  public static final VCardLimits DEFAULT = new VCardLimits(8 << 20, 1000, 1000, 2 << 20);
}
