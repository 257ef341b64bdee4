package io.convene.storage.derby.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what is read and fails once more than the limit has come, so a stream cannot fill the disk. */
final class LimitedInputStream extends FilterInputStream {

  /** Thrown through the JDBC driver; recognised in its cause chain. */
  static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(long limit) {
      super("stream longer than " + limit + " bytes");
    }
  }

  private final long limit;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void add(long n) throws LimitExceeded {
    count += n;
    if (count > limit) {
      throw new LimitExceeded(limit);
    }
  }

  static boolean causedByLimit(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof LimitExceeded) {
        return true;
      }
      if (cause instanceof java.sql.SQLException sql && sql.getNextException() != null && causedByLimit(sql.getNextException())) {
        return true;
      }
    }
    return false;
  }
}
