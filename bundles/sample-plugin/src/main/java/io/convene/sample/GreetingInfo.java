package io.convene.sample;

import io.convene.api.plugin.InfoContributor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Adds a "sample-plugin" section to {@code convene:info}. Its greeting comes from the
 * configuration {@code etc/io.convene.sample.greeting.cfg}; editing that file changes the output
 * at once, without a restart.
 */
@Component(
    configurationPid = GreetingInfo.PID,
    property = InfoContributor.NAME + "=sample-plugin")
@Designate(ocd = GreetingInfo.Config.class)
public final class GreetingInfo implements InfoContributor {

  static final String PID = "io.convene.sample.greeting";

  @ObjectClassDefinition(
      name = "Convene sample plugin",
      description = "Configures the section the sample plugin adds to convene:info.")
  public @interface Config {
    @AttributeDefinition(
        name = "Greeting",
        description = "The text shown in the sample plugin's section of convene:info.")
    String greeting() default "Hello from the Convene sample plugin";
  }

  private final AtomicLong calls = new AtomicLong();
  private volatile String greeting;

  @Activate
  public GreetingInfo(Config config) {
    modified(config);
  }

  /** Takes a new configuration in place, so the service stays registered while it changes. */
  @Modified
  void modified(Config config) {
    greeting = config.greeting();
  }

  @Override
  public Map<String, String> info() {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("greeting", greeting);
    lines.put("calls", Long.toString(calls.incrementAndGet()));
    return lines;
  }
}
