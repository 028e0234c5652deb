package org.qdlaser.pipeline.input;

/**
 * Bad user input (manifest field, CLI option, file): exit code 2. The message names the field, the
 * value and what is allowed.
 */
public class InputException extends RuntimeException {
  private final String field;

  public InputException(String field, String message) {
    super(message + " (field " + field + ")");
    this.field = field;
  }

  /** Path of the offending field, e.g. {@code parameters.r} or {@code --set N}. */
  public String field() {
    return field;
  }
}
