package org.qdlaser.stages.report;

import org.knowm.xchart.style.markers.Cross;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.Plus;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The markers the paper's captions name for its models and widths (Figs. 4, 5, 6, 10). */
final class PaperMarkers {
  private PaperMarkers() {}

  /** The paper's marker of a model in Figs. 4, 5: CIM plusses, TPM_IF crosses, TPM circles (null: the default). */
  static Marker model(String model) {
    return switch (model) {
      case "CIM_d", "CIM" -> new Plus();
      case "TPM_IF_d", "TPM_IF" -> new Cross();
      case "TPM_d", "TPM" -> SeriesMarkers.CIRCLE;
      default -> null;
    };
  }

  /**
   * The paper's marker of a width in Figs. 6, 10: w_QD = 0.2 gamma plus signs, 0.5 gamma crosses, gamma downward
   * triangles, 2 gamma upward triangles (null for another width: the default).
   */
  static Marker width(double wQd) {
    return wQd == 0.2 ? new Plus() : wQd == 0.5 ? new Cross() : wQd == 1 ? SeriesMarkers.TRIANGLE_DOWN
        : wQd == 2 ? SeriesMarkers.TRIANGLE_UP : null;
  }
}
