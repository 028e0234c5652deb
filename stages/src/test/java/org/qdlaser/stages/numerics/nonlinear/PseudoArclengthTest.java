package org.qdlaser.stages.numerics.nonlinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class PseudoArclengthTest {
  /** Corrector converges to 1e-10 relative; residuals are then at rounding level of O(1) numbers. */
  static final double RESIDUAL_TOLERANCE = 1e-8;

  @Test
  void passesTheFoldOfTheNormalForm() {
    // x^2 + p = 0: a fold at (0, 0); starting at x = 1, p = -1 going up in p it turns to x < 0.
    ParametrizedSystem fold = new ParametrizedSystem() {
      @Override public int dimension() { return 1; }
      @Override public void residual(double[] x, double p, double[] out) { out[0] = x[0] * x[0] + p; }
    };
    List<PseudoArclength.Point> branch = new PseudoArclength(ContinuationSettings.defaults())
        .continueBranch(fold, new double[] {1.0}, -1.0, new double[] {1.0}, false, pt -> pt.x()[0] > -1.0);
    assertThat(branch.get(branch.size() - 1).x()[0]).isLessThan(-0.9);
    double maxP = Double.NEGATIVE_INFINITY;
    int signChanges = 0;
    for (int i = 0; i < branch.size(); i++) {
      PseudoArclength.Point pt = branch.get(i);
      assertThat(pt.x()[0] * pt.x()[0] + pt.p()).isCloseTo(0.0, offset(RESIDUAL_TOLERANCE));
      maxP = Math.max(maxP, pt.p());
      if (i > 0 && Math.signum(pt.dpds()) != Math.signum(branch.get(i - 1).dpds())) {
        signChanges++;
      }
    }
    assertThat(signChanges).as("one fold: dp/ds changes sign once").isEqualTo(1);
    assertThat(maxP).isLessThanOrEqualTo(1e-12).isGreaterThan(-0.05);
  }

  @Test
  void followsACircleWithBadlyScaledUnknowns() {
    // (x / 1e5)^2 + p^2 = 1: scaling makes the arclength see a unit circle.
    ParametrizedSystem circle = new ParametrizedSystem() {
      @Override public int dimension() { return 1; }
      @Override public void residual(double[] x, double p, double[] out) { out[0] = (x[0] / 1e5) * (x[0] / 1e5) + p * p - 1; }
    };
    List<PseudoArclength.Point> branch = new PseudoArclength(ContinuationSettings.defaults())
        .continueBranch(circle, new double[] {1e5}, 0.0, new double[] {1e5}, true, pt -> pt.x()[0] > -0.99e5);
    assertThat(branch.size()).isGreaterThan(10);
    assertThat(branch.stream().mapToDouble(PseudoArclength.Point::p).min().orElseThrow()).isCloseTo(-1.0, offset(0.01));
  }
}
