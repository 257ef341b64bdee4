package io.convene.admin.control;

import io.convene.admin.info.ServerFacts;
import java.io.IOException;
import java.util.Optional;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Publishes {@link ControlServer} for the life of the admin bundle. */
@Component(service = {}, immediate = true)
public final class ControlChannel {

  /** File name of the port/token file inside the data directory. */
  public static final String CONTROL_FILE = "control.properties";

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CommandProcessor shell;

  private final ControlServer server;

  @Activate
  public ControlChannel(BundleContext context) throws IOException {
    ServerFacts facts = new ServerFacts(context);
    ControlCommands commands = new ControlCommands(facts, () -> Optional.ofNullable(shell));
    this.server = new ControlServer(facts.dataDir().resolve(CONTROL_FILE), commands::run);
    server.start();
  }

  @Deactivate
  void deactivate() {
    server.close();
  }
}
