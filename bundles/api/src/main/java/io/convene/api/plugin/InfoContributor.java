package io.convene.api.plugin;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds a section to the server's status report (the {@code convene:info} shell command), so an
 * administrator sees a plugin's own state beside the server's: what it is configured to do,
 * whether its backend is reachable, counters.
 *
 * <p>Register it as a service with the {@link #NAME} property set to a short, unique section
 * title.
 */
@ConsumerType
public interface InfoContributor {

  /** Service property: the section title shown in the report. */
  String NAME = "convene.info.name";

  /**
   * Returns the lines of this plugin's section as ordered key/value pairs. Called on demand from a
   * shell thread; must return quickly and must not throw.
   *
   * @return an ordered map (e.g. {@link java.util.LinkedHashMap}); never {@code null}
   */
  Map<String, String> info();
}
