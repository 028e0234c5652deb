package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PhotonFigureTest {
  static final FigureSpec LOG_LOG = new FigureSpec("photons", "pump r (s^-1)", "<b+b>", true, true, 900, 600);

  /** Photon number of a laser-like curve: linear below, steeper above the threshold. */
  static BranchSeries curve(String label, double threshold) {
    int n = 13;
    double[] p = new double[n];
    double[] y = new double[n];
    boolean[] s = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.pow(10, 12 + 3.0 * i / (n - 1));
      y[i] = p[i] < threshold ? 1e-10 * p[i] : 1e-10 * threshold + 1e-9 * (p[i] - threshold);
      s[i] = true;
    }
    return new BranchSeries(label, p, y, s);
  }

  static List<BranchSeries> curves() {
    return List.of(curve("CIM", 3e12), curve("TPM", 1.2e14), curve("TPM_d_f0.9", 1.24e14));
  }

  static List<PhotonFigure.Mark> marks() {
    return List.of(
        new PhotonFigure.Mark("CIM", 3e12, 300, PhotonFigure.Shape.STAR, "CIM threshold (star)"),
        new PhotonFigure.Mark("TPM", 1.2e14, 1.2e4, PhotonFigure.Shape.STAR, "TPM threshold (star)"),
        new PhotonFigure.Mark("TPM_d_f0.9", 1.24e14, 1.24e4, PhotonFigure.Shape.DIAMOND, "TPM_d_f0.9 threshold (diamond)"));
  }

  @Test
  void eachMarkIsOnePointInTheColourOfItsCurveOnLogLogAxes() {
    XYChart chart = PhotonFigure.buildChart(LOG_LOG, curves(), marks());
    XYSeries star = chart.getSeriesMap().get("TPM threshold (star)");
    assertThat(star.getXData()).containsExactly(1.2e14);
    assertThat(star.getYData()).containsExactly(1.2e4);
    assertThat(star.getMarkerColor()).isEqualTo(chart.getSeriesMap().get("TPM").getLineColor());
    assertThat(chart.getSeriesMap().get("CIM threshold (star)").getMarkerColor())
        .isNotEqualTo(star.getMarkerColor());
    assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
    assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
  }

  @Test
  void rendersPngAndSvgDeterministically() throws Exception {
    RenderedFigure a = PhotonFigure.render(LOG_LOG, curves(), marks());
    RenderedFigure b = PhotonFigure.render(LOG_LOG, curves(), marks());
    assertThat(a.png()).isEqualTo(b.png());
    assertThat(a.svg()).isEqualTo(b.svg());
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(a.png()));
    assertThat(img.getWidth()).isEqualTo(900);
    assertThat(new String(a.svg(), java.nio.charset.StandardCharsets.UTF_8)).contains("<svg");
  }

  @Test
  void aMarkMustNameACurveAndHaveItsOwnLegendEntry() {
    List<PhotonFigure.Mark> orphan = List.of(new PhotonFigure.Mark("TPM_IF", 1e13, 1e3, PhotonFigure.Shape.CROSS, "x"));
    assertThatThrownBy(() -> PhotonFigure.buildChart(LOG_LOG, curves(), orphan))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'TPM_IF'");
    List<PhotonFigure.Mark> clash = List.of(new PhotonFigure.Mark("TPM", 1e14, 1e4, PhotonFigure.Shape.CROSS, "CIM"));
    assertThatThrownBy(() -> PhotonFigure.buildChart(LOG_LOG, curves(), clash))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'CIM' used twice");
  }

  @Test
  void shapesParseFromTheirManifestNamesOnly() {
    assertThat(PhotonFigure.Shape.parse("cross")).isEqualTo(PhotonFigure.Shape.CROSS);
    assertThatThrownBy(() -> PhotonFigure.Shape.parse("circle"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'circle'").hasMessageContaining("star, diamond, cross");
  }
}
