package org.qdlaser.stages.simple;

import java.util.Objects;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.physics.simple.CwRateEquations;
import org.qdlaser.stages.physics.simple.CwSteadyState;
import org.qdlaser.stages.physics.simple.CwThreshold;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameters;

/** cw gain of a Simple Model (paper Figs. 6d, 7b): steady states against pump, and transients. */
public final class CwGain {
  /**
   * BDF tolerances of the transients: populations are fractions in [0, 1]; 1e-10 / 1e-12 keeps the
   * curves exact to plotting precision and the tests' 1e-8 agreement with the steady state.
   */
  static final double RTOL = 1e-10;

  static final double ATOL = 1e-12;

  private CwGain() {}

  /**
   * Steady states along the pump axis.
   *
   * @param kind model
   * @param pumps pump rates W, units of gamma_X (copied)
   * @param populations N_i per pump, row-major (pumps x levels)
   * @param gain small-signal gain per pump
   * @param inversion N_u - N_l per pump
   * @param threshold the cw threshold of the model
   */
  public record Curve(SimpleModelKind kind, double[] pumps, double[] populations, double[] gain, double[] inversion,
      CwThreshold threshold) {
    public Curve {
      Objects.requireNonNull(kind, "kind");
      pumps = pumps.clone();
      populations = populations.clone();
      gain = gain.clone();
      inversion = inversion.clone();
    }

    @Override
    public double[] pumps() {
      return pumps.clone();
    }

    @Override
    public double[] populations() {
      return populations.clone();
    }

    @Override
    public double[] gain() {
      return gain.clone();
    }

    @Override
    public double[] inversion() {
      return inversion.clone();
    }
  }

  /**
   * A transient from the ground state at fixed pump.
   *
   * @param kind model
   * @param pump W, units of gamma_X
   * @param times sample times, 1/gamma_X, increasing from &gt;= 0
   * @param populations N_i per time, row-major (times x levels)
   * @param gain small-signal gain per time
   * @param steadyState the steady state the transient approaches
   */
  public record Trace(SimpleModelKind kind, double pump, double[] times, double[] populations, double[] gain,
      CwSteadyState steadyState) {
    public Trace {
      Objects.requireNonNull(kind, "kind");
      times = times.clone();
      populations = populations.clone();
      gain = gain.clone();
    }

    @Override
    public double[] times() {
      return times.clone();
    }

    @Override
    public double[] populations() {
      return populations.clone();
    }

    @Override
    public double[] gain() {
      return gain.clone();
    }
  }

  /** Steady states of {@code p}'s model at each pump (its own pump is ignored). */
  public static Curve curve(SimpleParameters p, double[] pumps) {
    int levels = p.kind().scheme().levels();
    double[] pop = new double[pumps.length * levels];
    double[] gain = new double[pumps.length];
    double[] inv = new double[pumps.length];
    for (int i = 0; i < pumps.length; i++) {
      CwSteadyState s = new CwRateEquations(p.kind().scheme(), p.cw().withPump(pumps[i])).steadyState();
      System.arraycopy(s.populations(), 0, pop, i * levels, levels);
      gain[i] = s.gain();
      inv[i] = s.inversion();
    }
    return new Curve(p.kind(), pumps, pop, gain, inv, CwThreshold.of(p.kind().scheme(), p.cw()));
  }

  /**
   * The transient from the ground state at {@code p}'s pump, by variable-order BDF, sampled at
   * {@code times} (increasing, the first &gt;= 0).
   */
  public static Trace trace(SimpleParameters p, double[] times) {
    CwRateEquations eq = new CwRateEquations(p.kind().scheme(), p.cw());
    int levels = eq.dimension();
    double[] pop = new double[times.length * levels];
    double[] gain = new double[times.length];
    BdfIntegrator bdf = new BdfIntegrator(BdfSettings.of(RTOL, ATOL));
    double t = 0;
    double[] y = eq.groundState();
    for (int k = 0; k < times.length; k++) {
      if (!(times[k] >= t)) {
        throw new IllegalArgumentException("trace times must increase from >= 0, got " + times[k] + " after " + t);
      }
      if (times[k] > t) {
        y = bdf.integrate(eq, t, y, times[k], StepObserver.NONE, StopCondition.NEVER).y();
        t = times[k];
      }
      System.arraycopy(y, 0, pop, k * levels, levels);
      gain[k] = eq.gain(y);
    }
    return new Trace(p.kind(), p.cw().pump(), times, pop, gain, eq.steadyState());
  }
}
