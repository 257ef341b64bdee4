package io.convene.convert.calendar;

/**
 * A meeting attendee as a recipient row holds it (MS-OXOCAL 2.2.4.10).
 *
 * @param displayName PidTagDisplayName, or {@code null}
 * @param email the SMTP address, or {@code null}
 * @param recipientType PidTagRecipientType: 1 required, 2 optional, 3 resource
 * @param trackStatus PidTagRecipientTrackStatus: 0 none, 2 tentative, 3 accepted, 4 declined, 5 not responded
 * @param flags PidTagRecipientFlags: 0x1 sendable, 0x2 organizer
 */
public record Attendee(String displayName, String email, int recipientType, int trackStatus, int flags) {

  public static final int TYPE_REQUIRED = 1;
  public static final int TYPE_OPTIONAL = 2;
  public static final int TYPE_RESOURCE = 3;

  public static final int FLAG_SENDABLE = 0x1;
  public static final int FLAG_ORGANIZER = 0x2;

  public static final int TRACK_NONE = 0;
  public static final int TRACK_ORGANIZED = 1;
  public static final int TRACK_TENTATIVE = 2;
  public static final int TRACK_ACCEPTED = 3;
  public static final int TRACK_DECLINED = 4;
  public static final int TRACK_NOT_RESPONDED = 5;

  public boolean isOrganizer() {
    return (flags & FLAG_ORGANIZER) != 0;
  }
}
