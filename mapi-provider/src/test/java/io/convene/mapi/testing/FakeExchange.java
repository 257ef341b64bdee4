package io.convene.mapi.testing;

import io.convene.api.net.AuthenticatedUser;
import io.convene.api.net.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * An {@link HttpExchange} in memory. A streamed response is recorded part by part: each flush
 * closes one part, as the network layer sends one chunk per flush.
 */
public final class FakeExchange implements HttpExchange {

  private final String method;
  private final String path;
  private final List<String[]> requestHeaders = new ArrayList<>();
  private byte[] requestBody = new byte[0];
  private AuthenticatedUser user;
  private boolean secure = true;
  private String query;

  private final List<String[]> responseHeaders = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<byte[]> parts = new ArrayList<>();
  private int status;
  private String contentType;
  private byte[] body;
  private boolean streamed;
  private boolean closed;

  public FakeExchange(String method, String path) {
    this.method = method;
    this.path = path;
  }

  public FakeExchange header(String name, String value) {
    requestHeaders.add(new String[] {name, value});
    return this;
  }

  public FakeExchange body(byte[] bytes) {
    requestBody = bytes;
    return this;
  }

  public FakeExchange user(String accountId, String login) {
    user = new AuthenticatedUser(accountId, login);
    return this;
  }

  public FakeExchange query(String rawQuery) {
    query = rawQuery;
    return this;
  }

  public FakeExchange insecure() {
    secure = false;
    return this;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  @Override
  public Optional<String> requestHeader(String name) {
    return requestHeaders(name).stream().findFirst();
  }

  @Override
  public List<String> requestHeaders(String name) {
    return requestHeaders.stream()
        .filter(h -> h[0].equalsIgnoreCase(name))
        .map(h -> h[1])
        .collect(Collectors.toList());
  }

  @Override
  public InputStream requestBody() {
    return new ByteArrayInputStream(requestBody);
  }

  @Override
  public Optional<AuthenticatedUser> user() {
    return Optional.ofNullable(user);
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return new InetSocketAddress("192.0.2.7", 50123);
  }

  @Override
  public boolean secure() {
    return secure;
  }

  @Override
  public void addResponseHeader(String name, String value) {
    if (status != 0) {
      throw new IllegalStateException("header after the response started");
    }
    responseHeaders.add(new String[] {name, value});
  }

  @Override
  public void respond(int status, String contentType, byte[] body) {
    if (this.status != 0) {
      throw new IllegalStateException("responded twice");
    }
    lock.lock();
    try {
      this.status = status;
      this.contentType = contentType;
      this.body = body.clone();
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public OutputStream streamResponse(int status, String contentType) {
    if (this.status != 0) {
      throw new IllegalStateException("responded twice");
    }
    this.status = status;
    this.contentType = contentType;
    streamed = true;
    return new OutputStream() {
      private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

      @Override
      public void write(int b) {
        pending.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
      }

      @Override
      public void flush() {
        lock.lock();
        try {
          if (pending.size() > 0) {
            parts.add(pending.toByteArray());
            pending.reset();
            changed.signalAll();
          }
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void close() throws IOException {
        flush();
        lock.lock();
        try {
          closed = true;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    };
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public boolean streamed() {
    return streamed;
  }

  public Optional<String> responseHeader(String name) {
    return responseHeaders(name).stream().findFirst();
  }

  public List<String> responseHeaders(String name) {
    return responseHeaders.stream()
        .filter(h -> h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .map(h -> h[1])
        .collect(Collectors.toList());
  }

  /** The parts flushed so far. */
  public List<byte[]> parts() {
    lock.lock();
    try {
      return List.copyOf(parts);
    } finally {
      lock.unlock();
    }
  }

  /** The whole body: the complete response or all streamed parts joined. */
  public byte[] body() {
    if (!streamed) {
      return body;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    parts().forEach(all::writeBytes);
    return all.toByteArray();
  }

  public boolean closed() {
    return closed;
  }

  /** Waits until at least {@code count} parts were flushed, failing after ten seconds. */
  public void awaitParts(int count) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.SECONDS.toNanos(10);
      while (parts.size() < count) {
        if (nanos <= 0) {
          throw new AssertionError("only " + parts.size() + " of " + count + " parts arrived");
        }
        nanos = changed.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
