package io.convene.admin.info;

import java.util.List;

/** Renders bundle rows as a fixed-width table that reads well in a terminal and greps easily. */
public final class BundleTable {

  private BundleTable() {}

  public static String render(List<BundleLine> lines) {
    int nameWidth = "Symbolic name".length();
    for (BundleLine line : lines) {
      nameWidth = Math.max(nameWidth, line.symbolicName().length());
    }
    String format = "%4s  %-11s  %-" + nameWidth + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "ID", "State", "Symbolic name", "Version"));
    for (BundleLine line : lines) {
      out.append(String.format(format, line.id(), line.state(), line.symbolicName(), line.version()));
    }
    return out.toString();
  }
}
