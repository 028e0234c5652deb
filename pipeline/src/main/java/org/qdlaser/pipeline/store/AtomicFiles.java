package org.qdlaser.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic file replacement: content goes to a hidden temp file in the target's directory, is
 * flushed to disk, then renamed over the target with {@code ATOMIC_MOVE}. Readers see either the
 * old file or the complete new one; on any failure the temp file is removed and the target is
 * untouched.
 */
public final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
  /** Suffix of in-flight temp files ({@code .<name>.<random>.tmp}). */
  public static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /**
   * Atomically writes {@code bytes} to {@code target}, creating parent directories.
   *
   * @throws UncheckedIOException naming the target on failure (no partial target is left)
   */
  public static void write(Path target, byte[] bytes) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path name = absolute.getFileName();
    if (parent == null || name == null) {
      throw new IllegalArgumentException("cannot write to " + target + ": not a file path");
    }
    Path temp = null;
    try {
      Files.createDirectories(parent);
      temp = parent.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      LOG.debug("wrote {} ({} bytes)", absolute, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + " atomically: " + e, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          LOG.warn("cannot remove temp file {}: {}", temp, e.toString());
        }
      }
    }
  }

  /** Atomically writes {@code text} as UTF-8, see {@link #write(Path, byte[])}. */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }
}
