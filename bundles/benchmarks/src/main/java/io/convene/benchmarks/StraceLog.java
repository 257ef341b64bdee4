package io.convene.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts Derby's log syncs in an strace log ({@code strace -f -y -s 0 -e
 * trace=openat,write,pwrite64,pwritev,pwritev2,fsync,fdatasync}), split into segments by marker
 * files the traced program creates ({@code strace-mark-<segment>}).
 *
 * <p>Derby has no counter for this. By default it opens its log files {@code "rwd"} ({@code
 * O_DSYNC}), so a log sync is a write to such a file, not an fsync: each of those writes returns
 * only when the device has the data. Files it opens plainly are synced with fsync/fdatasync
 * (preallocated log files, {@code log.ctrl}, data files at checkpoints). So a <em>log sync</em>
 * here is a write to an {@code O_DSYNC}/{@code O_SYNC} file in the log directory, or an
 * fsync/fdatasync of a file there; fsync/fdatasync of any other file counts as a <em>data
 * sync</em>.
 */
final class StraceLog {

  /** Syncs seen in one segment. */
  static final class Counts {
    long logSyncedWrites;
    long logFsyncs;
    long dataFsyncs;

    long logSyncs() {
      return logSyncedWrites + logFsyncs;
    }
  }

  static final String MARKER_PREFIX = "strace-mark-";

  private static final Pattern OPENAT = Pattern.compile("^(\\d+)\\s+openat\\([^\"]*\"([^\"]*)\", ([A-Z0-9_|]+)(.*)$");
  private static final Pattern OPENAT_RESUMED = Pattern.compile("^(\\d+)\\s+<\\.\\.\\. openat resumed>(.*)$");
  private static final Pattern RESULT_FD = Pattern.compile("\\) = (\\d+)(<[^>]*>)?\\s*$");
  private static final Pattern WRITE = Pattern.compile("^\\d+\\s+(?:write|pwrite64|pwritev|pwritev2)\\((\\d+)<([^>]*)>");
  private static final Pattern SYNC = Pattern.compile("^\\d+\\s+(?:fsync|fdatasync)\\((\\d+)<([^>]*)>");

  private final String logDir;
  private final Map<String, Counts> segments = new LinkedHashMap<>();
  private final Map<Integer, Boolean> syncedFds = new HashMap<>();
  private final Map<Integer, Boolean> pendingOpens = new HashMap<>();
  private Counts current;

  /** @param logDir Derby's log directory as strace prints it (the real path) */
  StraceLog(Path logDir) {
    this.logDir = logDir.toString().endsWith("/") ? logDir.toString() : logDir + "/";
    this.current = segment("setup");
  }

  static StraceLog parse(Path trace, Path logDir) throws IOException {
    StraceLog log = new StraceLog(logDir);
    try (BufferedReader lines = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        log.accept(line);
      }
    }
    return log;
  }

  /** The segments in marker order; the first, {@code setup}, is everything before the first marker. */
  Map<String, Counts> segments() {
    return segments;
  }

  Counts segment(String name) {
    return segments.computeIfAbsent(name, ignored -> new Counts());
  }

  void accept(String line) {
    Matcher write = WRITE.matcher(line);
    if (write.find()) {
      if (write.group(2).startsWith(logDir) && syncedFds.getOrDefault(Integer.parseInt(write.group(1)), false)) {
        current.logSyncedWrites++;
      }
      return;
    }
    Matcher sync = SYNC.matcher(line);
    if (sync.find()) {
      if (sync.group(2).startsWith(logDir)) {
        current.logFsyncs++;
      } else {
        current.dataFsyncs++;
      }
      return;
    }
    Matcher open = OPENAT.matcher(line);
    if (open.find()) {
      String path = open.group(2);
      int marker = path.lastIndexOf(MARKER_PREFIX);
      if (marker >= 0) {
        current = segment(path.substring(marker + MARKER_PREFIX.length()));
        return;
      }
      int pid = Integer.parseInt(open.group(1));
      boolean synced = open.group(3).contains("O_DSYNC") || open.group(3).contains("O_SYNC");
      if (open.group(4).contains("<unfinished ...>")) {
        pendingOpens.put(pid, synced);
      } else {
        opened(open.group(4), synced);
      }
      return;
    }
    Matcher resumed = OPENAT_RESUMED.matcher(line);
    if (resumed.find()) {
      Boolean synced = pendingOpens.remove(Integer.parseInt(resumed.group(1)));
      if (synced != null) {
        opened(resumed.group(2), synced);
      }
    }
  }

  private void opened(String rest, boolean synced) {
    Matcher fd = RESULT_FD.matcher(rest);
    if (fd.find()) {
      // fd numbers are reused after close, so a later open of the same number replaces this
      syncedFds.put(Integer.parseInt(fd.group(1)), synced);
    }
  }
}
