package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.simple.AseSpectra;
import org.qdlaser.stages.simple.CwGain;
import org.qdlaser.stages.simple.SeMap;
import org.qdlaser.stages.simple.SeThresholdCurve;

/** The Simple Model figures render, deterministically, with the series they are given. */
class SimpleFiguresTest {
  static final double[] ENERGIES = grid(1.9, 2.2, 61);

  static double[] grid(double a, double b, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = a + (b - a) * i / (n - 1);
    }
    return v;
  }

  /** A PNG of the given size and a well-formed SVG (text is drawn as glyph outlines, so no text search). */
  static void assertFigure(RenderedFigure f, int width, int height) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.png()));
      assertThat(img.getWidth()).isEqualTo(width);
      assertThat(img.getHeight()).isEqualTo(height);
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
      dbf.setNamespaceAware(true);
      assertThat(dbf.newDocumentBuilder().parse(new ByteArrayInputStream(f.svg())).getDocumentElement().getLocalName())
          .isEqualTo("svg");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void cwGainFigureIsDeterministic() {
    SimpleParameters p = SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS);
    List<CwGain.Curve> c = List.of(CwGain.curve(p, new double[] {0.01, 0.1, 1, 10, 100}));
    List<CwGain.Trace> t = List.of(CwGain.trace(p.withPump(2), new double[] {0, 1e-3, 1e-2, 0.1, 1, 10}));
    RenderedFigure a = SimpleFigures.cwGain("Fig. 6d", c, t);
    assertFigure(a, 2 * SimpleFigures.PANEL_WIDTH, SimpleFigures.PANEL_HEIGHT);
    assertThat(SimpleFigures.cwGain("Fig. 6d", c, t)).isEqualTo(a);
    List<CwGain.Curve> c4 = List.of(CwGain.curve(SimpleParameters.defaults(SimpleModelKind.SIMPLE_4LS), new double[] {0.01, 0.1, 1, 10, 100}));
    assertThat(SimpleFigures.cwGain("Fig. 6d", c4, t)).isNotEqualTo(a);
  }

  @Test
  void spectralFiguresRender() {
    SimpleParameters p = SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS_XX);
    assertFigure(SimpleFigures.lineShapes("Fig. 8a", ENERGIES, SeMap.lineShapes(p, ENERGIES)), SimpleFigures.PANEL_WIDTH, SimpleFigures.PANEL_HEIGHT);
    double[] occ = {0.5, 1.0, 1.5, 2.0};
    SeMap map = SeMap.compute(p, ENERGIES, occ);
    assertFigure(SimpleFigures.seMap("Fig. 8e", map, new double[] {1.0, 2.0}), 2 * SimpleFigures.PANEL_WIDTH, SimpleFigures.PANEL_HEIGHT);
    assertThatThrownBy(() -> SimpleFigures.seMap("Fig. 8e", map, new double[] {1.2})).hasMessageContaining("1.2");
    SeThresholdCurve c = SeThresholdCurve.sweep(SimpleParameters.builder(SimpleModelKind.SIMPLE_3LS_XX),
        SimpleParameter.XX_ABS_BINDING, new double[] {0, 0.02, 0.04});
    assertFigure(SimpleFigures.thresholdCurves("Fig. 8g", List.of(c)), SimpleFigures.PANEL_WIDTH, SimpleFigures.PANEL_HEIGHT);
    AseSpectra a = AseSpectra.computeRelative(p, ENERGIES, new double[] {1, 1.5});
    assertFigure(SimpleFigures.aseSpectra("Fig. 9b", a), SimpleFigures.PANEL_WIDTH, SimpleFigures.PANEL_HEIGHT);
  }
}
