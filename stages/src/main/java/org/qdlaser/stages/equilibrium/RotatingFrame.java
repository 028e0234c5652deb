package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.numerics.NonlinearSystem;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.StateLayout;

/**
 * The lasing state as a fixed point in the frame rotating at omega (DESIGN.md, "Phase symmetry").
 * Unknowns x = (state, omega); equations f(z) - omega A z = 0 and the phase condition Im b = 0.
 */
final class RotatingFrame implements NonlinearSystem {
  private final Model model;
  private final int n;
  private final int imB;
  private final double[] f;
  private final double[] az;

  RotatingFrame(Model model) {
    this.model = model;
    this.n = model.dimension();
    this.imB = model.layout().field("b").offset() + 1;
    this.f = new double[n];
    this.az = new double[n];
  }

  @Override
  public int dimension() {
    return n + 1;
  }

  @Override
  public void residual(double[] x, double[] out) {
    double omega = x[n];
    model.rhs(0.0, x, f);
    model.layout().applyRotationGenerator(x, az);
    for (int i = 0; i < n; i++) {
      out[i] = f[i] - omega * az[i];
    }
    out[n] = x[imB];
  }

  /**
   * Rotates a state by the phase that makes b real and positive: every complex field of charge q is
   * multiplied by e^{-i q theta}, theta = arg b. Returns a new array.
   */
  static double[] gauge(StateLayout layout, double[] y) {
    Field b = layout.field("b");
    double theta = Math.atan2(y[b.offset() + 1], y[b.offset()]);
    double[] out = y.clone();
    for (Field fl : layout.fields()) {
      if (fl.complex() && fl.charge() != 0) {
        double a = -fl.charge() * theta;
        double c = Math.cos(a);
        double s = Math.sin(a);
        double re = y[fl.offset()];
        double im = y[fl.offset() + 1];
        out[fl.offset()] = c * re - s * im;
        out[fl.offset() + 1] = s * re + c * im;
      }
    }
    out[b.offset() + 1] = 0.0;
    return out;
  }

  /** Instantaneous rotation frequency Im(conj(b) db/dt)/|b|^2 of a state with derivative yDot. */
  static double instantaneousFrequency(StateLayout layout, double[] y, double[] yDot) {
    int o = layout.field("b").offset();
    double b2 = y[o] * y[o] + y[o + 1] * y[o + 1];
    if (b2 == 0) {
      return 0.0;
    }
    return (y[o] * yDot[o + 1] - y[o + 1] * yDot[o]) / b2;
  }
}
