package io.convene.net.server;

import io.convene.net.http.HttpBodyEnd;
import io.convene.net.http.HttpBodyPart;
import io.convene.net.http.HttpProtocolException;
import io.convene.net.http.HttpRequestHead;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects MINA sessions to {@link HttpConnection}s; runs on the I/O threads, never blocks. */
final class HttpProtocolHandler extends IoHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(HttpProtocolHandler.class);
  static final AttributeKey CONNECTION = new AttributeKey(HttpProtocolHandler.class, "connection");

  private final ServerContext context;
  private final boolean secure;

  HttpProtocolHandler(ServerContext context, boolean secure) {
    this.context = context;
    this.secure = secure;
  }

  static HttpConnection connection(IoSession session) {
    return (HttpConnection) session.getAttribute(CONNECTION);
  }

  @Override
  public void sessionCreated(IoSession session) {
    if (session.getService().getManagedSessionCount() > context.maxConnections()) {
      LOG.warn("Connection limit of {} reached; closing the connection from {}", context.maxConnections(), session.getRemoteAddress());
      session.closeNow();
      return;
    }
    session.setAttribute(CONNECTION, new HttpConnection(session, secure, context));
  }

  @Override
  public void messageReceived(IoSession session, Object message) {
    HttpConnection connection = connection(session);
    if (message instanceof HttpRequestHead head) {
      connection.onHead(head);
    } else if (message instanceof HttpBodyPart part) {
      connection.onBodyPart(part);
    } else if (message instanceof HttpBodyEnd end) {
      connection.onBodyEnd(end);
    }
  }

  @Override
  public void sessionIdle(IoSession session, IdleStatus status) {
    HttpConnection connection = connection(session);
    if (connection != null && connection.idle()) {
      LOG.debug("Closing idle connection from {}", session.getRemoteAddress());
      session.closeNow();
    }
  }

  @Override
  public void sessionClosed(IoSession session) {
    HttpConnection connection = connection(session);
    if (connection != null) {
      connection.onClosed();
    }
  }

  @Override
  public void exceptionCaught(IoSession session, Throwable cause) {
    HttpConnection connection = connection(session);
    if (cause instanceof HttpProtocolException protocolError && connection != null) {
      connection.onProtocolError(protocolError);
    } else if (cause instanceof ProtocolDecoderException && cause.getCause() instanceof HttpProtocolException protocolError
        && connection != null) {
      connection.onProtocolError(protocolError);
    } else if (cause instanceof SSLException) {
      LOG.warn("TLS failure with {}: {}", session.getRemoteAddress(), cause.getMessage());
      session.closeNow();
    } else if (cause instanceof IOException) {
      LOG.debug("Connection from {} failed: {}", session.getRemoteAddress(), cause.toString());
      session.closeNow();
    } else {
      LOG.error("Unexpected failure on the connection from {}", session.getRemoteAddress(), cause);
      session.closeNow();
    }
  }

  /** Sits before the codec and starts the header clock when the first bytes of a request arrive. */
  static final class ArrivalFilter extends IoFilterAdapter {
    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
      HttpConnection connection = connection(session);
      if (connection != null) {
        connection.bytesArrived();
      }
      next.messageReceived(session, message);
    }
  }
}
