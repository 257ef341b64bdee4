package io.convene.storage.derby.store;

import io.convene.storage.derby.db.SchemaPart;
import java.util.List;

/**
 * The store's tables. Items keep their whole property bag in PROPS (see {@code PropertyBagCodec})
 * plus promoted, indexed columns for what queries filter and sort on; change numbers, read state
 * and tombstones feed incremental sync. Released migrations are never edited, only appended.
 */
public final class StoreSchema implements SchemaPart {

  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE TABLE MAILBOXES (ACCOUNT_ID BIGINT PRIMARY KEY, REPLICA_GUID CHAR(16) FOR BIT DATA NOT NULL,"
                  + " NEXT_COUNTER BIGINT NOT NULL, NEXT_NAMED_ID INT NOT NULL, CREATED BIGINT NOT NULL)",
              "CREATE TABLE FOLDERS (ACCOUNT_ID BIGINT NOT NULL, FOLDER_ID BIGINT NOT NULL, PARENT_ID BIGINT,"
                  + " DISPLAY_NAME VARCHAR(256) NOT NULL, CONTAINER_CLASS VARCHAR(255), SPECIAL VARCHAR(32),"
                  + " CHANGE_NUMBER BIGINT NOT NULL, PROPS BLOB(16M) NOT NULL, PRIMARY KEY (ACCOUNT_ID, FOLDER_ID))",
              "CREATE INDEX FOLDERS_PARENT ON FOLDERS (ACCOUNT_ID, PARENT_ID)",
              "CREATE TABLE MESSAGES (ACCOUNT_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL, FOLDER_ID BIGINT NOT NULL,"
                  + " CREATOR_ID BIGINT NOT NULL, MESSAGE_CLASS VARCHAR(255), CHANGE_NUMBER BIGINT NOT NULL,"
                  + " READ_CN BIGINT NOT NULL, IS_READ SMALLINT NOT NULL, START_TIME BIGINT, END_TIME BIGINT,"
                  + " LAST_MODIFIED BIGINT NOT NULL, DELETED_AT BIGINT, PROPS BLOB(64M) NOT NULL,"
                  + " PRIMARY KEY (ACCOUNT_ID, MESSAGE_ID))",
              "CREATE INDEX MESSAGES_FOLDER_CN ON MESSAGES (ACCOUNT_ID, FOLDER_ID, CHANGE_NUMBER)",
              "CREATE INDEX MESSAGES_FOLDER_READ ON MESSAGES (ACCOUNT_ID, FOLDER_ID, READ_CN)",
              "CREATE INDEX MESSAGES_FOLDER_START ON MESSAGES (ACCOUNT_ID, FOLDER_ID, START_TIME)",
              "CREATE TABLE TOMBSTONES (ACCOUNT_ID BIGINT NOT NULL, FOLDER_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL,"
                  + " CHANGE_NUMBER BIGINT NOT NULL, HARD SMALLINT NOT NULL)",
              "CREATE INDEX TOMBSTONES_FOLDER_CN ON TOMBSTONES (ACCOUNT_ID, FOLDER_ID, CHANGE_NUMBER)",
              "CREATE TABLE NAMED_PROPS (ACCOUNT_ID BIGINT NOT NULL, PROP_ID INT NOT NULL, SET_GUID CHAR(16) FOR BIT DATA NOT NULL,"
                  + " LID BIGINT, NAME VARCHAR(512), NAME_KEY VARCHAR(600) NOT NULL, PRIMARY KEY (ACCOUNT_ID, PROP_ID))",
              "CREATE UNIQUE INDEX NAMED_PROPS_KEY ON NAMED_PROPS (ACCOUNT_ID, NAME_KEY)",
              "CREATE TABLE PERMISSIONS (ACCOUNT_ID BIGINT NOT NULL, FOLDER_ID BIGINT NOT NULL, MEMBER_ID BIGINT NOT NULL,"
                  + " RIGHTS INT NOT NULL, PRIMARY KEY (ACCOUNT_ID, FOLDER_ID, MEMBER_ID))"),
          // 2: the end of a recurring series (PidLidClipEnd), so range queries find recurring masters
          List.of("ALTER TABLE MESSAGES ADD COLUMN RECUR_END BIGINT"),
          // 3: sub-objects and streamed values
          List.of(
              "CREATE TABLE RECIPIENTS (ACCOUNT_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL, ROW_ID INT NOT NULL,"
                  + " PROPS BLOB(1M) NOT NULL, PRIMARY KEY (ACCOUNT_ID, MESSAGE_ID, ROW_ID))",
              "CREATE TABLE ATTACHMENTS (ACCOUNT_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL, ATTACH_NUM INT NOT NULL,"
                  + " PROPS BLOB(1M) NOT NULL, SIZE BIGINT NOT NULL, DATA BLOB(2G), PRIMARY KEY (ACCOUNT_ID, MESSAGE_ID, ATTACH_NUM))",
              "CREATE TABLE LARGE_VALUES (ACCOUNT_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL, TAG INT NOT NULL,"
                  + " DATA BLOB(2G) NOT NULL, PRIMARY KEY (ACCOUNT_ID, MESSAGE_ID, TAG))"),
          // 4: bounded calendar range scans: the longest single appointment of each folder, and
          // recurring series found by their end
          List.of(
              "ALTER TABLE FOLDERS ADD COLUMN MAX_SPAN BIGINT NOT NULL DEFAULT 0",
              "CREATE INDEX MESSAGES_FOLDER_RECUR ON MESSAGES (ACCOUNT_ID, FOLDER_ID, RECUR_END)"),
          // 5: a folder's items in id order (pages, queries), and its item and unread counts from
          // the read-state index alone (it gains IS_READ and DELETED_AT) instead of scans of the
          // whole mailbox; widening that index rather than adding one keeps saves' index work
          List.of(
              "CREATE INDEX MESSAGES_FOLDER_ID ON MESSAGES (ACCOUNT_ID, FOLDER_ID, MESSAGE_ID)",
              "DROP INDEX MESSAGES_FOLDER_READ",
              "CREATE INDEX MESSAGES_FOLDER_READ ON MESSAGES (ACCOUNT_ID, FOLDER_ID, READ_CN, IS_READ, DELETED_AT)"),
          // 6: messages embedded in attachments (MS-OXCMSG 2.2.2.9). Each has an id from the
          // mailbox counter, under which RECIPIENTS, ATTACHMENTS and LARGE_VALUES hold its parts;
          // PARENT_ID is the message (item or embedded) whose attachment ATTACH_NUM holds it.
          List.of(
              "CREATE TABLE EMBEDDED_MESSAGES (ACCOUNT_ID BIGINT NOT NULL, EMBEDDED_ID BIGINT NOT NULL, TOP_ID BIGINT NOT NULL,"
                  + " PARENT_ID BIGINT NOT NULL, ATTACH_NUM INT NOT NULL, DEPTH INT NOT NULL, PROPS BLOB(16M) NOT NULL,"
                  + " PRIMARY KEY (ACCOUNT_ID, EMBEDDED_ID))",
              "CREATE UNIQUE INDEX EMBEDDED_PARENT ON EMBEDDED_MESSAGES (ACCOUNT_ID, PARENT_ID, ATTACH_NUM)",
              "CREATE INDEX EMBEDDED_TOP ON EMBEDDED_MESSAGES (ACCOUNT_ID, TOP_ID)"),
          // 7: pages of a folder in id order (queries without a restriction) skip rows at an offset
          // and leave out deleted ones from the id index alone, without visiting each base row;
          // widened rather than added, as in 5
          List.of(
              "DROP INDEX MESSAGES_FOLDER_ID",
              "CREATE INDEX MESSAGES_FOLDER_ID ON MESSAGES (ACCOUNT_ID, FOLDER_ID, MESSAGE_ID, DELETED_AT)"),
          // 8: receive folders (MS-OXCSTOR 2.2.1.2-2.2.1.4), keyed by the upper-cased class; tombstones
          // of deleted folders for hierarchy sync; properties of the mailbox (store) object itself
          List.of(
              "CREATE TABLE RECEIVE_FOLDERS (ACCOUNT_ID BIGINT NOT NULL, CLASS_KEY VARCHAR(255) NOT NULL,"
                  + " MESSAGE_CLASS VARCHAR(255) NOT NULL, FOLDER_ID BIGINT NOT NULL, MODIFIED BIGINT NOT NULL,"
                  + " PRIMARY KEY (ACCOUNT_ID, CLASS_KEY))",
              "CREATE TABLE FOLDER_TOMBSTONES (ACCOUNT_ID BIGINT NOT NULL, FOLDER_ID BIGINT NOT NULL, PARENT_ID BIGINT NOT NULL,"
                  + " CHANGE_NUMBER BIGINT NOT NULL, HARD SMALLINT NOT NULL)",
              "CREATE INDEX FOLDER_TOMBSTONES_CN ON FOLDER_TOMBSTONES (ACCOUNT_ID, CHANGE_NUMBER)",
              "ALTER TABLE MAILBOXES ADD COLUMN PROPS BLOB(1M)"),
          // 9: folder-associated
          // items (MS-OXCMSG 2.2.1.2), apart from the normal ones in every folder query, so ASSOCIATED
          // joins the folder indexes (the id index right after the folder: pages of either set are
          // ranges; the read-state index at its end: counts stay index-only); search folders
          // (MS-OXCFOLD 2.2.1.2.1 FolderType 2) and their criteria (restriction in RestrictionFormat,
          // scope as 8-byte folder ids)
          List.of(
              "ALTER TABLE MESSAGES ADD COLUMN ASSOCIATED SMALLINT NOT NULL DEFAULT 0",
              "DROP INDEX MESSAGES_FOLDER_ID",
              "CREATE INDEX MESSAGES_FOLDER_ID ON MESSAGES (ACCOUNT_ID, FOLDER_ID, ASSOCIATED, MESSAGE_ID, DELETED_AT)",
              "DROP INDEX MESSAGES_FOLDER_READ",
              "CREATE INDEX MESSAGES_FOLDER_READ ON MESSAGES (ACCOUNT_ID, FOLDER_ID, READ_CN, IS_READ, DELETED_AT, ASSOCIATED)",
              "ALTER TABLE FOLDERS ADD COLUMN FOLDER_TYPE SMALLINT NOT NULL DEFAULT 1",
              "CREATE TABLE SEARCH_CRITERIA (ACCOUNT_ID BIGINT NOT NULL, FOLDER_ID BIGINT NOT NULL, FLAGS INT NOT NULL,"
                  + " RESTRICTION BLOB(1M) NOT NULL, SCOPE BLOB(1M) NOT NULL, PRIMARY KEY (ACCOUNT_ID, FOLDER_ID))"),
          // 10: one sync index instead of the change-number and the read-state index, so every saved
          // item has one index entry fewer to insert (bulk import, single saves). SYNC_CN, the later
          // of an item's content and read-state change, is kept by Derby on every insert and update;
          // changesSince reads each kind from a range of it and tells them apart by the row. The
          // index keeps the read index's trailing columns, so folder counts stay index-only.
          List.of(
              "ALTER TABLE MESSAGES ADD COLUMN SYNC_CN BIGINT GENERATED ALWAYS AS"
                  + " (CASE WHEN CHANGE_NUMBER > READ_CN THEN CHANGE_NUMBER ELSE READ_CN END)",
              "CREATE INDEX MESSAGES_FOLDER_SYNC ON MESSAGES (ACCOUNT_ID, FOLDER_ID, SYNC_CN, IS_READ, DELETED_AT, ASSOCIATED)",
              "DROP INDEX MESSAGES_FOLDER_CN",
              "DROP INDEX MESSAGES_FOLDER_READ"),
          // 11: one calendar index instead of the start and the series-end index, so every saved
          // item, mail and notes included, has one index entry fewer to insert. IS_SERIES parts it:
          // recurring masters by their series end, every other item by its start (CAL_KEY, kept
          // by Derby). A week query reads both parts with a start and a stop key each, as before.
          // RECUR_END becomes the latest end of the series' last instance (SeriesEnd: PidLidClipEnd
          // + 25 h + the instance's length), so the series part alone finds every master: by
          // PidLidClipEnd alone a series' last day was missed, unless its first instance was in range.
          List.of(
              "UPDATE MESSAGES SET RECUR_END = RECUR_END + 90000000"
                  + " + CASE WHEN END_TIME > START_TIME THEN END_TIME - START_TIME ELSE 0 END WHERE RECUR_END IS NOT NULL",
              "ALTER TABLE MESSAGES ADD COLUMN IS_SERIES SMALLINT GENERATED ALWAYS AS"
                  + " (CASE WHEN RECUR_END IS NULL THEN 0 ELSE 1 END)",
              "ALTER TABLE MESSAGES ADD COLUMN CAL_KEY BIGINT GENERATED ALWAYS AS"
                  + " (CASE WHEN RECUR_END IS NULL THEN START_TIME ELSE RECUR_END END)",
              "CREATE INDEX MESSAGES_FOLDER_CALENDAR ON MESSAGES (ACCOUNT_ID, FOLDER_ID, IS_SERIES, CAL_KEY)",
              "DROP INDEX MESSAGES_FOLDER_START",
              "DROP INDEX MESSAGES_FOLDER_RECUR"));

  @Override
  public String name() {
    return "store";
  }

  @Override
  public List<List<String>> migrations() {
    return MIGRATIONS;
  }
}
