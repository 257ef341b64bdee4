package io.convene.mapi.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MapiSettingsTest {

  /** The defaults of {@link MapiConfig} with a few values replaced. */
  record Config(String baseUrl, String serverApplication, int pendingSeconds, int maxSessions)
      implements MapiConfig {
    static Config defaults() {
      return new Config("", "Exchange/15.01.2507.000", 15, 16);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return MapiConfig.class;
    }

    @Override
    public String public_base_url() {
      return baseUrl;
    }

    @Override
    public String deployment_id() {
      return "";
    }

    @Override
    public String server_application() {
      return serverApplication;
    }

    @Override
    public int pending_period_seconds() {
      return pendingSeconds;
    }

    @Override
    public int session_idle_timeout_minutes() {
      return 15;
    }

    @Override
    public int max_sessions_per_user() {
      return maxSessions;
    }

    @Override
    public int notification_wait_seconds() {
      return 60;
    }

    @Override
    public int max_polling_interval_seconds() {
      return 60;
    }

    @Override
    public int retry_count() {
      return 6;
    }

    @Override
    public int retry_delay_seconds() {
      return 10;
    }

    @Override
    public int autodiscover_max_request_bytes() {
      return 32768;
    }

    @Override
    public int max_objects_per_logon() {
      return 4096;
    }

    @Override
    public int concurrent_executes() {
      return 0;
    }
  }

  @Test
  void defaultsAreValid() {
    MapiSettings settings = MapiSettings.from(Config.defaults());
    assertThat(settings.emsmdb().pendingPeriod()).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.emsmdb().sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.autodiscover().publicBaseUrl()).isEmpty();
    assertThat(settings.emsmdb().concurrentExecutes()).as("0: two per processor").isZero();
  }

  @Test
  void baseUrlMustBeSchemeHostAndPort() {
    assertThat(MapiSettings.from(new Config("https://mail.example.org:8443/", "x", 15, 16)).autodiscover().publicBaseUrl())
        .isEqualTo("https://mail.example.org:8443");
    for (String bad : new String[] {"mail.example.org", "ftp://mail.example.org", "https://mail.example.org/owa", "https://x/?a"}) {
      assertThatThrownBy(() -> MapiSettings.from(new Config(bad, "x", 15, 16)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("io.convene.mapi: public.base.url");
    }
  }

  @Test
  void errorsNameThePidAndTheProperty() {
    assertThatThrownBy(() -> MapiSettings.from(new Config("", "x", 0, 16)))
        .hasMessage("io.convene.mapi: pending.period.seconds must be at least 1, not 0");
    assertThatThrownBy(() -> MapiSettings.from(new Config("", "x", 15, -1)))
        .hasMessageContaining("max.sessions.per.user");
    assertThatThrownBy(() -> MapiSettings.from(new Config("", "Exchange 15\r\nX: y", 15, 16)))
        .hasMessageContaining("server.application");
  }
}
