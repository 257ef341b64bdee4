package io.convene.benchmarks;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/**
 * One listener the driver loads.
 *
 * @param server {@code convene} or {@code jetty}
 * @param transport {@code plain} or {@code tls}
 * @param address where it listens
 * @param tls the client context for a TLS listener, {@code null} for plain
 * @param owner whose threads serve it, for CPU accounting
 */
record Target(String server, String transport, InetSocketAddress address, SSLContext tls, ThreadCpu.Owner owner) {

  String name() {
    return server + "-" + transport;
  }

  String authority() {
    return address.getHostString() + ":" + address.getPort();
  }
}
