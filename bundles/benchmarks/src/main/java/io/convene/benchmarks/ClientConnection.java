package io.convene.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection of the driver, plain or TLS, sending one request at a time
 * and reading its response whole before the next (no pipelining).
 */
final class ClientConnection implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final ResponseReader reader = new ResponseReader();

  private ClientConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    this.out = socket.getOutputStream();
  }

  /**
   * Connects and, for TLS, completes the handshake, so connection set-up stays out of the
   * measured requests.
   *
   * @param tls the client context trusting the servers' certificate, or {@code null} for plain
   */
  static ClientConnection open(InetSocketAddress address, SSLContext tls, int timeoutMillis) throws IOException {
    Socket socket = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(timeoutMillis);
      socket.connect(address, timeoutMillis);
      if (socket instanceof SSLSocket ssl) {
        ssl.startHandshake();
      }
      return new ClientConnection(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Writes {@code request} (head and body) in one write and reads the response. */
  ResponseReader.Response exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    return reader.read(in);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
