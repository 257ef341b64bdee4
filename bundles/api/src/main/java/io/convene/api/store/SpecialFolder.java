package io.convene.api.store;

import java.util.Optional;

/**
 * The folders every mailbox is provisioned with, as Outlook expects them (MS-OXOSFLD 2.2, 3.1.4.1):
 * the root with the non-IPM folders, and the IPM subtree ("Top of Information Store") with the
 * user-visible ones. {@link #containerClass()} is PidTagContainerClass.
 */
public enum SpecialFolder {
  ROOT(null, "Root", null),
  IPM_SUBTREE(ROOT, "Top of Information Store", null),
  INBOX(IPM_SUBTREE, "Inbox", "IPF.Note"),
  OUTBOX(IPM_SUBTREE, "Outbox", "IPF.Note"),
  SENT_ITEMS(IPM_SUBTREE, "Sent Items", "IPF.Note"),
  DELETED_ITEMS(IPM_SUBTREE, "Deleted Items", "IPF.Note"),
  DRAFTS(IPM_SUBTREE, "Drafts", "IPF.Note"),
  CALENDAR(IPM_SUBTREE, "Calendar", "IPF.Appointment"),
  CONTACTS(IPM_SUBTREE, "Contacts", "IPF.Contact"),
  TASKS(IPM_SUBTREE, "Tasks", "IPF.Task"),
  NOTES(IPM_SUBTREE, "Notes", "IPF.StickyNote"),
  JOURNAL(IPM_SUBTREE, "Journal", "IPF.Journal"),
  JUNK(IPM_SUBTREE, "Junk E-mail", "IPF.Note"),
  SYNC_ISSUES(IPM_SUBTREE, "Sync Issues", "IPF.Note"),
  CONFLICTS(SYNC_ISSUES, "Conflicts", "IPF.Note"),
  LOCAL_FAILURES(SYNC_ISSUES, "Local Failures", "IPF.Note"),
  SERVER_FAILURES(SYNC_ISSUES, "Server Failures", "IPF.Note"),
  COMMON_VIEWS(ROOT, "Common Views", null),
  FINDER(ROOT, "Finder", null),
  SCHEDULE(ROOT, "Schedule", null),
  SHORTCUTS(ROOT, "Shortcuts", null),
  VIEWS(ROOT, "Views", null),
  REMINDERS(ROOT, "Reminders", "Outlook.Reminder"),
  /** Holds the LocalFreebusy message (MS-OXOSFLD 2.2.6, MS-OXOPFFB). @since 1.2 */
  FREEBUSY_DATA(ROOT, "Freebusy Data", null),
  /** RSF_PID_CONV_ACTIONS of PidTagAdditionalRenEntryIdsEx (MS-OXOSFLD 2.2.5). @since 1.2 */
  CONVERSATION_ACTIONS(IPM_SUBTREE, "Conversation Action Settings", "IPF.Configuration"),
  /** RSF_PID_COMBINED_ACTIONS: where Outlook keeps its Quick Steps. @since 1.2 */
  QUICK_STEP_SETTINGS(IPM_SUBTREE, "Quick Step Settings", "IPF.Configuration"),
  /** RSF_PID_SUGGESTED_CONTACTS. @since 1.2 */
  SUGGESTED_CONTACTS(IPM_SUBTREE, "Suggested Contacts", "IPF.Contact"),
  /** RSF_PID_BUDDYLIST_PDLS. @since 1.2 */
  IM_CONTACT_LIST(IPM_SUBTREE, "IM Contact List", "IPF.Contact.MOC.ImContactList"),
  /** RSF_PID_BUDDYLIST_CONTACTS. @since 1.2 */
  QUICK_CONTACTS(IPM_SUBTREE, "Quick Contacts", "IPF.Contact.MOC.QuickContacts");

  private final SpecialFolder parent;
  private final String displayName;
  private final String containerClass;

  SpecialFolder(SpecialFolder parent, String displayName, String containerClass) {
    this.parent = parent;
    this.displayName = displayName;
    this.containerClass = containerClass;
  }

  /** The parent folder; empty for {@link #ROOT}. */
  public Optional<SpecialFolder> parent() {
    return Optional.ofNullable(parent);
  }

  public String displayName() {
    return displayName;
  }

  /** PidTagContainerClass, empty for folders that have none. */
  public Optional<String> containerClass() {
    return Optional.ofNullable(containerClass);
  }
}
