package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code photons_vs_pump} figure of a sweep study (the Reply's Fig. 1): the photon number of
 * every sweep equilibrium against the pump, log-log, with each run's threshold marked by its shape.
 * Gives the chart and the report section; the section links to the curves {@code <id>.arrow|csv}
 * and the marks {@code <id>-thresholds.arrow|csv}.
 */
public final class PhotonsVsPumpFigure {
  private PhotonsVsPumpFigure() {}

  /**
   * The threshold mark of one run: the exact location if the fitting stage found it, else the
   * sweep's lowest lasing pump.
   *
   * @param label the run
   * @param marker its shape (star, diamond, cross)
   * @param source how it was located
   * @param kind the threshold's kind ({@code -} for a bracket)
   * @param pumpPerS the threshold pump (s^-1)
   * @param photons &lt;b+b&gt; there (NaN: not drawn)
   * @param lowestLasingPerS the sweep's lowest lasing pump
   * @param highestNonLasingPerS the next pump below it
   */
  public record Threshold(String label, String marker, String source, String kind, double pumpPerS, double photons,
      double lowestLasingPerS, double highestNonLasingPerS) {}

  /**
   * The drawn figure.
   *
   * @param figure the chart
   * @param section the report section
   */
  public record Rendered(RenderedFigure figure, HtmlReport.Section section) {}

  /** Draws the curves (pump in s^-1, photons) with the threshold marks. */
  public static Rendered render(String id, String title, List<BranchSeries> series, List<Threshold> thresholds) {
    List<PhotonFigure.Mark> marks = new ArrayList<>();
    HtmlBlocks.Table.Builder table = HtmlBlocks.Table.builder("Threshold marks")
        .columns("model", "marker", "threshold pump (s^-1)", "kind", "<b+b> at threshold", "located by",
            "sweep bracket (s^-1)");
    for (Threshold m : thresholds) {
      if (Double.isFinite(m.photons())) {
        marks.add(new PhotonFigure.Mark(m.label(), m.pumpPerS(), m.photons(), PhotonFigure.Shape.parse(m.marker()),
            m.label() + " threshold (" + m.marker() + ")"));
      }
      table.row(m.label(), m.marker(), Numbers.fmt(m.pumpPerS()), m.kind(), Numbers.fmt(m.photons()), m.source(),
          Numbers.fmt(m.highestNonLasingPerS()) + " .. " + Numbers.fmt(m.lowestLasingPerS()));
    }
    RenderedFigure f = PhotonFigure.render(
        new FigureSpec(title, "pump r (s\u207B\u00B9)", "photon number <b\u207Ab>", true, true, 900, 600), series, marks);
    HtmlReport.Section section = HtmlReport.Section.builder(title)
        .paragraph("Photon number <b+b> of the equilibrium reached at each pump of the downward sweep (lasing and "
            + "non-lasing alike), log-log. Each threshold is marked on its model's curve by the shape chosen in the "
            + "manifest, at the exact threshold where the fitting stage located it (kind as listed), otherwise at "
            + "the lowest lasing pump of the sweep.")
        .figure(id + ".png", id + ".svg", title, "Mean photon number \u27E8b\u2020b\u27E9 of the equilibrium at each pump r (s^-1), "
            + "log-log, one colour per model (legend), solid where the state is stable, dashed where not; each threshold "
            + "marked by the shape given in the legend. " + title + ".")
        .table(table.build())
        .dataTable(title + ": curves", id + ".arrow", id + ".csv")
        .dataTable(title + ": threshold marks", id + "-thresholds.arrow", id + "-thresholds.csv")
        .build();
    return new Rendered(f, section);
  }
}
