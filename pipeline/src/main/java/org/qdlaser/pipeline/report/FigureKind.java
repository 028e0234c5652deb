package org.qdlaser.pipeline.report;

import java.util.Locale;

/** What a figure of a study shows, and the analysis whose runs it is drawn from. */
public enum FigureKind {
  /** One activation panel (scaled |<v^+ c>|^2 vs detuning with the Lorentzian fit) per selected run (Figs. 8, 9). */
  ACTIVATION_PANELS("activation"),
  /** Fitted width w_L against the lasing frequency omega, one series per model (Figs. 5, 9). */
  WIDTH_VS_FREQUENCY("activation"),
  /** Fitted amplitude a_L against |omega| (the shift from the cavity), one series per w_qd (Figs. 6, 10). */
  AMPLITUDE_VS_SHIFT("activation"),
  /** Photon number <b^+b> against the pump, log-log, thresholds marked by shape (the Reply's Fig. 1); sweep studies. */
  PHOTONS_VS_PUMP("sweep"),
  /**
   * Branches study: lasing branches |<b>| vs pump of the identical-dot runs and of one sample per
   * polydisperse model (the figure's seed), with the min..max range over all samples of that model
   * as error bars and the thresholds as diamonds, plus a low-pump magnification (Fig. 3).
   */
  AMPLITUDE_RANGE("branches");

  private final String analysis;

  FigureKind(String analysis) {
    this.analysis = analysis;
  }

  /** The name in manifests ({@code figures[].kind}). */
  public String manifestName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The manifest name of the analysis whose runs the figure is drawn from. */
  public String analysis() {
    return analysis;
  }
}
