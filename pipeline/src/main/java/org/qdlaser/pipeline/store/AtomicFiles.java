package org.qdlaser.pipeline.store;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
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
  private static final int BUFFER_BYTES = 1 << 16;

  private AtomicFiles() {}

  /**
   * Produces a file's content onto a stream owned by {@link #write(Path, ContentWriter)}.
   * Implementations must not close the stream (closing it is a no-op).
   */
  @FunctionalInterface
  public interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Atomically writes {@code bytes} to {@code target}, creating parent directories.
   *
   * @throws UncheckedIOException naming the target on failure (no partial target is left)
   */
  public static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /**
   * Atomically writes whatever {@code content} streams to {@code target}, creating parent
   * directories: for content too large to hold in memory (archives). The temp file is removed
   * and the target left untouched if {@code content} throws, I/O fails or the rename fails.
   *
   * @throws UncheckedIOException naming the target on an I/O failure (also one thrown by
   *     {@code content})
   * @throws RuntimeException thrown by {@code content}, unchanged
   */
  public static void write(Path target, ContentWriter content) {
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
      long bytes;
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        // Closing the buffered stream would close the channel before force(); the wrapper keeps it open.
        OutputStream channelOut = new FilterOutputStream(Channels.newOutputStream(ch)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
        BufferedOutputStream buffered = new BufferedOutputStream(channelOut, BUFFER_BYTES);
        content.writeTo(buffered);
        buffered.flush();
        ch.force(true);
        bytes = ch.size();
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      LOG.debug("wrote {} ({} bytes)", absolute, bytes);
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
