package io.convene.net.server;

import io.convene.net.http.HttpLimits;
import java.time.Duration;

/**
 * Listener and processing settings of the HTTP server, already validated.
 *
 * @param bindAddress the address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param httpsPort the TLS port; {@code 0} picks a free port (tests), {@code -1} disables HTTPS
 * @param httpPort the plain HTTP port; {@code -1} disables it, {@code 0} picks a free port
 * @param basicOverPlainHttp whether Basic credentials are accepted over plain HTTP
 * @param limits the request decoder's limits
 * @param workerThreads threads that run endpoints
 * @param workerQueue requests that may wait for a worker before the server answers 503
 * @param idleTimeout how long a keep-alive connection may sit idle
 * @param headerTimeout how long a client may take to send a request's header section
 * @param bodyReadTimeout how long an endpoint waits for the next request body bytes
 * @param writeTimeout how long a response write may wait for a slow client
 * @param maxPipelined requests queued on one connection before its reads pause
 * @param maxConnections open connections per listener; more are closed at once
 */
public record ServerSettings(
    String bindAddress,
    int httpsPort,
    int httpPort,
    boolean basicOverPlainHttp,
    HttpLimits limits,
    int workerThreads,
    int workerQueue,
    Duration idleTimeout,
    Duration headerTimeout,
    Duration bodyReadTimeout,
    Duration writeTimeout,
    int maxPipelined,
    int maxConnections) {

  public ServerSettings {
    if (httpsPort < -1 || httpsPort > 65535 || httpPort < -1 || httpPort > 65535) {
      throw new IllegalArgumentException("ports must be -1 (off) or 0-65535");
    }
    if (httpsPort == -1 && httpPort == -1) {
      throw new IllegalArgumentException("at least one of the HTTPS and HTTP listeners must be on");
    }
    if (workerThreads < 1 || workerQueue < 0 || maxPipelined < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("worker.threads, max.pipelined and max.connections must be at least 1, worker.queue at least 0");
    }
  }

  /** Test and benchmark defaults on loopback with free ports. */
  public static ServerSettings loopback() {
    return new ServerSettings("127.0.0.1", 0, 0, false, HttpLimits.DEFAULTS, 16, 256,
        Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), 16, 1000);
  }

  public ServerSettings withHeaderTimeout(Duration value) {
    return new ServerSettings(bindAddress, httpsPort, httpPort, basicOverPlainHttp, limits, workerThreads, workerQueue,
        idleTimeout, value, bodyReadTimeout, writeTimeout, maxPipelined, maxConnections);
  }

  public ServerSettings withWorkers(int threads, int queue) {
    return new ServerSettings(bindAddress, httpsPort, httpPort, basicOverPlainHttp, limits, threads, queue,
        idleTimeout, headerTimeout, bodyReadTimeout, writeTimeout, maxPipelined, maxConnections);
  }

  public ServerSettings withMaxConnections(int value) {
    return new ServerSettings(bindAddress, httpsPort, httpPort, basicOverPlainHttp, limits, workerThreads, workerQueue,
        idleTimeout, headerTimeout, bodyReadTimeout, writeTimeout, maxPipelined, value);
  }

  public ServerSettings withLimits(HttpLimits value) {
    return new ServerSettings(bindAddress, httpsPort, httpPort, basicOverPlainHttp, value, workerThreads, workerQueue,
        idleTimeout, headerTimeout, bodyReadTimeout, writeTimeout, maxPipelined, maxConnections);
  }
}
