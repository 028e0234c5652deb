package org.qdlaser.stages.numerics.testproblems;

import java.util.Objects;
import org.qdlaser.stages.numerics.ode.OdeSystem;

/**
 * A named initial value problem: system, interval and initial state, and the scaling of its
 * customary absolute tolerance.
 *
 * @param name problem name (upper case, e.g. ROBER)
 * @param system the right-hand side
 * @param t0 start time
 * @param t1 end time
 * @param y0 initial state (copied in and out)
 * @param atolPerRtol customary atol / rtol: atol = atolPerRtol * rtol keeps every component of the
 *     reference solution above atol, i.e. under relative error control
 */
public record StiffTestProblem(String name, OdeSystem system, double t0, double t1, double[] y0, double atolPerRtol) {
  public StiffTestProblem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(system, "system");
    y0 = y0.clone();
    if (y0.length != system.dimension()) {
      throw new IllegalArgumentException("y0 has length " + y0.length + ", system dimension " + system.dimension());
    }
    if (!(t1 > t0) || !(atolPerRtol > 0)) {
      throw new IllegalArgumentException("need t1 > t0 and atolPerRtol > 0");
    }
  }

  @Override
  public double[] y0() {
    return y0.clone();
  }

  /** The customary absolute tolerance for relative tolerance rtol (state units). */
  public double defaultAtol(double rtol) {
    return atolPerRtol * rtol;
  }
}
