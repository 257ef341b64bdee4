package io.convene.mapi.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes the meta-tags of a MAPI/HTTP response body (MS-OXCMAPIHTTP 2.2.7, 4.2): {@code
 * PROCESSING}, any number of {@code PENDING} keep-alive parts while the work runs, then {@code
 * DONE}, the additional headers X-ElapsedTime and X-StartTime, a blank line and the response body.
 * Each part is flushed as its own chunk. Thread-safe: the keep-alive ticker and the request thread
 * share it.
 */
public final class ResponseFramer {

  public static final byte[] PROCESSING = "PROCESSING\r\n".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] PENDING = "PENDING\r\n".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] DONE = "DONE\r\n".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final Clock clock;
  private final Instant start;
  private boolean finished;
  private IOException failure;

  public ResponseFramer(OutputStream out, Clock clock, Instant start) {
    this.out = out;
    this.clock = clock;
    this.start = start;
  }

  /**
   * A whole response body on {@code stream}: PROCESSING, a PENDING part every {@code period} (on
   * {@code ticker}) while {@code work} runs, then DONE, the additional headers and what {@code work}
   * returned.
   */
  public static void run(
      OutputStream stream, Clock clock, Instant start, ScheduledExecutorService ticker, Duration period, Supplier<byte[]> work)
      throws IOException {
    ResponseFramer framer = new ResponseFramer(stream, clock, start);
    framer.processing();
    long millis = period.toMillis();
    ScheduledFuture<?> keepAlive = ticker.scheduleAtFixedRate(framer::pending, millis, millis, TimeUnit.MILLISECONDS);
    byte[] body;
    try {
      body = work.get();
    } finally {
      keepAlive.cancel(false);
    }
    framer.done(body);
  }

  public synchronized void processing() throws IOException {
    out.write(PROCESSING);
    out.flush();
  }

  /** A keep-alive part; ignored once the response is done, remembered if the client is gone. */
  public synchronized void pending() {
    if (finished || failure != null) {
      return;
    }
    try {
      out.write(PENDING);
      out.flush();
    } catch (IOException e) {
      failure = e;
    }
  }

  public synchronized void done(byte[] body) throws IOException {
    finished = true;
    if (failure != null) {
      throw failure;
    }
    out.write(DONE);
    out.write(additionalHeaders(start, clock.instant()).getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.close();
  }

  /** X-ElapsedTime in milliseconds and X-StartTime as an RFC 1123 date, then the blank line. */
  public static String additionalHeaders(Instant start, Instant now) {
    long elapsed = Math.max(0, now.toEpochMilli() - start.toEpochMilli());
    return "X-ElapsedTime: "
        + elapsed
        + "\r\nX-StartTime: "
        + DateTimeFormatter.RFC_1123_DATE_TIME.format(start.atOffset(ZoneOffset.UTC))
        + "\r\n\r\n";
  }
}
