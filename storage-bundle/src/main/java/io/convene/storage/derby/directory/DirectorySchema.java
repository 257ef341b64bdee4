package io.convene.storage.derby.directory;

import io.convene.storage.derby.db.SchemaPart;
import java.util.List;

/**
 * The {@code directory} part of the schema: one row per account, one per account profile, and one
 * per published certificate. Derby has no expression
 * indexes, so addresses and aliases are stored lower-case (checked by constraints) and the
 * unique constraints on the plain columns are the case-insensitive uniqueness. Released
 * migrations are never edited; changes are appended.
 */
public final class DirectorySchema implements SchemaPart {

  public static final String NAME = "directory";

  static final String SMTP_UNIQUE = "ACCOUNTS_SMTP_UNIQUE";
  static final String ALIAS_UNIQUE = "ACCOUNTS_ALIAS_UNIQUE";

  private static final List<List<String>> MIGRATIONS = List.of(
      // 1: accounts with resource and booking columns
      List.of(
          "CREATE TABLE ACCOUNTS ("
              + "ID BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1) PRIMARY KEY, "
              + "KIND VARCHAR(16) NOT NULL CHECK (KIND IN ('USER', 'ROOM', 'EQUIPMENT')), "
              + "DISPLAY_NAME VARCHAR(256) NOT NULL, "
              + "SMTP_ADDRESS VARCHAR(254) NOT NULL CHECK (SMTP_ADDRESS = LOWER(SMTP_ADDRESS)), "
              + "ALIAS VARCHAR(64) NOT NULL CHECK (ALIAS = LOWER(ALIAS)), "
              + "ENABLED BOOLEAN NOT NULL, "
              + "PASSWORD_HASH VARCHAR(256), "
              + "QUOTA_BYTES BIGINT NOT NULL CHECK (QUOTA_BYTES >= 0), "
              + "CAPACITY INT NOT NULL CHECK (CAPACITY >= 0), "
              + "LOCATION VARCHAR(256) NOT NULL, "
              + "AUTO_ACCEPT BOOLEAN NOT NULL, "
              + "ALLOW_CONFLICTS BOOLEAN NOT NULL, "
              + "BOOKING_WINDOW_DAYS INT NOT NULL CHECK (BOOKING_WINDOW_DAYS >= 0), "
              + "MAX_DURATION_MINUTES INT NOT NULL CHECK (MAX_DURATION_MINUTES >= 0), "
              + "ALLOW_RECURRING BOOLEAN NOT NULL, "
              // newline-separated lower-case addresses; empty: everyone may book
              + "ALLOWED_BOOKERS VARCHAR(16000) NOT NULL, "
              + "CREATED TIMESTAMP NOT NULL, "
              + "MODIFIED TIMESTAMP NOT NULL, "
              + "CONSTRAINT " + SMTP_UNIQUE + " UNIQUE (SMTP_ADDRESS), "
              + "CONSTRAINT " + ALIAS_UNIQUE + " UNIQUE (ALIAS))",
          "CREATE INDEX ACCOUNTS_KIND ON ACCOUNTS (KIND, SMTP_ADDRESS)"),
      // 2: address book profiles (directory API 1.1), a row only for accounts that have one
      List.of(
          "CREATE TABLE ACCOUNT_PROFILES ("
              + "ACCOUNT_ID BIGINT NOT NULL PRIMARY KEY REFERENCES ACCOUNTS (ID) ON DELETE CASCADE, "
              + "TITLE VARCHAR(256) NOT NULL, "
              + "DEPARTMENT VARCHAR(256) NOT NULL, "
              + "COMPANY VARCHAR(256) NOT NULL, "
              + "BUSINESS_PHONE VARCHAR(64) NOT NULL, "
              + "MOBILE_PHONE VARCHAR(64) NOT NULL)"),
      // 3: certificates published in the address book (directory API 1.2), one row per value;
      // KIND 1 = PidTagUserX509Certificate, 2 = PidTagAddressBookX509Certificate
      List.of(
          "CREATE TABLE ACCOUNT_CERTIFICATES ("
              + "ACCOUNT_ID BIGINT NOT NULL REFERENCES ACCOUNTS (ID) ON DELETE CASCADE, "
              + "KIND SMALLINT NOT NULL CHECK (KIND IN (1, 2)), "
              + "POSITION SMALLINT NOT NULL CHECK (POSITION >= 0), "
              + "CERTIFICATE VARCHAR(32000) FOR BIT DATA NOT NULL, "
              + "PRIMARY KEY (ACCOUNT_ID, KIND, POSITION))"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<List<String>> migrations() {
    return MIGRATIONS;
  }
}
