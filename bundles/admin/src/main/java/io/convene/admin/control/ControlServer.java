package io.convene.admin.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.codec.textline.LineDelimiter;
import org.apache.mina.filter.codec.textline.TextLineCodecFactory;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback-only line protocol for {@code bin/convene}: the client sends {@code <token>
 * <command>} and reads the answer until the server closes. The port and a random token sit in a
 * file only the server's user may read, so local users other than the administrator cannot use it.
 */
public final class ControlServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
  private static final int MAX_LINE = 4096;
  private static final int IDLE_SECONDS = 30;

  private final Path controlFile;
  private final UnaryOperator<String> commands;
  private final byte[] token;
  private NioSocketAcceptor acceptor;

  public ControlServer(Path controlFile, UnaryOperator<String> commands) {
    this.controlFile = controlFile;
    this.commands = commands;
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.token = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
  }

  public synchronized int start() throws IOException {
    acceptor = new NioSocketAcceptor(1);
    TextLineCodecFactory codec =
        new TextLineCodecFactory(StandardCharsets.UTF_8, LineDelimiter.UNIX, LineDelimiter.AUTO);
    codec.setDecoderMaxLineLength(MAX_LINE);
    codec.setEncoderMaxLineLength(Integer.MAX_VALUE);
    acceptor.getFilterChain().addLast("codec", new ProtocolCodecFilter(codec));
    // Shell commands may block; keep them off the I/O thread.
    acceptor.getFilterChain().addLast("executor", new ExecutorFilter(Executors.newFixedThreadPool(2)));
    acceptor.getSessionConfig().setIdleTime(IdleStatus.BOTH_IDLE, IDLE_SECONDS);
    acceptor.setHandler(new Handler());
    acceptor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    int port = acceptor.getLocalAddress().getPort();
    writeControlFile(port);
    LOG.info("Control channel listening on {}:{}", InetAddress.getLoopbackAddress().getHostAddress(), port);
    return port;
  }

  @Override
  public synchronized void close() {
    try {
      Files.deleteIfExists(controlFile);
    } catch (IOException e) {
      LOG.warn("Could not delete {}", controlFile, e);
    }
    if (acceptor != null) {
      acceptor.dispose(true);
      acceptor = null;
      LOG.info("Control channel closed");
    }
  }

  private void writeControlFile(int port) throws IOException {
    Files.createDirectories(controlFile.getParent());
    Path temp = controlFile.resolveSibling(controlFile.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    String content = "port=" + port + "\ntoken=" + new String(token, StandardCharsets.US_ASCII) + "\n";
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    Files.move(temp, controlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private boolean authorized(String presented) {
    return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII));
  }

  private final class Handler extends IoHandlerAdapter {

    @Override
    public void messageReceived(IoSession session, Object message) {
      String line = (String) message;
      int space = line.indexOf(' ');
      if (space < 0 || !authorized(line.substring(0, space))) {
        LOG.warn("Control channel: rejected a request with a wrong token from {}", session.getRemoteAddress());
        session.write("ERROR unauthorized");
      } else {
        session.write(stripTrailingNewline(commands.apply(line.substring(space + 1))));
      }
      session.closeOnFlush();
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
      session.closeNow();
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
      LOG.warn("Control channel: closing session from {}: {}", session.getRemoteAddress(), cause.toString());
      session.closeNow();
    }

    private String stripTrailingNewline(String text) {
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
  }
}
