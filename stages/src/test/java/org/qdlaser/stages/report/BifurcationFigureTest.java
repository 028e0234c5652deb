package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class BifurcationFigureTest {

  private static final byte[] PNG_SIGNATURE = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
  };

  /** CIM-like pitchfork: |b| = 0 up to the threshold, then a stable branch. */
  static BranchSeries pitchfork(String label, double threshold, double slope, int n) {
    double[] p = new double[n];
    double[] a = new double[n];
    boolean[] s = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.pow(10, -1 + 5.0 * i / (n - 1));
      a[i] = p[i] <= threshold ? 0 : slope * Math.sqrt(p[i] - threshold);
      s[i] = true;
    }
    return new BranchSeries(label, p, a, s, threshold, 0.0);
  }

  /** TPM-like saddle-node: unstable lower branch from high pump down to the fold, stable upper. */
  static BranchSeries fold(String label, double fold, double scale, int n) {
    List<double[]> pts = new ArrayList<>();
    List<Boolean> stable = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      double p = fold * Math.pow(10, 3.5 * i / (n - 1));
      pts.add(new double[] {p, scale * Math.sqrt(p) * (1 - Math.sqrt(1 - fold / p))});
      stable.add(false);
    }
    for (int i = 1; i < n; i++) {
      double p = fold * Math.pow(10, 3.5 * i / (n - 1));
      pts.add(new double[] {p, scale * Math.sqrt(p) * (1 + Math.sqrt(1 - fold / p))});
      stable.add(true);
    }
    double[] p = new double[pts.size()];
    double[] a = new double[pts.size()];
    boolean[] s = new boolean[pts.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = pts.get(i)[0];
      a[i] = pts.get(i)[1];
      s[i] = stable.get(i);
    }
    return new BranchSeries(label, p, a, s, fold, scale * Math.sqrt(fold));
  }

  static List<BranchSeries> threeModels() {
    return List.of(
        pitchfork("CIM", 2.0, 0.8, 41), fold("TPM_IF", 8.0, 0.5, 25), fold("TPM", 20.0, 0.3, 25));
  }

  @Test
  void pngHasSignatureAndRequestedSize() throws Exception {
    FigureSpec spec = FigureSpec.bifurcation("Fig. 3").withSize(800, 500);
    RenderedFigure f = BifurcationFigure.render(spec, threeModels());

    byte[] png = f.png();
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(500);
  }

  @Test
  void pngShowsEveryModelColourOnWhite() throws Exception {
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                BifurcationFigure.render(FigureSpec.bifurcation("t"), threeModels()).png()));
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("background").isEqualTo(0xFFFFFF);
    for (int m = 0; m < 3; m++) {
      int rgb = BifurcationFigure.PALETTE[m].getRGB() & 0xFFFFFF;
      int count = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
            count++;
          }
        }
      }
      assertThat(count).as("pixels of model %d's colour", m).isGreaterThan(200);
    }
  }

  @Test
  void svgParsesAsXmlWithSvgRootAndNoDoctype() throws Exception {
    RenderedFigure f = BifurcationFigure.render(FigureSpec.bifurcation("Fig. 3"), threeModels());

    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    // Offline and strict: any DOCTYPE (VectorGraphics2D writes one naming a w3.org DTD) fails.
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(f.svg()));

    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 960 640");
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength())
        .isGreaterThan(10);
  }

  @Test
  void renderingTwiceGivesIdenticalBytes() {
    FigureSpec spec = FigureSpec.bifurcation("Fig. 3");
    RenderedFigure a = BifurcationFigure.render(spec, threeModels());
    RenderedFigure b = BifurcationFigure.render(spec, threeModels());
    assertThat(a.png()).isEqualTo(b.png());
    assertThat(a.svg()).isEqualTo(b.svg());
    assertThat(a).isEqualTo(b);
  }

  @Test
  void inMemoryPngEqualsBitmapEncoderOutput() throws Exception {
    XYChart chart = BifurcationFigure.buildChart(FigureSpec.bifurcation("t"), threeModels());
    assertThat(ChartEncoding.encodePng(chart))
        .isEqualTo(BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
  }

  @Test
  void logYWithZeroAmplitudesDoesNotThrowAndDropsThem() {
    FigureSpec spec = FigureSpec.bifurcation("log").withLogY(true);
    assertThatCode(() -> BifurcationFigure.render(spec, threeModels())).doesNotThrowAnyException();

    Map<String, XYSeries> map = BifurcationFigure.buildChart(spec, threeModels()).getSeriesMap();
    for (XYSeries s : map.values()) {
      assertThat(Arrays.stream(s.getYData()).filter(y -> !Double.isNaN(y)))
          .as(s.getName())
          .allMatch(y -> y > 0);
    }
    // The CIM threshold sits at |<b>| = 0: not drawable on a log axis.
    assertThat(map).doesNotContainKey("CIM threshold").containsKey("TPM threshold");
  }

  @Test
  void logYWithOnlyZeroAmplitudesRendersAnEmptyFrame() {
    BranchSeries dark =
        new BranchSeries("CIM", new double[] {1, 2}, new double[] {0, 0}, new boolean[] {true, true});
    FigureSpec spec = FigureSpec.bifurcation("below threshold").withLogY(true);
    RenderedFigure f = BifurcationFigure.render(spec, List.of(dark));
    assertThat(f.png()).startsWith(PNG_SIGNATURE);
  }

  @Test
  void linearYKeepsZeroAmplitudes() {
    Map<String, XYSeries> map =
        BifurcationFigure.buildChart(FigureSpec.bifurcation("lin"), threeModels()).getSeriesMap();
    assertThat(map.get("CIM").getYData()).contains(0.0);
    assertThat(map.get("CIM threshold").getYData()).containsExactly(0.0);
  }

  @Test
  void unstablePointsFormADashedSeriesOfTheSameColourJoinedToTheStableBranch() {
    BranchSeries b =
        new BranchSeries(
            "TPM",
            new double[] {1, 2, 3, 4, 5, 6, 7},
            new double[] {1, 2, 3, 4, 5, 6, 7},
            new boolean[] {true, true, false, false, true, true, false},
            4.5,
            4.5);
    ReportChart chart = (ReportChart) BifurcationFigure.buildChart(FigureSpec.bifurcation("t"), List.of(b));
    Map<String, XYSeries> map = chart.getSeriesMap();

    assertThat(map.keySet()).containsExactly("TPM", "TPM (unstable)", "TPM threshold");
    XYSeries stable = map.get("TPM");
    XYSeries unstable = map.get("TPM (unstable)");
    // Stable runs {1,2} and {5,6}, broken (NaN) where the unstable run lies.
    assertThat(stable.getXData()).containsExactly(1, 2, Double.NaN, 5, 6);
    // Unstable runs {3,4} and {7}, each joined to its stable neighbours, broken in between.
    assertThat(unstable.getXData()).containsExactly(2, 3, 4, 5, Double.NaN, 6, 7);
    assertThat(unstable.getLineColor()).isEqualTo(stable.getLineColor());
    assertThat(unstable.getMarkerColor()).isEqualTo(stable.getMarkerColor());
    assertThat(chart.drawsAsOnePath(unstable)).isTrue(); // dashed, as one path per run (FigureDrawingTest)
    assertThat(chart.drawsAsOnePath(stable)).isFalse();
    assertThat(stable.getLineStyle().getDashArray()).isNull();
    XYSeries threshold = map.get("TPM threshold");
    assertThat(threshold.getMarker()).isInstanceOf(ThresholdDiamond.class);
    assertThat(threshold.getMarkerColor()).isEqualTo(stable.getLineColor());
  }

  @Test
  void allStableBranchHasNoUnstableSeries() {
    Map<String, XYSeries> map =
        BifurcationFigure.buildChart(
                FigureSpec.bifurcation("t"), List.of(pitchfork("CIM", 2.0, 1.0, 11)))
            .getSeriesMap();
    assertThat(map.keySet()).containsExactly("CIM", "CIM threshold");
  }

  @Test
  void logAxesFitTheDataWithAMarginAndDecadeHelpersRoundToPowersOfTen() {
    XYChart chart =
        BifurcationFigure.buildChart(
            FigureSpec.bifurcation("t").withLogY(true), List.of(fold("TPM", 20.0, 0.3, 25)));
    // Data 20 .. 20 x 10^3.5 = 63,246: the axis is the data's range with 3 % of its decades either side.
    double margin = Math.pow(10, AxisRanges.LOG_MARGIN * 3.5);
    assertThat(chart.getStyler().getXAxisMin()).isCloseTo(20.0 / margin, within(1e-9));
    assertThat(chart.getStyler().getXAxisMax()).isCloseTo(20.0 * Math.pow(10, 3.5) * margin, within(1e-6));
    assertThat(AxisRanges.decadeFloor(0.25)).isEqualTo(0.1);
    assertThat(AxisRanges.decadeFloor(100)).isEqualTo(100);
    assertThat(AxisRanges.decadeCeil(100, 100)).isEqualTo(1000);
    assertThat(AxisRanges.decadeCeil(150, 2)).isEqualTo(1000);
    assertThat(AxisRanges.decadeFloor(99.99999999)).isEqualTo(10);
    assertThat(AxisRanges.decadeCeil(100.0000001, 1)).isEqualTo(1000);
    assertThat(AxisRanges.decadeCeil(0.05, 0.01)).isEqualTo(0.1);
  }

  @Test
  void invalidInputIsRejected() {
    FigureSpec spec = FigureSpec.bifurcation("t");
    assertThatThrownBy(() -> BifurcationFigure.render(spec, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                BifurcationFigure.render(
                    spec, List.of(pitchfork("CIM", 2, 1, 5), pitchfork("CIM", 3, 1, 5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'CIM'");
  }

  @Test
  void svgDoctypeIsStrippedExactly() {
    byte[] in =
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
                + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg/>\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(new String(ChartEncoding.stripDoctype(in), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("<?xml version=\"1.0\"?>\n<svg/>\n");
    byte[] plain = "<svg/>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(ChartEncoding.stripDoctype(plain)).isEqualTo(plain);
  }
}
