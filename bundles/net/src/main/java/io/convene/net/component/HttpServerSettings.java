package io.convene.net.component;

import io.convene.net.http.HttpLimits;
import io.convene.net.server.ServerSettings;
import java.time.Duration;

/** Turns {@link HttpServerConfig} into {@link ServerSettings}, checking every value. */
final class HttpServerSettings {

  private HttpServerSettings() {}

  /** Validates the configuration in one place; the message names the property at fault. */
  static ServerSettings settings(HttpServerConfig config) {
    HttpLimits limits;
    try {
      limits = new HttpLimits(config.max_request_line(), config.max_header_bytes(), config.max_header_count(),
          config.max_body_size(), config.body_part_size(), 1024);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("limits: " + e.getMessage(), e);
    }
    requirePositive("idle.timeout.seconds", config.idle_timeout_seconds());
    requirePositive("header.timeout.seconds", config.header_timeout_seconds());
    requirePositive("body.read.timeout.seconds", config.body_read_timeout_seconds());
    requirePositive("write.timeout.seconds", config.write_timeout_seconds());
    requirePositive("login.max.lockout.seconds", config.login_max_lockout_seconds());
    if (config.login_free_failures() < 0) {
      throw new IllegalArgumentException("login.free.failures must not be negative");
    }
    return new ServerSettings(config.bind_address(), config.https_port(), config.http_port(), config.basic_over_plain_http(),
        limits, config.worker_threads(), config.worker_queue(), Duration.ofSeconds(config.idle_timeout_seconds()),
        Duration.ofSeconds(config.header_timeout_seconds()), Duration.ofSeconds(config.body_read_timeout_seconds()),
        Duration.ofSeconds(config.write_timeout_seconds()), config.max_pipelined(), config.max_connections());
  }

  private static void requirePositive(String property, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(property + " must be positive, was " + value);
    }
  }
}
