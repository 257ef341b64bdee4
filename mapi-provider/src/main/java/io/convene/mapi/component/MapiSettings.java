package io.convene.mapi.component;

import io.convene.mapi.addressing.LegacyDn;
import io.convene.mapi.autodiscover.AutodiscoverSettings;
import io.convene.mapi.http.EmsmdbLimits;
import io.convene.mapi.http.EmsmdbSettings;
import io.convene.mapi.rop.RopSessionLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** A validated {@link MapiConfig}; every check names the PID and the property. */
record MapiSettings(
    EmsmdbSettings emsmdb, AutodiscoverSettings autodiscover, RopSessionLimits rops) {

  static MapiSettings from(MapiConfig config) {
    String base = config.public_base_url().trim();
    if (!base.isEmpty()) {
      try {
        URI uri = new URI(base);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            || uri.getHost() == null
            || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
            || uri.getQuery() != null) {
          throw invalid("public.base.url", "must be http(s)://host[:port] without a path: " + base);
        }
      } catch (URISyntaxException e) {
        throw invalid("public.base.url", e.getMessage());
      }
    }
    String serverApplication = config.server_application().trim();
    if (serverApplication.isEmpty() || !serverApplication.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw invalid("server.application", "must be printable ASCII without spaces");
    }
    EmsmdbSettings emsmdb =
        new EmsmdbSettings(
            serverApplication,
            LegacyDn.ADMINISTRATIVE_GROUP,
            Duration.ofSeconds(positive("pending.period.seconds", config.pending_period_seconds())),
            Duration.ofMinutes(positive("session.idle.timeout.minutes", config.session_idle_timeout_minutes())),
            positive("max.sessions.per.user", config.max_sessions_per_user()),
            Duration.ofSeconds(positive("notification.wait.seconds", config.notification_wait_seconds())),
            Duration.ofSeconds(positive("max.polling.interval.seconds", config.max_polling_interval_seconds())),
            positive("retry.count", config.retry_count()),
            Duration.ofSeconds(positive("retry.delay.seconds", config.retry_delay_seconds())),
            EmsmdbLimits.DEFAULT,
            atLeast("concurrent.executes", config.concurrent_executes(), 0));
    AutodiscoverSettings autodiscover =
        new AutodiscoverSettings(
            base,
            config.deployment_id().trim(),
            atLeast("autodiscover.max.request.bytes", config.autodiscover_max_request_bytes(), 256));
    RopSessionLimits rops =
        new RopSessionLimits(positive("max.objects.per.logon", config.max_objects_per_logon()), 256);
    return new MapiSettings(emsmdb, autodiscover, rops);
  }

  private static int positive(String property, int value) {
    return atLeast(property, value, 1);
  }

  private static int atLeast(String property, int value, int minimum) {
    if (value < minimum) {
      throw invalid(property, "must be at least " + minimum + ", not " + value);
    }
    return value;
  }

  private static IllegalArgumentException invalid(String property, String problem) {
    return new IllegalArgumentException(MapiConfig.PID + ": " + property + " " + problem);
  }
}
