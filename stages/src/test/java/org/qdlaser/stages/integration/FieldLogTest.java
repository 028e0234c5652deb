package org.qdlaser.stages.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;

class FieldLogTest {
  /**
   * b(t) = A e^{lambda t} (1 + 0.001 sin(5 t)) e^{i omega t} over two windows: the least-squares
   * slopes over the second half recover lambda and omega; the ripple (relative 1e-3, ~8 periods in
   * the fit window) biases the slope of ln|b| by ~2e-5 (the least-squares slope of 1e-3 sin(5 t)
   * over [10, 20]), well inside the offset and a tenth of lambda.
   */
  @Test
  void slopesOfLogAmplitudeAndUnwrappedPhaseOverTheEndOfTheRecord() {
    Model m = Models.identical(ModelKind.CIM, LaserParameters.tableI());
    int o = m.layout().field("b").offset();
    FieldLog log = new FieldLog(m);
    double lambda = -4.5e-4;
    double omega = 1.906;
    double[] y = new double[m.dimension()];
    for (int w = 0; w < 2; w++) {
      log.startWindow(10.0 * w);
      for (int i = 0; i <= 1000; i++) {
        double t = 10.0 * w + 0.01 * i;
        double a = 98 * Math.exp(lambda * t) * (1 + 0.001 * Math.sin(5 * t));
        y[o] = a * Math.cos(omega * t);
        y[o + 1] = a * Math.sin(omega * t);
        log.stepAccepted(0.01 * i, y, y);
      }
    }
    assertThat(log.size()).isEqualTo(2002);
    assertThat(log.frequency(10)).isCloseTo(omega, offset(1e-9));
    assertThat(log.driftRate(10)).isCloseTo(lambda, offset(5e-5));
    // a pure exponential is exact
    FieldLog pure = new FieldLog(m);
    for (int i = 0; i <= 100; i++) {
      double t = 0.1 * i;
      y[o] = 5 * Math.exp(lambda * t);
      y[o + 1] = 0;
      pure.stepAccepted(t, y, y);
    }
    assertThat(pure.driftRate(5)).isCloseTo(lambda, offset(1e-12));
    assertThat(pure.driftRate(9.95)).as("fewer than three points").isNaN();
  }
}
