package org.qdlaser.stages.integration;

import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.numerics.sparse.SparsityPattern;
import org.qdlaser.stages.physics.Model;

/**
 * The transient after a pump step: at t = 0 the pump jumps from r1 to r2, the state starting at the
 * steady state of r1 (the paper's Sec. V: "Relaxation oscillations — arising in the transient
 * response following a step change in a parameter"). Integrated by our BDF (orders at most {@link
 * Integrators#LASER_MAX_ORDER}) and sampled on a uniform grid by its dense output.
 *
 * <p>The unknown is the deviation u = z - z2 from the steady state z2 of r2, in the frame rotating
 * with z2 (omega2 = 0 for resonant identical dots: the lab frame): du/dt = f(z2 + u) - omega2 A (z2
 * + u), an exact change of variables. The integrator's error control is then relative to the
 * transient itself, which for a small step is ~(r2 - r1) / r of the state and decays by e^-10 over
 * a fit window; integrating z instead controls the error relative to the state, and the transient
 * of a 1e-4 step drowned in it (TPM_IF, gamma = 1e15 s^-1: fitted frequency off by 2e-3 at rtol
 * 1e-12, measured). Phase-invariant observables (|b|, photons, populations) are the same in every
 * frame.
 */
public final class PumpStep {
  /**
   * Relative tolerance on the deviation. The fitted frequency and damping must agree with the
   * eigenvalues to ~1e-5 when nonlinearity is negligible (steps of 1e-4), and BDF2's phase error per
   * period grows like (omega h)^2, so the steps must resolve each period finely: 1e-10.
   */
  public static final double RTOL = 1e-10;
  /**
   * Absolute tolerance of each deviation component, relative to the largest initial deviation: a
   * floor that only matters for components that start at zero.
   */
  public static final double ATOL_RELATIVE = 1e-9;

  private PumpStep() {}

  /**
   * A sampled transient.
   *
   * @param time sample times after the step (1/gamma_nr), uniform from 0
   * @param bAbs |<b>| at each sample
   * @param photons {@code <b+ b>} at each sample
   * @param upperPopulation mean {@code <c+ c>} at each sample
   */
  public record Transient(double[] time, double[] bAbs, double[] photons, double[] upperPopulation) {
    public Transient {
      int n = time.length;
      if (bAbs.length != n || photons.length != n || upperPopulation.length != n) {
        throw new IllegalArgumentException("transient columns must have equal lengths");
      }
      time = time.clone();
      bAbs = bAbs.clone();
      photons = photons.clone();
      upperPopulation = upperPopulation.clone();
    }

    @Override public double[] time() { return time.clone(); }
    @Override public double[] bAbs() { return bAbs.clone(); }
    @Override public double[] photons() { return photons.clone(); }
    @Override public double[] upperPopulation() { return upperPopulation.clone(); }
  }

  /**
   * Integrates {@code after} (the model at r2) from {@code start} (the steady state at r1, gauged
   * like {@code target}) for {@code duration}, sampled at {@code samples} equally spaced times
   * including 0 and {@code duration}.
   *
   * @param target the steady state z2 at r2 (from Newton; caller-owned, read only)
   * @param omega its rotation frequency omega2 (units of gamma_nr)
   */
  public static Transient integrate(Model after, double[] target, double omega, double[] start, double duration, int samples) {
    int n = after.dimension();
    double[] u0 = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      u0[i] = start[i] - target[i];
      max = Math.max(max, Math.abs(u0[i]));
    }
    if (!(max > 0)) {
      throw new IllegalArgumentException("the start state equals the target state: no transient");
    }
    double[] atol = new double[n];
    for (int i = 0; i < n; i++) {
      atol[i] = RTOL * Math.max(Math.abs(u0[i]), ATOL_RELATIVE * max);
    }
    BdfSettings settings = BdfSettings.of(RTOL, RTOL * max).withAtolPerComponent(atol)
        .withMaxOrder(Integrators.LASER_MAX_ORDER).withMaxSteps(10_000_000L);
    return integrate(after, target, omega, start, duration, samples, settings);
  }

  /** As {@link #integrate(Model, double[], double, double[], double, int)} with explicit settings (on the deviation). */
  public static Transient integrate(
      Model after, double[] target, double omega, double[] start, double duration, int samples, BdfSettings settings) {
    if (!(duration > 0) || Double.isInfinite(duration)) {
      throw new IllegalArgumentException("pump-step duration must be positive and finite, got " + duration);
    }
    if (samples < 2) {
      throw new IllegalArgumentException("pump step needs at least 2 samples, got " + samples);
    }
    int n = after.dimension();
    if (target.length != n || start.length != n) {
      throw new IllegalArgumentException("states must have the model's dimension " + n + ", got " + target.length
          + " and " + start.length);
    }
    Deviation system = new Deviation(after, target, omega);
    double[] u0 = new double[n];
    for (int i = 0; i < n; i++) {
      u0[i] = start[i] - target[i];
    }
    double[] t = new double[samples];
    double[] b = new double[samples];
    double[] ph = new double[samples];
    double[] cc = new double[samples];
    double dt = duration / (samples - 1);
    for (int k = 0; k < samples; k++) {
      t[k] = k == samples - 1 ? duration : k * dt;
    }
    double[] z = new double[n];
    system.state(u0, z);
    record(after, z, 0, b, ph, cc);
    BdfIntegrator bdf = new BdfIntegrator(settings);
    double[] u = new double[n];
    int[] next = {1};
    bdf.integrate(system, 0.0, u0, duration, (time, uu, uDot) -> {
      // Every grid time inside the step just accepted, from the step's dense output.
      while (next[0] < samples && t[next[0]] <= time) {
        bdf.interpolate(Math.max(t[next[0]], bdf.lastStepStart()), u);
        system.state(u, z);
        record(after, z, next[0], b, ph, cc);
        next[0]++;
      }
    }, StopCondition.NEVER);
    if (next[0] < samples) {
      throw new IllegalStateException("pump step ended before its last sample: " + next[0] + " of " + samples);
    }
    return new Transient(t, b, ph, cc);
  }

  private static void record(Model m, double[] y, int k, double[] b, double[] ph, double[] cc) {
    b[k] = m.fieldAmplitude(y);
    ph[k] = m.photons(y);
    cc[k] = m.upperPopulationMean(y);
  }

  /** du/dt = f(z2 + u) - omega A (z2 + u); owns its work arrays (one per integration). */
  static final class Deviation implements OdeSystem {
    private final Model model;
    private final double[] target;
    private final double omega;
    private final double[] z;
    private final double[] az;

    Deviation(Model model, double[] target, double omega) {
      this.model = model;
      this.target = target.clone();
      this.omega = omega;
      this.z = new double[target.length];
      this.az = new double[target.length];
    }

    void state(double[] u, double[] out) {
      for (int i = 0; i < u.length; i++) {
        out[i] = target[i] + u[i];
      }
    }

    @Override
    public int dimension() {
      return target.length;
    }

    @Override
    public void rhs(double t, double[] u, double[] du) {
      state(u, z);
      model.rhs(t, z, du);
      if (omega != 0) {
        model.layout().applyRotationGenerator(z, az);
        for (int i = 0; i < du.length; i++) {
          du[i] -= omega * az[i];
        }
      }
    }

    private SparsityPattern pattern;

    /** Exact when the model's Jacobian is: d/du of f(target + u) - omega A (target + u). */
    @Override
    public boolean hasSparseJacobian() {
      return model.hasSparseJacobian() && model.sparsity() != null;
    }

    @Override
    public void sparseJacobian(double t, double[] u, double[] values) {
      state(u, z);
      org.qdlaser.stages.physics.FrameJacobian.of(model, sparsity(), -1).fill(model, z, omega, values);
    }

    @Override
    public SparsityPattern sparsity() {
      if (pattern == null) {
        pattern = rotatingPattern();
      }
      return pattern;
    }

    private SparsityPattern rotatingPattern() {
      SparsityPattern p = model.sparsity();
      if (p == null || omega == 0) {
        return p;
      }
      // The rotation couples (re, im) of each charged field: add those 2 x 2 blocks.
      int n = p.n();
      int[] rs = p.rowStart();
      int[] cs = p.columns();
      int[] partner = new int[n];
      java.util.Arrays.fill(partner, -1);
      for (org.qdlaser.stages.physics.Field f : model.layout().fields()) {
        if (f.complex() && f.charge() != 0) {
          partner[f.offset()] = f.offset() + 1;
          partner[f.offset() + 1] = f.offset();
        }
      }
      int[][] rows = new int[n][];
      for (int i = 0; i < n; i++) {
        java.util.TreeSet<Integer> row = new java.util.TreeSet<>();
        for (int k = rs[i]; k < rs[i + 1]; k++) {
          row.add(cs[k]);
        }
        if (partner[i] >= 0) {
          row.add(i);
          row.add(partner[i]);
        }
        rows[i] = row.stream().mapToInt(Integer::intValue).toArray();
      }
      return SparsityPattern.fromRows(rows);
    }
  }
}
