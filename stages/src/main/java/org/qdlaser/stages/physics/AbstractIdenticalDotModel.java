package org.qdlaser.stages.physics;

/** Shared parameter handling of the identical-dot models. */
abstract class AbstractIdenticalDotModel implements Model {
  protected final LaserParameters p;

  AbstractIdenticalDotModel(LaserParameters p) {
    this.p = java.util.Objects.requireNonNull(p, "parameters");
  }

  public LaserParameters parameters() {
    return p;
  }

  @Override
  public int dots() {
    return p.n();
  }

  @Override
  public double pump() {
    return p.r();
  }

  @Override
  public double upperPopulationMean(double[] y) {
    return y[layout().field("Cc").offset()];
  }

  @Override
  public double[] activation(double[] y) {
    int o = layout().field("Vc").offset();
    double a = y[o] * y[o] + y[o + 1] * y[o + 1];
    double[] out = new double[p.n()];
    java.util.Arrays.fill(out, a);
    return out;
  }

  /** Sets a field (complex: re, im; real: re) in a state array. */
  protected final void set(double[] y, String name, double re, double im) {
    Field f = layout().field(name);
    y[f.offset()] = re;
    if (f.complex()) {
      y[f.offset() + 1] = im;
    }
  }
}
