package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.databind.util.StdConverter;
import org.qdlaser.stages.equilibrium.Verdict;

/** A {@link Verdict} in JSON artifacts: its {@link Verdict#jsonName()} ({@code lasing}, {@code non_lasing}, ...). */
final class VerdictJson {
  private VerdictJson() {}

  /** Writes the JSON name. */
  static final class Out extends StdConverter<Verdict, String> {
    @Override
    public String convert(Verdict v) {
      return v.jsonName();
    }
  }

  /** Reads the JSON name. */
  static final class In extends StdConverter<String, Verdict> {
    @Override
    public Verdict convert(String name) {
      return Verdict.ofJsonName(name);
    }
  }
}
