package io.convene.admin.info;

import io.convene.api.plugin.InfoContributor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code convene:info} Gogo command; plugin sections come from {@link InfoContributor}s. */
@Component(
    service = InfoCommand.class,
    property = {"osgi.command.scope=convene", "osgi.command.function=info"})
public final class InfoCommand {

  private static final Logger LOG = LoggerFactory.getLogger(InfoCommand.class);

  private final ServerFacts facts;
  private final Map<String, InfoContributor> contributors = new ConcurrentSkipListMap<>();

  @Activate
  public InfoCommand(BundleContext context) {
    this.facts = new ServerFacts(context);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addContributor(InfoContributor contributor, Map<String, Object> properties) {
    contributors.put(sectionName(contributor, properties), contributor);
  }

  void removeContributor(InfoContributor contributor, Map<String, Object> properties) {
    contributors.remove(sectionName(contributor, properties), contributor);
  }

  /** Prints version, uptime, data directory, Convene's bundles and each plugin's section. */
  public String info() {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    contributors.forEach((name, contributor) -> sections.put(name, safeInfo(name, contributor)));
    return InfoReport.render(
        facts.version(), facts.uptime(), facts.dataDir(), facts.conveneBundles(), sections);
  }

  private static Map<String, String> safeInfo(String name, InfoContributor contributor) {
    try {
      return contributor.info();
    } catch (RuntimeException e) {
      // A broken plugin must not break the administrator's view of the server.
      LOG.warn("Info contributor '{}' failed", name, e);
      return Map.of("error", String.valueOf(e));
    }
  }

  private static String sectionName(InfoContributor contributor, Map<String, Object> properties) {
    Object name = properties.get(InfoContributor.NAME);
    return name != null ? name.toString() : contributor.getClass().getName();
  }
}
