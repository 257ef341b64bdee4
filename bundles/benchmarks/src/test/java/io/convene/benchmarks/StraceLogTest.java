package io.convene.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StraceLogTest {

  private static final String LOG = "/tmp/b/db/log/";

  private final StraceLog log = new StraceLog(Path.of("/tmp/b/db/log"));

  @Test
  void countsWritesToLogFilesOpenedWithDsyncAsLogSyncs() {
    feed(
        "101 openat(AT_FDCWD</w>, \"" + LOG + "log1.dat\", O_RDWR|O_CREAT|O_DSYNC, 0666) = 41<" + LOG + "log1.dat>",
        "101 openat(AT_FDCWD</w>, \"/tmp/b/strace-mark-store-single\", O_RDWR|O_CREAT|O_EXCL, 0666) = 42</tmp/b/x>",
        "102 write(41<" + LOG + "log1.dat>, \"\"..., 4096) = 4096",
        "102 pwrite64(41<" + LOG + "log1.dat>, \"\"..., 512, 8192) = 512");

    assertThat(log.segment("store-single").logSyncedWrites).isEqualTo(2);
    assertThat(log.segment("store-single").logSyncs()).isEqualTo(2);
  }

  @Test
  void writesToLogFilesOpenedWithoutSyncAreNotSyncsButTheirFsyncsAre() {
    feed(
        "101 openat(AT_FDCWD</w>, \"" + LOG + "log2.dat\", O_RDWR|O_CREAT, 0666) = 41<" + LOG + "log2.dat>",
        "101 write(41<" + LOG + "log2.dat>, \"\"..., 1048576) = 1048576",
        "101 fsync(41<" + LOG + "log2.dat>) = 0",
        "101 fdatasync(43</tmp/b/db/seg0/c480.dat>) = 0");

    StraceLog.Counts setup = log.segment("setup");
    assertThat(setup.logSyncedWrites).isZero();
    assertThat(setup.logFsyncs).isEqualTo(1);
    assertThat(setup.dataFsyncs).isEqualTo(1);
  }

  @Test
  void followsAnOpenSplitAcrossThreadsAndAReusedDescriptor() {
    feed(
        "101 openat(AT_FDCWD</w>, \"" + LOG + "log3.dat\", O_RDWR|O_CREAT|O_SYNC, 0666 <unfinished ...>",
        "102 write(7</dev/pts/0>, \"\"..., 10) = 10",
        "101 <... openat resumed>) = 44<" + LOG + "log3.dat>",
        "103 write(44<" + LOG + "log3.dat>, \"\"..., 4096 <unfinished ...>",
        "103 <... write resumed>) = 4096",
        "101 openat(AT_FDCWD</w>, \"" + LOG + "log4.dat\", O_RDWR|O_CREAT, 0666) = 44<" + LOG + "log4.dat>",
        "103 write(44<" + LOG + "log4.dat>, \"\"..., 4096) = 4096");

    assertThat(log.segment("setup").logSyncedWrites).isEqualTo(1);
  }

  @Test
  void splitsCountsAtMarkers() {
    feed(
        "101 fsync(41<" + LOG + "log.ctrl>) = 0",
        "101 openat(AT_FDCWD</w>, \"/tmp/b/strace-mark-plain-single\", O_RDWR|O_CREAT|O_EXCL, 0666) = 42</tmp/b/y>",
        "101 fsync(41<" + LOG + "log.ctrl>) = 0",
        "101 fsync(41<" + LOG + "log.ctrl>) = 0",
        "101 openat(AT_FDCWD</w>, \"/tmp/b/strace-mark-end\", O_RDWR|O_CREAT|O_EXCL, 0666) = 42</tmp/b/z>",
        "101 fsync(41<" + LOG + "log.ctrl>) = 0");

    assertThat(log.segments().keySet()).containsExactly("setup", "plain-single", "end");
    assertThat(log.segment("setup").logFsyncs).isEqualTo(1);
    assertThat(log.segment("plain-single").logFsyncs).isEqualTo(2);
    assertThat(log.segment("end").logFsyncs).isEqualTo(1);
  }

  private void feed(String... lines) {
    for (String line : lines) {
      log.accept(line);
    }
  }
}
