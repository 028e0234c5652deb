package org.qdlaser.stages.bench;

/** A benchmark option that cannot be used, with the option's name (e.g. {@code --rtol}). */
public final class BadOption extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String option;

  public BadOption(String option, String message) {
    super(message);
    this.option = option;
  }

  public String option() {
    return option;
  }
}
