package org.qdlaser.stages.integration;

import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.StiffIntegrator;

/** The stiff integrator used for laser transients. */
public final class Integrators {
  private Integrators() {}

  /**
   * Highest BDF order for laser transients. The models have weakly damped oscillatory modes
   * (|Im lambda| >> |Re lambda|, e.g. TPM_IF at g = 7.7e10 s^-1, N = 70) that lie outside the
   * stability regions of BDF3-5 (not A-stable): at higher orders the step size collapses to ~1e-5
   * on a smooth solution (measured: > 3e5 steps to t = 3 at orders 3-4, 3.2e3 steps to t = 870 at
   * order 2). BDF2 is A-stable. (A stability-limit detection as in CVODE would allow higher orders.)
   */
  public static final int LASER_MAX_ORDER = 2;

  /** A new BDF integrator (a workspace: one per thread) with the relaxation tolerances. */
  public static StiffIntegrator bdf(RelaxationSettings s) {
    return new BdfIntegrator(BdfSettings.of(s.rtol(), s.atol()).withMaxOrder(LASER_MAX_ORDER));
  }
}
