package io.convene.admin.accounts;

import io.convene.api.directory.Account;
import io.convene.api.directory.AccountKind;
import io.convene.api.directory.AccountUpdate;
import io.convene.api.directory.BookingPolicy;
import io.convene.api.directory.Directory;
import io.convene.api.directory.DirectoryException;
import io.convene.api.directory.NewAccount;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The account administration commands of the shell: {@code account-add}, {@code account-list},
 * {@code account-passwd}, {@code account-remove} and {@code account-set}. Each takes its
 * arguments as strings and returns the text to show; a refused command throws {@link
 * IllegalArgumentException} or {@link DirectoryException} with a message for the administrator.
 *
 * <p>Passwords are given as arguments: the shell's history (and {@code bin/convene shell}'s
 * process list) may keep them, so prefer changing a password given this way at first login, or
 * clear the history. They are never logged or echoed.
 */
public final class AccountCommands {

  static final String ADD_USAGE = "account-add [--kind user|room|equipment] [--name <display name>] [--alias <alias>]"
      + " [--quota <bytes>] [--capacity <seats>] [--location <text>] [--disabled] <smtp address> [<password>]";
  static final String LIST_USAGE = "account-list [--kind user|room|equipment]";
  static final String PASSWD_USAGE = "account-passwd <address or alias> <new password>";
  static final String REMOVE_USAGE = "account-remove --yes <address or alias>";
  static final String SET_USAGE = "account-set <address or alias> [--name <display name>] [--enabled true|false]"
      + " [--quota <bytes>] [--capacity <seats>] [--location <text>] [--auto-accept true|false]"
      + " [--allow-conflicts true|false] [--booking-window-days <days>] [--max-duration-minutes <minutes>]"
      + " [--allow-recurring true|false] [--allowed-bookers <address,address,...> (empty: everyone)] "
      + ProfileOptions.USAGE;

  private final Directory directory;

  public AccountCommands(Directory directory) {
    this.directory = directory;
  }

  /** The commands by their shell name, in the order {@code help} should show them. */
  public Map<String, Function<List<String>, String>> byName() {
    Map<String, Function<List<String>, String>> commands = new LinkedHashMap<>();
    commands.put("account-add", this::add);
    commands.put("account-list", this::list);
    commands.put("account-passwd", this::passwd);
    commands.put("account-remove", this::remove);
    commands.put("account-set", this::set);
    return commands;
  }

  /** {@value #ADD_USAGE} */
  public String add(List<String> args) {
    CommandLine line = new CommandLine(args,
        Set.of("--kind", "--name", "--alias", "--quota", "--capacity", "--location"), Set.of("--disabled"), ADD_USAGE);
    List<String> positional = line.positional();
    if (positional.isEmpty() || positional.size() > 2) {
      throw new IllegalArgumentException("Usage: " + ADD_USAGE);
    }
    AccountKind kind = line.value("--kind").map(AccountCommands::kind).orElse(AccountKind.USER);
    NewAccount request = NewAccount.of(kind, positional.get(0), line.value("--name").orElse(""))
        .withAlias(line.value("--alias").orElse(""))
        .withEnabled(!line.flag("--disabled"))
        .withQuotaBytes(line.value("--quota").map(value -> number("--quota", value)).orElse(0L))
        .withCapacity(line.value("--capacity").map(value -> (int) number("--capacity", value)).orElse(0))
        .withLocation(line.value("--location").orElse(""));
    char[] password = positional.size() == 2 ? positional.get(1).toCharArray() : null;
    Account created;
    try {
      created = directory.create(request, password);
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
    return "Created " + describe(created)
        + (password == null ? "\nIt has no password and cannot log in; set one with account-passwd." : "") + '\n';
  }

  /** {@value #LIST_USAGE} */
  public String list(List<String> args) {
    CommandLine line = new CommandLine(args, Set.of("--kind"), Set.of(), LIST_USAGE);
    if (!line.positional().isEmpty()) {
      throw new IllegalArgumentException("Usage: " + LIST_USAGE);
    }
    List<Account> accounts = line.value("--kind").map(AccountCommands::kind).map(directory::list).orElseGet(directory::list);
    StringBuilder out = new StringBuilder(String.format("%-6s %-9s %-8s %-32s %-20s %s%n", "ID", "KIND", "STATE", "ADDRESS", "ALIAS", "NAME"));
    for (Account account : accounts) {
      out.append(String.format("%-6d %-9s %-8s %-32s %-20s %s%s%n",
          account.id(),
          account.kind().name().toLowerCase(Locale.ROOT),
          account.enabled() ? "enabled" : "disabled",
          account.smtpAddress(),
          account.alias(),
          account.displayName(),
          resourceDetails(account)));
    }
    out.append(accounts.size()).append(accounts.size() == 1 ? " account" : " accounts").append('\n');
    return out.toString();
  }

  /** {@value #PASSWD_USAGE} */
  public String passwd(List<String> args) {
    CommandLine line = new CommandLine(args, Set.of(), Set.of(), PASSWD_USAGE);
    if (line.positional().size() != 2) {
      throw new IllegalArgumentException("Usage: " + PASSWD_USAGE);
    }
    Account account = resolve(line.positional().get(0));
    char[] password = line.positional().get(1).toCharArray();
    try {
      directory.setPassword(account.id(), password);
    } finally {
      Arrays.fill(password, '\0');
    }
    return "Password of " + account.smtpAddress() + " changed\n";
  }

  /** {@value #REMOVE_USAGE} */
  public String remove(List<String> args) {
    CommandLine line = new CommandLine(args, Set.of(), Set.of("-y=--yes"), REMOVE_USAGE);
    if (line.positional().size() != 1) {
      throw new IllegalArgumentException("Usage: " + REMOVE_USAGE);
    }
    Account account = resolve(line.positional().get(0));
    if (!line.flag("--yes")) {
      throw new IllegalArgumentException("Not removed: removing " + account.smtpAddress()
          + " cannot be undone. Repeat with --yes (or -y) to confirm.");
    }
    directory.remove(account.id());
    return "Removed " + describe(account) + '\n';
  }

  /** {@value #SET_USAGE} */
  public String set(List<String> args) {
    Set<String> options = new HashSet<>(ProfileOptions.NAMES);
    options.addAll(Set.of("--name", "--enabled", "--quota", "--capacity", "--location", "--auto-accept",
        "--allow-conflicts", "--booking-window-days", "--max-duration-minutes", "--allow-recurring", "--allowed-bookers"));
    CommandLine line = new CommandLine(args, options, Set.of(), SET_USAGE);
    if (line.positional().size() != 1) {
      throw new IllegalArgumentException("Usage: " + SET_USAGE);
    }
    Account account = resolve(line.positional().get(0));
    AccountUpdate update = AccountUpdate.NONE;
    if (line.value("--name").isPresent()) {
      update = update.withDisplayName(line.value("--name").get());
    }
    if (line.value("--enabled").isPresent()) {
      update = update.withEnabled(bool("--enabled", line.value("--enabled").get()));
    }
    if (line.value("--quota").isPresent()) {
      update = update.withQuotaBytes(number("--quota", line.value("--quota").get()));
    }
    if (line.value("--capacity").isPresent()) {
      update = update.withCapacity((int) number("--capacity", line.value("--capacity").get()));
    }
    if (line.value("--location").isPresent()) {
      update = update.withLocation(line.value("--location").get());
    }
    BookingPolicy policy = policy(line, account.bookingPolicy());
    if (!policy.equals(account.bookingPolicy())) {
      update = update.withBookingPolicy(policy);
    }
    if (update.isEmpty() && !ProfileOptions.given(line)) {
      throw new IllegalArgumentException("Nothing to change. Usage: " + SET_USAGE);
    }
    Account updated = update.isEmpty() ? account : directory.update(account.id(), update);
    String profile = "";
    if (ProfileOptions.given(line)) {
      // Read, change, write: the profile is replaced as a whole, like the booking policy above.
      profile = ProfileOptions.describe(
          directory.setProfile(account.id(), ProfileOptions.apply(line, directory.profile(account.id()))));
    }
    return "Updated " + describe(updated) + '\n' + profile;
  }

  private static BookingPolicy policy(CommandLine line, BookingPolicy current) {
    BookingPolicy policy = current;
    if (line.value("--auto-accept").isPresent()) {
      policy = policy.withAutoAccept(bool("--auto-accept", line.value("--auto-accept").get()));
    }
    if (line.value("--allow-conflicts").isPresent()) {
      policy = policy.withAllowConflicts(bool("--allow-conflicts", line.value("--allow-conflicts").get()));
    }
    if (line.value("--booking-window-days").isPresent()) {
      policy = policy.withBookingWindowDays((int) number("--booking-window-days", line.value("--booking-window-days").get()));
    }
    if (line.value("--max-duration-minutes").isPresent()) {
      policy = policy.withMaxDurationMinutes((int) number("--max-duration-minutes", line.value("--max-duration-minutes").get()));
    }
    if (line.value("--allow-recurring").isPresent()) {
      policy = policy.withAllowRecurring(bool("--allow-recurring", line.value("--allow-recurring").get()));
    }
    if (line.value("--allowed-bookers").isPresent()) {
      policy = policy.withAllowedBookers(Arrays.stream(line.value("--allowed-bookers").get().split(","))
          .map(String::strip).filter(address -> !address.isEmpty()).toList());
    }
    return policy;
  }

  private Account resolve(String loginName) {
    return directory.resolve(loginName).orElseThrow(() ->
        new DirectoryException(DirectoryException.Reason.NOT_FOUND, "No account with the address or alias " + loginName));
  }

  private static String describe(Account account) {
    return account.kind().name().toLowerCase(Locale.ROOT) + ' ' + account.smtpAddress() + " (id " + account.id()
        + ", alias " + account.alias() + ", \"" + account.displayName() + "\"" + (account.enabled() ? "" : ", disabled") + ')';
  }

  private static String resourceDetails(Account account) {
    if (!account.kind().isResource()) {
      return "";
    }
    StringBuilder details = new StringBuilder(" [");
    if (account.capacity() > 0) {
      details.append(account.capacity()).append(" seats, ");
    }
    if (!account.location().isEmpty()) {
      details.append(account.location()).append(", ");
    }
    details.append(account.bookingPolicy().autoAccept() ? "auto-accept" : "manual");
    return details.append(']').toString();
  }

  private static AccountKind kind(String value) {
    try {
      return AccountKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--kind must be user, room or equipment, not " + value);
    }
  }

  private static long number(String option, String value) {
    try {
      long number = Long.parseLong(value.strip());
      if (number < 0 || (!option.equals("--quota") && number > Integer.MAX_VALUE)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a non-negative whole number, not " + value);
    }
  }

  private static boolean bool(String option, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(option + " must be true or false, not " + value);
    };
  }
}
