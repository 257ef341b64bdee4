package io.convene.mapi.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the mailbox endpoint behaves; built from the component configuration.
 *
 * @param serverApplication X-ServerApplication, e.g. {@code Exchange/15.01.2507.000}; Outlook reads
 *     the version to pick features, so it names an Exchange build Convene behaves like
 * @param dnPrefix the DnPrefix a Connect returns
 * @param pendingPeriod the interval of PENDING keep-alive parts (X-PendingPeriod)
 * @param sessionIdleTimeout a session unused this long is gone (X-ExpirationInfo)
 * @param maxSessionsPerUser sessions one account may hold; a new one evicts the least recently used
 * @param notificationWait how long a NotificationWait is held when nothing is pending
 * @param maxPollingInterval MaxPollingInterval of the Connect response
 * @param retryCount MaxRetryCount of the Connect response
 * @param retryDelay RetryInterval of the Connect response
 * @param limits body size limits
 * @param concurrentExecutes how many Execute requests run their ROPs at once ({@link ExecuteGate});
 *     0 for two per processor
 */
public record EmsmdbSettings(
    String serverApplication,
    String dnPrefix,
    Duration pendingPeriod,
    Duration sessionIdleTimeout,
    int maxSessionsPerUser,
    Duration notificationWait,
    Duration maxPollingInterval,
    int retryCount,
    Duration retryDelay,
    EmsmdbLimits limits,
    int concurrentExecutes) {

  public EmsmdbSettings {
    Objects.requireNonNull(serverApplication, "serverApplication");
    Objects.requireNonNull(dnPrefix, "dnPrefix");
    Objects.requireNonNull(limits, "limits");
    if (pendingPeriod.isNegative() || pendingPeriod.isZero()) {
      throw new IllegalArgumentException("pendingPeriod must be positive");
    }
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero() || maxSessionsPerUser < 1) {
      throw new IllegalArgumentException("session limits must be positive");
    }
    if (concurrentExecutes < 0) {
      throw new IllegalArgumentException("concurrentExecutes must be 0 (two per processor) or positive");
    }
  }
}
