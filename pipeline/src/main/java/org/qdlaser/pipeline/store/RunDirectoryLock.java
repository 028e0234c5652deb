package org.qdlaser.pipeline.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exclusive lock of a run directory, held by one writer ({@code run}, {@code collect}) for its
 * whole lifetime: an OS file lock ({@link FileChannel#tryLock()}) on a lock file, conventionally
 * {@code .qdlaser/lock}. The file also names its holder (PID, host, process start time) so that a
 * refused second writer can say who holds it.
 *
 * <p>The OS releases the lock when its holder dies, however it dies (SIGKILL included): a lock file
 * left by a dead process is therefore free and is taken over, with a log line naming the dead
 * holder. The file itself is never deleted or renamed (the lock belongs to its inode).
 */
public final class RunDirectoryLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunDirectoryLock.class);

  /**
   * Who holds (or last held) a lock.
   *
   * @param pid operating-system process id
   * @param host host name
   * @param startedAt ISO-8601 start time of the holder process
   * @param command what it runs ({@code run}, {@code collect})
   */
  public record Holder(
      @JsonProperty("pid") long pid,
      @JsonProperty("host") String host,
      @JsonProperty("started_at") String startedAt,
      @JsonProperty("command") String command) {
    /** "PID 123 on host h, started 2026-...Z (run)". */
    public String describe() {
      return "PID " + pid + " on host " + host + ", started " + startedAt + " (" + command + ")";
    }

    /** Whether this holder is a process alive on this host now (same PID and start time). */
    boolean aliveHere(String thisHost) {
      if (!Objects.equals(host, thisHost)) {
        return false;
      }
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      return p.isPresent() && p.get().isAlive()
          && p.get().info().startInstant().map(i -> i.toString().equals(startedAt)).orElse(true);
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunDirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock in {@code file} (creating it and its folder) or fails at once.
   *
   * @param command what the holder does, recorded for a refused second writer
   * @throws RunDirectoryBusyException if another process (or this one) holds it
   * @throws IOException if the file cannot be created or opened for writing (a read-only
   *     directory gives a {@link java.nio.file.FileSystemException})
   */
  public static RunDirectoryLock acquire(Path file, String command) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another thread of this JVM
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      Holder h = read(ch);
      ch.close();
      throw new RunDirectoryBusyException("the run directory is in use: another qdlaser process holds its lock " + file + ": "
          + (h == null ? "holder unknown (it has not written its name yet)" : h.describe()) + "; wait for it to finish or stop it", h);
    }
    try {
      Holder previous = read(ch);
      Holder me = current(command);
      if (previous != null && !previous.equals(me)) {
        if (previous.aliveHere(me.host())) {
          LOG.warn("taking over the lock {} of {}: the OS reports it free although that process still runs", file, previous.describe());
        } else {
          LOG.info("taking over the stale lock {} left by {}, which no longer runs", file, previous.describe());
        }
      }
      byte[] bytes = CanonicalJson.prettyBytes(me);
      ch.truncate(0);
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      long pos = 0;
      while (buf.hasRemaining()) {
        pos += ch.write(buf, pos);
      }
      ch.force(true);
      LOG.debug("locked {} as {}", file, me.describe());
      return new RunDirectoryLock(file, ch, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      ch.close();
      throw e;
    }
  }

  /** This process as a lock holder. */
  static Holder current(String command) {
    ProcessHandle self = ProcessHandle.current();
    String started = self.info().startInstant().map(Instant::toString).orElse(Instant.now().toString());
    return new Holder(self.pid(), hostname(), started, command);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The holder recorded in the file, or null if it is empty or unreadable. */
  private static Holder read(FileChannel ch) {
    try {
      long size = ch.size();
      if (size == 0 || size > 1 << 16) {
        return null;
      }
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      long pos = 0;
      while (buf.hasRemaining() && ch.read(buf, pos) > 0) {
        pos = buf.position();
      }
      return CanonicalJson.mapper().readValue(buf.array(), 0, buf.position(), Holder.class);
    } catch (IOException | RuntimeException e) {
      LOG.debug("run-directory lock holder unreadable: {}", e.toString());
      return null;
    }
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /**
   * Releases the lock. The file stays, emptied: a holder's name left in it means its holder died
   * holding the lock (the next holder logs the takeover).
   */
  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        channel.truncate(0);
        lock.release();
      }
    } finally {
      channel.close();
    }
    LOG.debug("unlocked {}", file);
  }
}
