package org.qdlaser.stages.integration;

import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.StateLayout;

/**
 * A phase-equivariant toy with an exact solution: a field b (charge 1) whose modulus grows or decays
 * at rate eps and whose frequency depends on the modulus, omega(|b|) = omega0 + kappa (|b| - b0), a
 * field bb = b^2 (charge 2, relaxing to b^2 at rate 1 from its exact value) and a photon number Bb =
 * |b|^2 (charge 0, likewise). From b(0) = b0 (real), bb(0) = b0^2, Bb(0) = b0^2:
 *
 * <pre>  |b|(t) = b0 e^{eps t},  arg b(t) = (omega0 - kappa b0) t + kappa b0 (e^{eps t} - 1) / eps,
 *   bb = b^2, Bb = |b|^2.</pre>
 *
 * The chirp makes the frame frequency change along the transient, so windows must re-estimate it.
 */
record ChirpedField(double eps, double omega0, double kappa, double b0) implements Model {
  static final StateLayout LAYOUT =
      StateLayout.builder().add("b", true, 1).add("bb", true, 2).add("Bb", false, 0).build();

  @Override
  public ModelKind kind() {
    return ModelKind.CIM_d;
  }

  @Override
  public StateLayout layout() {
    return LAYOUT;
  }

  @Override
  public int dots() {
    return 1;
  }

  @Override
  public double pump() {
    return 0;
  }

  @Override
  public Model withPump(double r) {
    return this;
  }

  double omega(double bAbs) {
    return omega0 + kappa * (bAbs - b0);
  }

  @Override
  public void rhs(double t, double[] y, double[] yDot) {
    double re = y[0];
    double im = y[1];
    double w = omega(Math.hypot(re, im));
    yDot[0] = eps * re - w * im;
    yDot[1] = eps * im + w * re;
    // bb relaxes to b^2 (stays equal to it from an exact start), Bb to |b|^2
    // bb' = 2 (eps + i omega) bb + (b^2 - bb): b^2 solves it, and a deviation from b^2 decays
    yDot[2] = 2 * (eps * y[2] - w * y[3]) + (re * re - im * im) - y[2];
    yDot[3] = 2 * (eps * y[3] + w * y[2]) + 2 * re * im - y[3];
    yDot[4] = 2 * eps * (re * re + im * im) + (re * re + im * im) - y[4];
  }

  /** The exact (unwrapped) phase of b at time t. */
  double phase(double t) {
    return (omega0 - kappa * b0) * t + kappa * b0 * Math.expm1(eps * t) / eps;
  }

  /** The exact solution at time t. */
  double[] exact(double t) {
    double a = b0 * Math.exp(eps * t);
    double phase = phase(t);
    return new double[] {a * Math.cos(phase), a * Math.sin(phase), a * a * Math.cos(2 * phase),
        a * a * Math.sin(2 * phase), a * a};
  }

  @Override
  public SparsityPattern sparsity() {
    return null;
  }

  @Override
  public double photons(double[] y) {
    return y[4];
  }

  @Override
  public double upperPopulationMean(double[] y) {
    return 0.5;
  }

  @Override
  public double[] activation(double[] y) {
    return new double[] {0};
  }

  @Override
  public double[] factorisedState(double b, double vc, double cc) {
    return new double[] {b, 0, b * b, 0, b * b};
  }

  @Override
  public double[] lasingInitialState() {
    return factorisedState(b0, 0, 0);
  }

  @Override
  public double[] noFieldState() {
    return new double[5];
  }
}
