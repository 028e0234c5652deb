package org.qdlaser.pipeline.provenance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Fixed-width ISO-8601 UTC timestamps with milliseconds, e.g. {@code 2026-01-02T03:04:05.678Z}. */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** {@code instant} in the fixed format (truncated to milliseconds). */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /**
   * Re-formats any ISO-8601 instant ({@code Instant.parse} syntax) to the fixed format.
   *
   * @param what names the value in the exception message
   * @throws IllegalArgumentException if {@code text} is not an ISO-8601 UTC instant
   */
  public static String normalize(String text, String what) {
    return format(parse(text, what));
  }

  /** Parses an ISO-8601 instant, naming {@code what} on failure. */
  public static Instant parse(String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException(what + " must be an ISO-8601 UTC instant, got null");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " must be an ISO-8601 UTC instant like 2026-01-02T03:04:05.678Z, got '" + text + "'", e);
    }
  }
}
