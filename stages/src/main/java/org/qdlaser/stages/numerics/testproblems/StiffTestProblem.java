package org.qdlaser.stages.numerics.testproblems;

import java.util.Arrays;
import java.util.Objects;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.numerics.ode.OdeSystem;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StiffIntegrator;
import org.qdlaser.stages.numerics.ode.StopCondition;

/**
 * A named initial value problem: system, interval and initial state, the problem's customary
 * absolute tolerance, the points where its right-hand side jumps, and its reference solution at t1.
 *
 * @param name problem name (upper case, e.g. ROBER)
 * @param system the right-hand side
 * @param t0 start time
 * @param t1 end time
 * @param y0 initial state (copied in and out)
 * @param atolPerRtol customary atol / rtol (atol = atolPerRtol * rtol); ignored if {@code fixedAtol} > 0
 * @param fixedAtol customary absolute tolerance independent of rtol (state units), or 0
 * @param breakpoints times in (t0, t1), increasing, where f is discontinuous in t: integrations stop
 *     and restart there, as the Test Set's drivers do (copied in and out; empty if none)
 * @param reference reference solution at t1 (copied in and out), or null
 * @param referenceSource where {@code reference} comes from (publication, file, how it was
 *     computed), or "" without a reference
 * @param unscoredComponents components (0-based) left out of {@link #maxRelativeError}, each for a
 *     reason given at the problem's definition (copied in and out; empty if none)
 */
public record StiffTestProblem(
    String name, OdeSystem system, double t0, double t1, double[] y0,
    double atolPerRtol, double fixedAtol, double[] breakpoints,
    double[] reference, String referenceSource, int[] unscoredComponents) {

  public StiffTestProblem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(referenceSource, "referenceSource");
    y0 = y0.clone();
    breakpoints = breakpoints.clone();
    unscoredComponents = unscoredComponents.clone();
    final int n = system.dimension();
    if (y0.length != n) {
      throw new IllegalArgumentException("y0 has length " + y0.length + ", system dimension " + n);
    }
    if (!(t1 > t0) || !(atolPerRtol > 0) || !(fixedAtol >= 0)) {
      throw new IllegalArgumentException("need t1 > t0, atolPerRtol > 0 and fixedAtol >= 0");
    }
    double previous = t0;
    for (double b : breakpoints) {
      if (!(b > previous && b < t1)) {
        throw new IllegalArgumentException("breakpoints must increase strictly inside (t0, t1): " + Arrays.toString(breakpoints));
      }
      previous = b;
    }
    if (reference != null) {
      reference = reference.clone();
      if (reference.length != n) {
        throw new IllegalArgumentException("reference has length " + reference.length + ", system dimension " + n);
      }
      if (referenceSource.isBlank()) {
        throw new IllegalArgumentException("a reference solution needs its source");
      }
    }
    for (int i : unscoredComponents) {
      if (i < 0 || i >= n) {
        throw new IllegalArgumentException("unscored component " + i + " outside 0.." + (n - 1));
      }
    }
  }

  /** A problem with an atol proportional to rtol, no breakpoints and no reference solution. */
  public StiffTestProblem(String name, OdeSystem system, double t0, double t1, double[] y0, double atolPerRtol) {
    this(name, system, t0, t1, y0, atolPerRtol, 0.0, new double[0], null, "", new int[0]);
  }

  @Override
  public double[] y0() {
    return y0.clone();
  }

  @Override
  public double[] breakpoints() {
    return breakpoints.clone();
  }

  @Override
  public double[] reference() {
    return reference == null ? null : reference.clone();
  }

  @Override
  public int[] unscoredComponents() {
    return unscoredComponents.clone();
  }

  /** The customary absolute tolerance for relative tolerance rtol (state units). */
  public double defaultAtol(double rtol) {
    return fixedAtol > 0 ? fixedAtol : atolPerRtol * rtol;
  }

  /** Whether a reference solution at t1 is known. */
  public boolean hasReference() {
    return reference != null;
  }

  /**
   * Error of a final state against the reference: max over the scored components of
   * |y_i - ref_i| / max(|ref_i|, atol). Components whose reference is below atol are judged against
   * atol, i.e. against what the absolute tolerance asked for.
   *
   * @param y state at t1
   * @param atol the absolute tolerance of the run (state units), positive
   * @throws IllegalStateException without a reference solution
   */
  public double maxRelativeError(double[] y, double atol) {
    if (reference == null) {
      throw new IllegalStateException(name + " has no reference solution");
    }
    if (y.length != reference.length) {
      throw new IllegalArgumentException("state has length " + y.length + ", reference " + reference.length);
    }
    double worst = 0;
    for (int i = 0; i < reference.length; i++) {
      if (!isUnscored(i)) {
        worst = Math.max(worst, Math.abs(y[i] - reference[i]) / Math.max(Math.abs(reference[i]), atol));
      }
    }
    return worst;
  }

  private boolean isUnscored(int i) {
    for (int u : unscoredComponents) {
      if (u == i) {
        return true;
      }
    }
    return false;
  }

  /**
   * Integrates the problem from t0 to t1, restarting the integrator at every breakpoint (a
   * restart starts afresh at order 1 from the state reached, so no step straddles a jump of f).
   *
   * @return the state at t1 with the work counters summed over the pieces
   */
  public IntegrationResult solve(StiffIntegrator integrator) {
    double[] y = y0.clone();
    double t = t0;
    IntegratorStats total = new IntegratorStats(0, 0, 0, 0, 0, 0);
    for (int piece = 0; piece <= breakpoints.length; piece++) {
      final double end = piece < breakpoints.length ? breakpoints[piece] : t1;
      IntegrationResult r = integrator.integrate(system, t, y, end, StepObserver.NONE, StopCondition.NEVER);
      total = total.plus(r.stats());
      y = r.y();
      t = r.t();
    }
    return new IntegrationResult(t, y, false, total);
  }
}
