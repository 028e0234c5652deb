package org.qdlaser.stages.numerics;

/** A square system F(x) = 0 of real equations. Arrays are caller-owned. */
public interface NonlinearSystem {
  int dimension();

  /** Writes F(x) into {@code out}. */
  void residual(double[] x, double[] out);
}
