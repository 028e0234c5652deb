package org.qdlaser.pipeline.report;

import java.util.Locale;

/**
 * The words under and along the report's figures: axis titles in the paper's symbols and units, and
 * captions that say what is plotted and which figure of the paper (or of the Reply) it reproduces.
 */
final class Captions {
  /** How the branch figures draw stability and thresholds (as the paper's Figs. 3 and 7). */
  static final String LINE_STYLES = "Solid lines: linearly stable states; dashed: unstable ones; large diamonds: thresholds.";

  private Captions() {}

  /**
   * Which figure the study reproduces, from its title ("Fig. 1(a): ..." → "Reproduces Fig. 1(a) of
   * D'Alessandro, Lippi & Papoff (2025)"); a study whose title names no figure is named as such.
   */
  static String reproduces(ReportHeader h) {
    String t = h.title();
    int colon = t.indexOf(':');
    String head = colon > 0 ? t.substring(0, colon) : t;
    if (head.startsWith("Reply")) {
      return "Reproduces " + head + " (the Reply of Carroll et al. 2022), see the title for the parameters used.";
    }
    if (head.startsWith("Fig.")) {
      return "Reproduces " + head + " of D'Alessandro, Lippi & Papoff (2025).";
    }
    return "Study \"" + t + "\" (no single figure of the paper).";
  }

  /** A parameter's symbol in the paper (gamma_c as γ_c, mu as μ, w_qd as w_QD). */
  static String symbol(String param) {
    return switch (param) {
      case "gamma_c" -> "\u03B3_c";
      case "mu" -> "\u03BC";
      case "w_qd" -> "w_QD";
      case "beta" -> "\u03B2";
      default -> param;
    };
  }

  /** The axis title of a parameter, in the paper's symbol and unit. */
  static String axis(String param) {
    return switch (param) {
      case "r" -> "pump r (s\u207B\u00B9)";
      case "g" -> "coupling g (s\u207B\u00B9)";
      case "gamma_c" -> "cavity decay rate \u03B3_c (s\u207B\u00B9)";
      case "mu" -> "phonon scattering \u03BC";
      case "w_qd" -> "w_QD (units of \u03B3)";
      case "beta" -> "\u03B2";
      default -> param.toLowerCase(Locale.ROOT).startsWith("gamma") ? param.replace("gamma", "\u03B3") + " (s\u207B\u00B9)"
          : param;
    };
  }
}
