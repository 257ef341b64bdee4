package io.convene.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's ceiling for durable single saves from one client: sequential 4 KiB writes to a
 * preallocated file opened with {@code O_DSYNC}, the way Derby writes its transaction log by
 * default (a {@code "rwd"} file, {@code derby.storage.fileSyncTransactionLog=false}). No engine
 * can commit one transaction per log write faster than this on the same disk.
 */
final class DiskSyncProbe {

  private static final int BLOCK = 4096;

  private DiskSyncProbe() {}

  /** Average seconds per synchronous 4 KiB write over {@code writes} writes in {@code dir}. */
  static double secondsPerSyncedWrite(Path dir, int writes) throws IOException {
    Path file = dir.resolve("disk-sync-probe.dat");
    try {
      try (FileChannel prealloc = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer zeros = ByteBuffer.allocate(BLOCK);
        for (int i = 0; i < writes; i++) {
          zeros.clear();
          prealloc.write(zeros, (long) i * BLOCK);
        }
        prealloc.force(true);
      }
      try (FileChannel log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long start = System.nanoTime();
        for (int i = 0; i < writes; i++) {
          block.clear();
          block.putLong(0, i);
          log.write(block, (long) i * BLOCK);
        }
        return (System.nanoTime() - start) / 1e9 / writes;
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
