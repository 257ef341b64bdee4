package io.convene.admin.accounts;

import io.convene.api.directory.AccountProfile;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@code account-set} options that edit an account's address book profile ({@link
 * AccountProfile}): title, department, company and telephone numbers. An empty value clears one.
 */
final class ProfileOptions {

  static final String USAGE = "[--title <text>] [--department <text>] [--company <text>]"
      + " [--business-phone <number>] [--mobile-phone <number>]";

  private record Option(String name, String label, BiFunction<AccountProfile, String, AccountProfile> set) {}

  private static final List<Option> OPTIONS = List.of(
      new Option("--title", "title", AccountProfile::withTitle),
      new Option("--department", "department", AccountProfile::withDepartment),
      new Option("--company", "company", AccountProfile::withCompany),
      new Option("--business-phone", "business phone", AccountProfile::withBusinessPhone),
      new Option("--mobile-phone", "mobile phone", AccountProfile::withMobilePhone));

  static final Set<String> NAMES = Set.of("--title", "--department", "--company", "--business-phone", "--mobile-phone");

  private ProfileOptions() {}

  /** Whether the command line names any profile option. */
  static boolean given(CommandLine line) {
    return NAMES.stream().anyMatch(name -> line.value(name).isPresent());
  }

  /** {@code current} with the options of {@code line} applied. */
  static AccountProfile apply(CommandLine line, AccountProfile current) {
    AccountProfile profile = current;
    for (Option option : OPTIONS) {
      if (line.value(option.name()).isPresent()) {
        profile = option.set().apply(profile, line.value(option.name()).get());
      }
    }
    return profile;
  }

  /** The set attributes, one per line and indented, for the command's answer; empty if none. */
  static String describe(AccountProfile profile) {
    StringBuilder text = new StringBuilder();
    List<String> values =
        List.of(profile.title(), profile.department(), profile.company(), profile.businessPhone(), profile.mobilePhone());
    for (int i = 0; i < OPTIONS.size(); i++) {
      if (!values.get(i).isEmpty()) {
        text.append("  ").append(OPTIONS.get(i).label()).append(": ").append(values.get(i)).append('\n');
      }
    }
    return text.toString();
  }
}
