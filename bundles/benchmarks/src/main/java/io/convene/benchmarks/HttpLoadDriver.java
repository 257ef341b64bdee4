package io.convene.benchmarks;

import io.convene.net.tls.ServerKeyStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTP/1.1 load driver: Convene's MINA server against Eclipse Jetty 12 as the peer, both started
 * in this JVM on loopback, plain and TLS, measured one target at a time in the same run.
 *
 * <p>Each target gets the same closed-loop load (see {@link LoadRun}): keep-alive connections
 * sending 1 KiB POSTs to {@code /bench}, whose handler reads the body, checks it and answers 1 KiB.
 * The driver prints one {@code TARGET} line per target and one {@code RESULT} line per transport
 * with the Convene/Jetty ratios. It exits 1 if any exchange failed or was wrong, 2 on bad
 * arguments; missing the performance target is reported, not a failure.
 */
public final class HttpLoadDriver {

  /** The bar: Convene's throughput at least Jetty's, its p99 at most 1.2x Jetty's. */
  static final double MIN_THROUGHPUT_RATIO = 1.0;
  static final double MAX_P99_RATIO = 1.2;

  // ServerKeyStore keeps the generated store's password beside it under this name (see its Javadoc);
  // Jetty's SslContextFactory needs it to open the same key store.
  private static final String KEY_STORE_PASSWORD_FILE = "selfsigned.password";

  private final LoadSettings settings;
  private final PrintStream out;

  HttpLoadDriver(LoadSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    LoadSettings settings;
    try {
      settings = LoadSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LoadSettings.USAGE);
      System.exit(2);
      return;
    }
    System.exit(new HttpLoadDriver(settings, System.out).run());
  }

  /** Runs every target and prints the results; returns the process exit status. */
  int run() throws Exception {
    Path dir = Files.createTempDirectory("convene-bench-");
    try {
      ServerKeyStore keys = ServerKeyStore.selfSigned(dir, "localhost", Clock.systemUTC());
      String password = Files.readString(dir.resolve(KEY_STORE_PASSWORD_FILE), StandardCharsets.US_ASCII).strip();
      SSLContext client = trusting(keys.keyStore());
      List<TargetResult> results = new ArrayList<>();
      try (ConveneServer convene = ConveneServer.start(settings.workers(), settings.workerQueue(), keys.sslContext());
          JettyServer jetty = JettyServer.start(settings.workers(), keys.keyStore(), password)) {
        printConfig();
        List<Target> targets =
            List.of(
                new Target("convene", "plain", convene.plainAddress(), null, ThreadCpu.Owner.CONVENE),
                new Target("jetty", "plain", jetty.plainAddress(), null, ThreadCpu.Owner.JETTY),
                new Target("convene", "tls", convene.tlsAddress(), client, ThreadCpu.Owner.CONVENE),
                new Target("jetty", "tls", jetty.tlsAddress(), client, ThreadCpu.Owner.JETTY));
        for (Target target : targets) {
          // Start each target from a collected heap so one target's garbage is not another's pause.
          System.gc();
          TargetResult result = LoadRun.drive(target, settings);
          results.add(result);
          out.println(result.detail());
          result.errorSamples().forEach(sample -> out.println("  error: " + sample));
          out.flush();
        }
      }
      out.println(resultLine("plain", results.get(0), results.get(1)));
      out.println(resultLine("tls", results.get(2), results.get(3)));
      long errors = results.stream().mapToLong(TargetResult::errors).sum();
      if (errors > 0) {
        out.println("FAILED: " + errors + " exchanges failed or returned a wrong response");
        return 1;
      }
      return 0;
    } finally {
      deleteTree(dir);
    }
  }

  private void printConfig() {
    out.printf(
        Locale.ROOT,
        "CONFIG cores=%d java=%s warmup=%ds measure=%ds connections=%d body=%dB;"
            + " convene workers=%d queue=%d, MINA I/O processors=%d per listener;"
            + " jetty pool=%d threads (%d handler + acceptor/selectors for 2 connectors)%s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), settings.warmup().toSeconds(),
        settings.measure().toSeconds(), settings.connections(), BenchPayload.SIZE, settings.workers(),
        settings.workerQueue(), Runtime.getRuntime().availableProcessors(), JettyServer.threads(settings.workers()),
        settings.workers(), ThreadCpu.supported() ? "" : "; per-thread CPU time unavailable");
  }

  static String resultLine(String transport, TargetResult convene, TargetResult jetty) {
    double throughputRatio = convene.throughput() / jetty.throughput();
    double p99Ratio = convene.p99Millis() / jetty.p99Millis();
    boolean met = throughputRatio >= MIN_THROUGHPUT_RATIO && p99Ratio <= MAX_P99_RATIO;
    return String.format(
        Locale.ROOT,
        "RESULT %-6s %s | %s | throughput ratio %.2fx, p99 ratio %.2fx (target >= %.2fx and <= %.2fx: %s)",
        transport, convene.summary(), jetty.summary(), throughputRatio, p99Ratio, MIN_THROUGHPUT_RATIO,
        MAX_P99_RATIO, met ? "met" : "missed");
  }

  private static SSLContext trusting(KeyStore keyStore) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
