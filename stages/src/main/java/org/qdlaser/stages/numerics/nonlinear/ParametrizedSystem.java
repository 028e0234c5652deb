package org.qdlaser.stages.numerics.nonlinear;

/** A family F(x; p) = 0 of square systems depending on one real parameter p. Arrays are caller-owned. */
public interface ParametrizedSystem {
  /** Number of unknowns (and equations) at fixed p. */
  int dimension();

  /** Writes F(x; p) into {@code out}. */
  void residual(double[] x, double p, double[] out);
}
