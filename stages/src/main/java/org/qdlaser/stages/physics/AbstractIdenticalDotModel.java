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

  @Override
  public double[] lasingInitialState() {
    double b0 = Math.max(1.0, Math.sqrt(p.n() * Math.max(p.r(), 1.0) / (2 * p.gammaC())));
    double vc = p.g() == 0 ? 0.0 : p.gammaC() * b0 / (p.n() * p.g());
    return factorisedState(b0, vc, 0.5);
  }

  @Override
  public double[] noFieldState() {
    return factorisedState(0.0, 0.0, p.r() / (p.r() + p.gammaNr() + p.gammaNl()));
  }
}
