package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BranchSeriesTest {

  private static final double[] P = {1, 2, 3};
  private static final double[] A = {0, 0.5, 1};
  private static final boolean[] S = {true, false, true};

  @Test
  void mismatchedAmplitudeLengthNamesTheField() {
    assertThatThrownBy(() -> new BranchSeries("CIM", P, new double[] {0, 1}, S))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amplitude has length 2 but pump has length 3 (series 'CIM')");
  }

  @Test
  void mismatchedStableLengthNamesTheField() {
    assertThatThrownBy(() -> new BranchSeries("TPM", P, A, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stable has length 1 but pump has length 3 (series 'TPM')");
  }

  @Test
  void nonFiniteOrNegativeValuesAreRejectedWithIndex() {
    assertThatThrownBy(() -> new BranchSeries("CIM", P, new double[] {0, Double.NaN, 1}, S))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amplitude[1] = NaN");
    assertThatThrownBy(() -> new BranchSeries("CIM", new double[] {1, -2, 3}, A, S))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pump[1] = -2.0");
    assertThatThrownBy(
            () -> new BranchSeries("CIM", P, A, S, Double.POSITIVE_INFINITY, 0.0))
        .hasMessageContaining("thresholdPump = Infinity");
  }

  @Test
  void thresholdCoordinatesComeTogether() {
    assertThatThrownBy(() -> new BranchSeries("CIM", P, A, S, 2.0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thresholdPump and thresholdAmplitude");
    BranchSeries b = new BranchSeries("CIM", P, A, S).withThreshold(2.0, 0.0);
    assertThat(b.hasThreshold()).isTrue();
    assertThat(b.thresholdPump()).isEqualTo(2.0);
    assertThat(b.thresholdAmplitude()).isEqualTo(0.0);
  }

  @Test
  void blankLabelIsRejected() {
    assertThatThrownBy(() -> new BranchSeries(" ", P, A, S))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label");
  }

  @Test
  void arraysAreClonedInAndOut() {
    double[] p = P.clone();
    double[] a = A.clone();
    boolean[] s = S.clone();
    BranchSeries b = new BranchSeries("CIM", p, a, s);
    p[0] = 99;
    a[0] = 99;
    s[0] = false;
    b.pump()[1] = 99;
    b.amplitude()[1] = 99;
    b.stable()[1] = true;
    assertThat(b.pump()).containsExactly(1, 2, 3);
    assertThat(b.amplitude()).containsExactly(0, 0.5, 1);
    assertThat(b.stable()).containsExactly(true, false, true);
    assertThat(b.size()).isEqualTo(3);
  }

  @Test
  void equalityComparesContents() {
    BranchSeries a = new BranchSeries("CIM", P.clone(), A.clone(), S.clone(), 2.0, 0.0);
    BranchSeries b = new BranchSeries("CIM", P.clone(), A.clone(), S.clone(), 2.0, 0.0);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new BranchSeries("CIM", P, A, S));
    assertThat(a.toString()).contains("CIM", "[1.0, 2.0, 3.0]");
  }

  @Test
  void figureSpecValidatesSize() {
    assertThatThrownBy(() -> FigureSpec.bifurcation("t").withSize(50, 400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width = 50");
    assertThatThrownBy(() -> FigureSpec.bifurcation("t").withSize(400, 100000))
        .hasMessageContaining("height = 100000");
    FigureSpec spec = FigureSpec.bifurcation("Fig. 3");
    assertThat(spec.logX()).isTrue();
    assertThat(spec.logY()).isFalse();
    assertThat(spec.width()).isEqualTo(FigureSpec.DEFAULT_WIDTH);
  }

  @Test
  void renderedFigureClonesBytes() {
    byte[] png = {1, 2};
    RenderedFigure f = new RenderedFigure(png, new byte[] {3});
    png[0] = 9;
    f.png()[1] = 9;
    assertThat(f.png()).containsExactly(1, 2);
    assertThat(f).isEqualTo(new RenderedFigure(new byte[] {1, 2}, new byte[] {3}));
  }
}
