package org.qdlaser.pipeline.golden;

/**
 * One golden comparison.
 *
 * @param quantity what was compared
 * @param file run artifact (relative path), with the row/column for tables
 * @param expected golden value (text)
 * @param actual value of the run (text)
 * @param tolerance the tolerance applied (text)
 * @param source where the golden value comes from
 * @param passed whether it is within tolerance
 */
public record GoldenResult(
    String quantity, String file, String expected, String actual, String tolerance, GoldenSource source, boolean passed) {

  /** One line for the terminal: a failure names the file, expected, obtained, tolerance and source. */
  public String message() {
    if (passed) {
      return "ok   " + quantity + ": " + actual;
    }
    return "FAIL " + quantity + " [" + file + "]: expected " + expected + ", obtained " + actual
        + " (tolerance " + tolerance + "; source " + source.describe() + ")";
  }
}
