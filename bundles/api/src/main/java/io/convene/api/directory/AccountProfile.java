package io.convene.api.directory;

import java.util.Objects;

/**
 * What the address book shows about a person beyond {@link Account}: the details page of a GAL
 * entry (MS-OXOABK 2.2.4). Kept apart from {@link Account} so that adding it changed no existing
 * constructor; an account without profile has {@link #EMPTY}. Where a user sits (PidTagOfficeLocation)
 * is {@link Account#location()}, as for a room.
 *
 * <p>Every component is never {@code null}; empty means not set. The directory strips blanks and
 * refuses control characters and over-long values with {@link DirectoryException.Reason#INVALID}.
 *
 * @param title job title (PidTagTitle)
 * @param department department (PidTagDepartmentName)
 * @param company company (PidTagCompanyName)
 * @param businessPhone office telephone number (PidTagBusinessTelephoneNumber)
 * @param mobilePhone mobile telephone number (PidTagMobileTelephoneNumber)
 */
public record AccountProfile(String title, String department, String company, String businessPhone, String mobilePhone) {

  /** No profile attribute set. */
  public static final AccountProfile EMPTY = new AccountProfile("", "", "", "", "");

  public AccountProfile {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(businessPhone, "businessPhone");
    Objects.requireNonNull(mobilePhone, "mobilePhone");
  }

  /** Whether no attribute is set. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  public AccountProfile withTitle(String value) {
    return new AccountProfile(value, department, company, businessPhone, mobilePhone);
  }

  public AccountProfile withDepartment(String value) {
    return new AccountProfile(title, value, company, businessPhone, mobilePhone);
  }

  public AccountProfile withCompany(String value) {
    return new AccountProfile(title, department, value, businessPhone, mobilePhone);
  }

  public AccountProfile withBusinessPhone(String value) {
    return new AccountProfile(title, department, company, value, mobilePhone);
  }

  public AccountProfile withMobilePhone(String value) {
    return new AccountProfile(title, department, company, businessPhone, value);
  }
}
