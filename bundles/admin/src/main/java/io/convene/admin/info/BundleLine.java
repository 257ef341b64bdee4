package io.convene.admin.info;

import org.osgi.framework.Bundle;

/** One row of the bundle listing: what an administrator needs to tell bundles apart. */
public record BundleLine(long id, String state, String symbolicName, String version) {

  public static BundleLine of(Bundle bundle) {
    String name = bundle.getSymbolicName();
    return new BundleLine(
        bundle.getBundleId(),
        stateName(bundle.getState()),
        name == null ? "(no symbolic name) " + bundle.getLocation() : name,
        bundle.getVersion().toString());
  }

  static String stateName(int state) {
    return switch (state) {
      case Bundle.UNINSTALLED -> "UNINSTALLED";
      case Bundle.INSTALLED -> "INSTALLED";
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.ACTIVE -> "ACTIVE";
      default -> "UNKNOWN(" + state + ")";
    };
  }
}
