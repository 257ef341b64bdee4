package io.convene.convert.timezone;

import com.ibm.icu.util.TimeZone;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Windows time zone names (the registry key names of PidLidTimeZoneDescription and
 * TimeZoneDefinition.KeyName) to and from IANA zone ids, from CLDR's windowsZones data as ICU4J
 * ships it (so the mapping is updated with the ICU bundle, not kept as a copy here). Immutable;
 * thread-safe.
 */
public final class WindowsZones {

  private static final String WORLD = "001";

  private final Set<String> windowsNames;

  private WindowsZones(Set<String> windowsNames) {
    this.windowsNames = windowsNames;
  }

  /** The mapping of the ICU4J bundle Convene runs with. */
  public static WindowsZones load() {
    Set<String> names = new TreeSet<>();
    for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL, null, null)) {
      String windows = TimeZone.getWindowsID(id);
      if (windows != null) {
        names.add(windows);
      }
    }
    return new WindowsZones(Collections.unmodifiableSet(names));
  }

  /** The IANA id CLDR gives a Windows zone for the world (territory 001). */
  public Optional<String> ianaId(String windowsName) {
    return ianaId(windowsName, WORLD);
  }

  /** The main IANA id of a Windows zone in a territory (ISO 3166 code), else for the world. */
  public Optional<String> ianaId(String windowsName, String territory) {
    if (windowsName == null || !windowsNames.contains(windowsName)) {
      return Optional.empty();
    }
    String id = TimeZone.getIDForWindowsID(windowsName, territory);
    if (id == null) {
      id = TimeZone.getIDForWindowsID(windowsName, WORLD);
    }
    return Optional.ofNullable(id);
  }

  /**
   * The Windows zone of an IANA id. ICU resolves aliases (Asia/Kolkata is listed by CLDR as
   * Asia/Calcutta) through its canonical ids.
   */
  public Optional<String> windowsName(String ianaId) {
    if (ianaId == null || ianaId.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(TimeZone.getWindowsID(ianaId));
  }

  /** Every Windows zone name in the data. */
  public Set<String> windowsNames() {
    return windowsNames;
  }
}
