package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The scatter figure of Figs. 5/6/9/10 and the multi-panel composition of Figs. 8/9. */
class ScatterAndPanelFigureTest {
  static final int W = 480;
  static final int H = 360;

  private static RenderedFigure panel(String name) {
    return ScatterFitFigure.render(new FigureSpec(name, "x", "y", false, false, W, H), name,
        new double[] {-1, 0, 1}, new double[] {0.5, 1, 0.5}, "fit", new double[] {-1, 1}, new double[] {0.5, 0.5});
  }

  private static Document xml(byte[] svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
  }

  @Test
  void panelsComposeIntoOneGridPngAndOneWellFormedSvg() throws Exception {
    List<RenderedFigure> panels = List.of(panel("a"), panel("b"), panel("c"), panel("d"), panel("e"));
    RenderedFigure grid = PanelGrid.compose(panels, 2, W, H);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(grid.png()));
    assertThat(img.getWidth()).isEqualTo(2 * W);
    assertThat(img.getHeight()).isEqualTo(3 * H);
    Document d = xml(grid.svg());
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(d.getDocumentElement().getAttribute("height")).isEqualTo(Integer.toString(3 * H));
    // one nested <svg> per panel, the fifth at the start of the third row
    var nested = d.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    assertThat(nested.getLength()).isEqualTo(5);
    var fifth = (org.w3c.dom.Element) nested.item(4).getParentNode();
    assertThat(fifth.getAttribute("transform")).isEqualTo("translate(0," + (2 * H) + ")");
    assertThat(PanelGrid.compose(panels, 2, W, H)).as("deterministic").isEqualTo(grid);
  }

  @Test
  void panelOfTheWrongSizeOrNoPanelsIsRefused() {
    assertThatThrownBy(() -> PanelGrid.compose(List.of(panel("a")), 1, W + 1, H))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("panel 0");
    assertThatThrownBy(() -> PanelGrid.compose(List.of(), 1, W, H)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scatterDrawsLabelledSeriesAndSkipsNonFinitePoints() throws Exception {
    FigureSpec spec = new FigureSpec("w_L vs omega", "omega", "w_L", false, false, 900, 600);
    PointSeries cim = new PointSeries("CIM_d", new double[] {1, 2, Double.NaN}, new double[] {1.8, 1.7, Double.NaN},
        new String[] {"1", "2", "3"});
    RenderedFigure f = ScatterFigure.render(spec, List.of(cim,
        new PointSeries("none lasing", new double[] {Double.NaN}, new double[] {Double.NaN}, null)));
    xml(f.svg());
    // a series without finite points is left out entirely (no legend entry): same bytes as without it
    assertThat(f).isEqualTo(ScatterFigure.render(spec, List.of(cim)));
    assertThat(f).isNotEqualTo(ScatterFigure.render(spec, List.of(
        new PointSeries("CIM_d", new double[] {1, 2}, new double[] {1.8, 1.7}, null))));
    assertThat(ImageIO.read(new ByteArrayInputStream(f.png())).getWidth()).isEqualTo(900);
    // nothing finite at all (every run below threshold): a frame with the note, not an error
    RenderedFigure empty = ScatterFigure.render(spec, List.of(new PointSeries("x", new double[] {Double.NaN}, new double[] {1}, null)));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(empty.png()));
    assertThat(img.getWidth()).isEqualTo(900);
    int dark = 0; // the note's glyphs: dark pixels across the middle of the plot area, which is otherwise empty
    for (int y = img.getHeight() / 2 - 12; y < img.getHeight() / 2 + 12; y++) {
      for (int x = img.getWidth() / 4; x < 3 * img.getWidth() / 4; x++) {
        dark += (img.getRGB(x, y) & 0xff) < 100 ? 1 : 0;
      }
    }
    assertThat(dark).isGreaterThan(100);
    assertThatThrownBy(() -> new PointSeries("x", new double[] {1}, new double[] {1}, new String[] {"a", "b"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels");
  }

  @Test
  void overlayDrawsEverySeriesWithOneFitAndRefusesNoSeries() throws Exception {
    FigureSpec spec = new FigureSpec("Fig. 4", "detuning", "activation", false, false, 900, 600);
    double[] fx = {-2, 0, 2};
    double[] fy = {0.2, 1, 0.2};
    PointSeries cim = new PointSeries("CIM^(d)", new double[] {-1, 0, 1}, new double[] {0.5, 1, 0.5}, null);
    PointSeries tpm = new PointSeries("TPM^(d)", new double[] {-1, 0, 1}, new double[] {0.5, 1, 0.5}, null);
    RenderedFigure both = ScatterFitFigure.overlay(spec, List.of(cim, tpm), "fit", fx, fy);
    xml(both.svg());
    assertThat(ImageIO.read(new ByteArrayInputStream(both.png())).getWidth()).isEqualTo(900);
    assertThat(ScatterFitFigure.overlay(spec, List.of(cim, tpm), "fit", fx, fy)).as("deterministic").isEqualTo(both);
    // The second series is drawn (its own legend entry and markers), not dropped
    assertThat(ScatterFitFigure.overlay(spec, List.of(cim), "fit", fx, fy)).isNotEqualTo(both);
    assertThatThrownBy(() -> ScatterFitFigure.overlay(spec, List.of(), "fit", fx, fy))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one series");
  }
}
