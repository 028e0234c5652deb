package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.qdlaser.stages.physics.Model;

/**
 * The relaxation oscillation of a stable steady state read off its linearisation: the rightmost
 * complex-conjugate eigenvalue pair lambda = -damping +- i frequency of the rotating-frame Jacobian
 * (phase mode removed for a lasing state, as in {@link StabilityAnalyzer}). A small perturbation
 * (a pump step, say) relaxes as a sum of e^{lambda t} over the spectrum; the rightmost complex pair
 * is the oscillation that survives longest.
 *
 * <p>"Rightmost complex pair", not "rightmost eigenvalue": in these models the rightmost eigenvalue
 * of a lasing state is usually real (the exchange between coherent and incoherent photons, rate
 * ~2 gamma_c^2 / (gamma + gamma_c) in the CIM), slower than every oscillation. The pair is then
 * still reported, with {@link #leading} false and the slower real mode's rate: the transient
 * oscillates at this frequency while it lasts, on top of a slower monotonic relaxation. Where the
 * spectrum has no resolved complex pair (every mode overdamped) there is no relaxation oscillation
 * ({@link #of} is empty). docs/decisions.md, "Relaxation oscillations".
 *
 * <p>Units: rates and angular frequencies in gamma_nr (time in 1/gamma_nr); multiply by gamma_nr in
 * s^-1 for rad/s and s^-1 ({@link #frequencyPerSecond}, {@link #dampingPerSecond}).
 *
 * @param frequency |Im lambda| of the pair (angular frequency)
 * @param damping -Re lambda of the pair (positive for a stable state)
 * @param uncertainty |lambda| change between central-difference Jacobians at two step sizes (the
 *     pair's finite-difference error estimate; same units)
 * @param leading whether the pair is the rightmost part of the spectrum (no real eigenvalue lies to
 *     its right by more than the uncertainty): then it governs the late transient
 * @param slowerRealRate -Re of the rightmost real eigenvalue if it lies right of the pair ({@code
 *     leading} false), else NaN
 * @param separation distance in the complex plane from the pair's upper eigenvalue to the nearest
 *     other eigenvalue (its conjugate excluded); how well a time-domain fit can single it out
 * @param completeSpectrum false for the sparse path (large models), which resolves only the
 *     eigenvalues nearest 0 and nearest R ({@link StabilityAnalyzer}): a pair is then reported only
 *     when it is leading (the rightmost eigenvalue, which that path does find)
 */
public record RelaxationOscillation(
    double frequency, double damping, double uncertainty, boolean leading, double slowerRealRate,
    double separation, boolean completeSpectrum) {

  /**
   * Floor, relative to |lambda|, below which an imaginary part counts as zero: a real double
   * eigenvalue (identical charge-1 blocks of a non-lasing state) comes out of the QR iteration as a
   * pair with |Im| ~ 1e-9 |lambda| (TPM, Table I, r = 3e4: -1.551e-3 +- 7.2e-12 i).
   */
  static final double REAL_RELATIVE = 1e-6;
  /** Floor of the resolution relative to the balanced Jacobian norm (as {@link StabilityAnalyzer#ROUNDING_MARGIN}). */
  static final double ROUNDING_RELATIVE = StabilityAnalyzer.ROUNDING_MARGIN;

  /** Angular frequency in rad/s, given gamma_nr in s^-1. */
  public double frequencyPerSecond(double gammaNrPerSecond) {
    return frequency * gammaNrPerSecond;
  }

  /** Damping rate in s^-1, given gamma_nr in s^-1. */
  public double dampingPerSecond(double gammaNrPerSecond) {
    return damping * gammaNrPerSecond;
  }

  /** Quality factor frequency / (2 damping): oscillations per e-folding of the energy, times pi. */
  public double qualityFactor() {
    return frequency / (2 * damping);
  }

  /**
   * The relaxation oscillation of a steady state; empty for an unstable or unsettled state (no
   * steady state to relax to) and where no complex pair is resolved.
   */
  public static Optional<RelaxationOscillation> of(Model model, Equilibrium e) {
    if (!e.stable() || e.unsettled() != null) {
      return Optional.empty();
    }
    return of(model, e.state(), e.omega(), e.lasing());
  }

  /**
   * The relaxation oscillation at state {@code y} (a steady state in the frame rotating at {@code
   * omega}; {@code lasing}: remove the phase mode). Does not check stability.
   */
  public static Optional<RelaxationOscillation> of(Model model, double[] y, double omega, boolean lasing) {
    boolean dense = model.dimension() <= StabilityAnalyzer.MAX_DENSE_DIMENSION || model.sparsity() == null;
    StabilityAnalyzer.Eigenvalues first = dense
        ? StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, 1.0)
        : StabilityAnalyzer.sparseEigenvalues(model, y, omega, lasing, 1.0);
    StabilityAnalyzer.Eigenvalues second = dense
        ? StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, StabilityAnalyzer.NOISE_STEP_FACTOR)
        : StabilityAnalyzer.sparseEigenvalues(model, y, omega, lasing, StabilityAnalyzer.NOISE_STEP_FACTOR);
    Optional<RelaxationOscillation> ro = fromSpectra(first, second, dense);
    // The sparse path finds the rightmost eigenvalue, not necessarily the rightmost complex pair: a
    // pair that is not leading may have a neighbour further right that Arnoldi did not resolve
    // (TPM_IF_d, N = 50, S3, Table I: the dense rightmost pair is -5011 +- 37007 i, the sparse
    // path's -6436 +- 3.7 i). Only a leading pair is certain.
    return dense ? ro : ro.filter(RelaxationOscillation::leading);
  }

  /**
   * Stability and relaxation oscillation of a steady state from the same spectra (one pair of dense
   * eigenproblems instead of three for {@link StabilityAnalyzer#analyse} plus {@link #of}).
   *
   * @param stability the verdict of {@link StabilityAnalyzer} on this state
   * @param relaxation the relaxation oscillation if the state is stable and has a resolved pair
   */
  public record Analysis(StabilityAnalyzer.Spectrum stability, Optional<RelaxationOscillation> relaxation) {}

  /** {@link Analysis} of state {@code y} (a steady state in the frame rotating at {@code omega}). */
  public static Analysis analyse(Model model, double[] y, double omega, boolean lasing) {
    boolean dense = model.dimension() <= StabilityAnalyzer.MAX_DENSE_DIMENSION || model.sparsity() == null;
    if (!dense) {
      StabilityAnalyzer.Spectrum s = StabilityAnalyzer.analyse(model, y, omega, lasing);
      return new Analysis(s, s.stable() ? of(model, y, omega, lasing) : Optional.empty());
    }
    StabilityAnalyzer.Eigenvalues first = StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, 1.0);
    StabilityAnalyzer.Eigenvalues second =
        StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, StabilityAnalyzer.NOISE_STEP_FACTOR);
    StabilityAnalyzer.Spectrum s = StabilityAnalyzer.verdict(StabilityAnalyzer.rightmost(first), () -> StabilityAnalyzer.rightmost(second));
    return new Analysis(s, s.stable() ? fromSpectra(first, second, true) : Optional.empty());
  }

  /**
   * The pair from the spectra of two difference steps: an eigenvalue of the first is complex when
   * |Im| exceeds {@link StabilityAnalyzer#NOISE_SAFETY} times its change to the nearest eigenvalue
   * of the second, {@link #ROUNDING_RELATIVE} of the norm and {@link #REAL_RELATIVE} of |lambda|.
   */
  static Optional<RelaxationOscillation> fromSpectra(
      StabilityAnalyzer.Eigenvalues first, StabilityAnalyzer.Eigenvalues second, boolean complete) {
    double[] re = first.re();
    double[] im = first.im();
    int pair = -1;
    double pairChange = 0;
    double rightmostReal = Double.NEGATIVE_INFINITY;
    double rightmostRealChange = 0;
    for (int i = 0; i < re.length; i++) {
      double change = nearestDistance(second, re[i], im[i]);
      double resolution = Math.max(StabilityAnalyzer.NOISE_SAFETY * change,
          Math.max(ROUNDING_RELATIVE * first.norm(), REAL_RELATIVE * Math.hypot(re[i], im[i])));
      if (Math.abs(im[i]) > resolution) {
        if (im[i] > 0 && (pair < 0 || re[i] > re[pair])) {
          pair = i;
          pairChange = change;
        }
      } else if (re[i] > rightmostReal) {
        rightmostReal = re[i];
        rightmostRealChange = change;
      }
    }
    if (pair < 0) {
      return Optional.empty();
    }
    double separation = Double.POSITIVE_INFINITY;
    for (int i = 0; i < re.length; i++) {
      boolean self = i == pair || (re[i] == re[pair] && im[i] == -im[pair]);
      if (!self) {
        separation = Math.min(separation, Math.hypot(re[i] - re[pair], im[i] - im[pair]));
      }
    }
    boolean leading = rightmostReal <= re[pair] + Math.max(pairChange, rightmostRealChange);
    return Optional.of(new RelaxationOscillation(im[pair], -re[pair], pairChange, leading,
        leading ? Double.NaN : -rightmostReal, separation, complete));
  }

  private static double nearestDistance(StabilityAnalyzer.Eigenvalues ev, double re, double im) {
    double best = Double.POSITIVE_INFINITY;
    double[] r = ev.re();
    double[] m = ev.im();
    for (int i = 0; i < r.length; i++) {
      best = Math.min(best, Math.hypot(r[i] - re, m[i] - im));
    }
    return best;
  }
}
