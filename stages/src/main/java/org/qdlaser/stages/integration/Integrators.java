package org.qdlaser.stages.integration;

import org.qdlaser.stages.numerics.BdfIntegrator;
import org.qdlaser.stages.numerics.BdfSettings;
import org.qdlaser.stages.numerics.StiffIntegrator;

/** The stiff integrator used for laser transients. */
public final class Integrators {
  private Integrators() {}

  /** A new BDF integrator (a workspace: one per thread) with the relaxation tolerances. */
  public static StiffIntegrator bdf(RelaxationSettings s) {
    return new BdfIntegrator(BdfSettings.of(s.rtol(), s.atol()));
  }
}
