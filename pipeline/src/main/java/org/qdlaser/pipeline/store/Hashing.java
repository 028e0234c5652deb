package org.qdlaser.pipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers; all hashes are lower-case hex, 64 characters. */
public final class Hashing {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int BUFFER_BYTES = 1 << 16;

  private Hashing() {}

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /**
   * Hex SHA-256 of a file's content, streamed in 64 KiB blocks.
   *
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static String sha256Hex(Path file) {
    MessageDigest md = digest();
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        md.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file + ": " + e, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Whether {@code s} is a lower-case hex SHA-256. */
  public static boolean isSha256Hex(String s) {
    return s != null && SHA256_HEX.matcher(s).matches();
  }

  /**
   * Returns {@code s} if it is a lower-case hex SHA-256.
   *
   * @param what names the value in the exception message
   * @throws IllegalArgumentException otherwise
   */
  public static String requireSha256Hex(String s, String what) {
    if (!isSha256Hex(s)) {
      throw new IllegalArgumentException(what + " must be 64 lower-case hex digits (SHA-256), got " + (s == null ? "null" : "'" + s + "'"));
    }
    return s;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
