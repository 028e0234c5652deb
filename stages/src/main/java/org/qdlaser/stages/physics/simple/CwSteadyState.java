package org.qdlaser.stages.physics.simple;

/**
 * The cw steady state of a level scheme.
 *
 * @param populations N_i in the level order of {@link LevelScheme#levelNames()}, summing to 1 (cloned)
 * @param gain small-signal gain N_u - N_l - r N_u, units of sigma_SE times the number of dots
 * @param inversion N_u - N_l
 * @param residual max_i |(M N)_i|, units of gamma_X
 * @param relaxationRate slowest relaxation rate towards the steady state, units of gamma_X
 */
public record CwSteadyState(double[] populations, double gain, double inversion, double residual, double relaxationRate) {

  public CwSteadyState {
    populations = populations.clone();
  }

  @Override
  public double[] populations() {
    return populations.clone();
  }

  /** Whether every perturbation decays (all non-zero eigenvalues of M in the left half plane). */
  public boolean stable() {
    return relaxationRate > 0;
  }
}
