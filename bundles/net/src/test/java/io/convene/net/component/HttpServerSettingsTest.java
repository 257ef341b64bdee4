package io.convene.net.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.convene.net.server.ServerSettings;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpServerSettingsTest {

  @Test
  void defaultsAreTheSecureProductionOnes() {
    ServerSettings settings = HttpServerSettings.settings(config(Map.of()));
    assertThat(settings.httpsPort()).isEqualTo(8443);
    assertThat(settings.httpPort()).isEqualTo(-1);
    assertThat(settings.basicOverPlainHttp()).isFalse();
    assertThat(settings.limits().maxRequestLine()).isEqualTo(8192);
    assertThat(settings.limits().maxHeaderBytes()).isEqualTo(65536);
    assertThat(settings.limits().maxHeaderCount()).isEqualTo(100);
    assertThat(settings.headerTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void invalidValuesAreRejectedNamingTheProperty() {
    assertThatIllegalArgumentException().isThrownBy(() -> HttpServerSettings.settings(config(Map.of("https_port", 70000))))
        .withMessageContaining("ports");
    assertThatIllegalArgumentException().isThrownBy(() -> HttpServerSettings.settings(config(Map.of("header_timeout_seconds", 0))))
        .withMessageContaining("header.timeout.seconds");
    assertThatIllegalArgumentException().isThrownBy(() -> HttpServerSettings.settings(config(Map.of("max_request_line", 3))))
        .withMessageContaining("maxRequestLine");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpServerSettings.settings(config(Map.of("https_port", -1, "http_port", -1))))
        .withMessageContaining("at least one");
  }

  /** An instance of the configuration annotation: the given values, else the declared defaults. */
  static HttpServerConfig config(Map<String, Object> values) {
    return (HttpServerConfig) Proxy.newProxyInstance(
        HttpServerConfig.class.getClassLoader(),
        new Class<?>[] {HttpServerConfig.class},
        (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
  }
}
