package org.qdlaser.stages.equilibrium;

import java.util.Optional;
import org.qdlaser.stages.physics.Model;

/**
 * The relaxation oscillation of a stable steady state read off its linearisation: the rightmost
 * complex-conjugate eigenvalue pair lambda = -damping +- i frequency of the rotating-frame Jacobian
 * (phase mode removed for a lasing state, as in {@link StabilityAnalyzer}) that a pump step
 * excites. After a small step the state relaxes as a sum of c e^{lambda t} over the spectrum
 * ({@link PumpStepResponse}); the pair is the oscillation of that transient that survives longest,
 * which is what the paper's Sec. V calls relaxation oscillations ("arising in the transient response
 * following a step change in a parameter").
 *
 * <p>"Excites": an amplitude of at least {@link #EXCITED} per unit relative pump step in the mean
 * upper population or in the photon number's relative modulation. Pairs a step cannot excite by
 * symmetry (the phase quadrature of resonant identical dots; charged sectors of a non-lasing state)
 * have amplitudes at the rounding level, ~1e-12; a detuned dot's own polarisation decay in CIM_d,
 * ~1e-9. A pair not excited is skipped; the next one to its left is tried. The amplitudes are
 * reported: most excited pairs at Table I are far too weak to see (TPM_IF: ~1e-6).
 *
 * <p>"Rightmost pair", not "rightmost eigenvalue": in these models the rightmost eigenvalue of a
 * lasing state is usually real (the exchange between coherent and incoherent photons, rate
 * ~2 gamma_c^2 / (gamma + gamma_c) in the CIM), slower than every oscillation. The pair is then
 * still reported, with {@link #leading} false and the slower real mode's rate: the transient
 * oscillates at this frequency while it lasts, on top of a slower monotonic relaxation. Where no
 * excited pair is resolved (every excited mode overdamped) there is no relaxation oscillation
 * ({@link #of} is empty). docs/decisions.md, "Relaxation oscillations".
 *
 * <p>Units: rates and angular frequencies in gamma_nr (time in 1/gamma_nr); multiply by gamma_nr in
 * s^-1 for rad/s and s^-1 ({@link #frequencyPerSecond}, {@link #dampingPerSecond}).
 *
 * @param frequency |Im lambda| of the pair (angular frequency)
 * @param damping -Re lambda of the pair (positive for a stable state)
 * @param uncertainty |lambda| change between central-difference Jacobians at two step sizes (the
 *     pair's finite-difference error estimate; same units)
 * @param leading whether the pair is the rightmost part of the spectrum (no eigenvalue but its own
 *     conjugate lies to its right by more than the uncertainty): then it governs the late transient
 * @param slowerRealRate -Re of the rightmost real eigenvalue if it lies right of the pair, else NaN
 * @param separation distance in the complex plane from the pair's upper eigenvalue to the nearest
 *     other eigenvalue (its conjugate excluded); how well a time-domain fit can single it out
 * @param completeSpectrum false for the sparse path (large models), which resolves only the
 *     eigenvalues nearest 0 and nearest R ({@link StabilityAnalyzer}): a pair is then reported only
 *     when it is leading (the rightmost eigenvalue, which that path does find), without amplitudes
 * @param populationAmplitude the amplitude of the pair's oscillation in the mean upper population
 *     per unit relative pump step dr / r, in the linear response; NaN on the sparse path
 * @param photonAmplitude the same in the photon number, relative to {@code <b+ b>}: the photon
 *     number's modulation depth per unit relative pump step; NaN on the sparse path
 */
public record RelaxationOscillation(
    double frequency, double damping, double uncertainty, boolean leading, double slowerRealRate,
    double separation, boolean completeSpectrum, double populationAmplitude, double photonAmplitude) {

  /**
   * Floor, relative to |lambda|, below which an imaginary part counts as zero: a real double
   * eigenvalue (identical charge-1 blocks of a non-lasing state) comes out of the QR iteration as a
   * pair with |Im| ~ 1e-9 |lambda| (TPM, Table I, r = 3e4: -1.551e-3 +- 7.2e-12 i).
   */
  static final double REAL_RELATIVE = 1e-6;
  /** Floor of the resolution relative to the balanced Jacobian norm (as {@link StabilityAnalyzer#ROUNDING_MARGIN}). */
  static final double ROUNDING_RELATIVE = StabilityAnalyzer.ROUNDING_MARGIN;
  /**
   * Smallest amplitude per unit relative pump step (population, or relative photon modulation) of an
   * excited pair, between the classes measured at Table I: pairs a step cannot excite by symmetry
   * come out at ~1e-12 (the residue's rounding), a detuned dot's own polarisation decay in CIM_d at
   * <= 1.2e-9 (S3, w_QD = gamma, 6e13 s^-1), the collective pairs at >= 3.6e-7 (TPM_IF's Rabi pair
   * at 1e15 s^-1, the weakest). A pair below it moves the population by less than 1e-9 after a 10 %
   * step.
   */
  public static final double EXCITED = 1e-8;

  /**
   * Amplitude per unit relative pump step above which a pair counts as visible: a 10 % step then
   * moves the population, or the photon number relatively, by 1e-5 or more. At Table I the CIM's
   * pairs (0.12 .. 0.9 in the population) are visible, TPM_IF's and TPM's Rabi pairs (<= 5e-5) are
   * not.
   */
  public static final double VISIBLE = 1e-4;

  /** Whether a pump step makes this pair visible ({@link #VISIBLE}); false without amplitudes (sparse path). */
  public boolean visible() {
    return populationAmplitude >= VISIBLE || photonAmplitude >= VISIBLE;
  }

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
   * Why {@link #of(Model, Equilibrium)} is empty for {@code e} (for reports: "null with a reason"),
   * or null if it is not.
   */
  public static String absenceReason(Model model, Equilibrium e, Optional<RelaxationOscillation> found) {
    if (found.isPresent()) {
      return null;
    }
    if (e.unsettled() != null) {
      return "the transient did not settle: no steady state to relax to";
    }
    if (!e.stable()) {
      return "the steady state is unstable: no steady state to relax to";
    }
    boolean dense = model.dimension() <= StabilityAnalyzer.MAX_DENSE_DIMENSION || model.sparsity() == null;
    return dense
        ? "no complex eigenvalue pair that a pump step excites is resolved: every excited mode is overdamped"
        : "no leading complex pair (large model: the sparse eigensolver resolves only the rightmost eigenvalues,"
            + " not every pair)";
  }

  /**
   * The relaxation oscillation at state {@code y} (a steady state in the frame rotating at {@code
   * omega}; {@code lasing}: remove the phase mode). Does not check stability.
   */
  public static Optional<RelaxationOscillation> of(Model model, double[] y, double omega, boolean lasing) {
    boolean dense = model.dimension() <= StabilityAnalyzer.MAX_DENSE_DIMENSION || model.sparsity() == null;
    if (dense) {
      StabilityAnalyzer.Eigenvalues first = StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, 1.0);
      StabilityAnalyzer.Eigenvalues second =
          StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, StabilityAnalyzer.NOISE_STEP_FACTOR);
      return excited(first, second, model, y, new PumpStepResponse(model, y, omega, lasing));
    }
    // The sparse path finds the rightmost eigenvalue, not necessarily the rightmost complex pair: a
    // pair that is not leading may have a neighbour further right that Arnoldi did not resolve
    // (TPM_IF_d, N = 50, S3, Table I: the dense rightmost pair is -5011 +- 37007 i, the sparse
    // path's -6436 +- 3.7 i). Only a leading pair is certain; its excitation is not computed.
    StabilityAnalyzer.Eigenvalues first = SparseStability.eigenvalues(model, y, omega, lasing, 1.0);
    StabilityAnalyzer.Eigenvalues second =
        SparseStability.eigenvalues(model, y, omega, lasing, StabilityAnalyzer.NOISE_STEP_FACTOR);
    return fromSpectra(first, second, false).filter(RelaxationOscillation::leading);
  }

  /**
   * Stability and relaxation oscillation of a steady state from the same spectra (one pair of dense
   * eigenproblems instead of three for {@link StabilityAnalyzer#analyse} plus {@link #of}), and the
   * photon number's response to a pump step.
   *
   * @param stability the verdict of {@link StabilityAnalyzer} on this state
   * @param relaxation the relaxation oscillation if the state is stable and has an excited pair
   * @param photonRelaxationTime mean relaxation time of the photon number after a small pump step
   *     ({@link PumpStepResponse#meanRelaxationTime}, 1/gamma_nr) for a stable state on the dense
   *     path, else NaN
   */
  public record Analysis(StabilityAnalyzer.Spectrum stability, Optional<RelaxationOscillation> relaxation,
      double photonRelaxationTime) {}

  /** {@link Analysis} of state {@code y} (a steady state in the frame rotating at {@code omega}). */
  public static Analysis analyse(Model model, double[] y, double omega, boolean lasing) {
    boolean dense = model.dimension() <= StabilityAnalyzer.MAX_DENSE_DIMENSION || model.sparsity() == null;
    if (!dense) {
      StabilityAnalyzer.Spectrum s = StabilityAnalyzer.analyse(model, y, omega, lasing);
      return new Analysis(s, s.stable() ? of(model, y, omega, lasing) : Optional.empty(), Double.NaN);
    }
    StabilityAnalyzer.Eigenvalues first = StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, 1.0);
    StabilityAnalyzer.Eigenvalues second =
        StabilityAnalyzer.denseEigenvalues(model, y, omega, lasing, StabilityAnalyzer.NOISE_STEP_FACTOR);
    StabilityAnalyzer.Spectrum s =
        StabilityAnalyzer.verdict(StabilityAnalyzer.rightmost(first), () -> StabilityAnalyzer.rightmost(second));
    if (!s.stable()) {
      return new Analysis(s, Optional.empty(), Double.NaN);
    }
    PumpStepResponse resp = new PumpStepResponse(model, y, omega, lasing);
    return new Analysis(s, excited(first, second, model, y, resp),
        resp.meanRelaxationTime(PumpStepResponse.photonGradient(model)));
  }

  /** The rightmost resolved pair whose pump-step amplitudes reach {@link #EXCITED}, with them. */
  private static Optional<RelaxationOscillation> excited(
      StabilityAnalyzer.Eigenvalues first, StabilityAnalyzer.Eigenvalues second, Model model, double[] y,
      PumpStepResponse resp) {
    double[] pop = PumpStepResponse.populationGradient(model);
    double[] ph = PumpStepResponse.photonGradient(model);
    double r = model.pump();
    double n = model.photons(y);
    int tried = 0;
    for (RelaxationOscillation p : resolvedPairs(first, second, true)) {
      if (++tried > MAX_CANDIDATES) {
        break;
      }
      // Screened by one solve; the pair found is then recomputed with the extrapolated residue.
      double[][] s = resp.screenAmplitudes(-p.damping(), p.frequency(), pop, ph);
      if (!excited(s, r, n)) {
        continue;
      }
      double[][] c = resp.modeAmplitudes(-p.damping(), p.frequency(), pop, ph);
      double a = 2 * Math.hypot(c[0][0], c[0][1]) * r;
      double b = n > 0 ? 2 * Math.hypot(c[1][0], c[1][1]) * r / n : 0.0;
      return Optional.of(new RelaxationOscillation(p.frequency(), p.damping(), p.uncertainty(), p.leading(),
          p.slowerRealRate(), p.separation(), true, a, b));
    }
    return Optional.empty();
  }

  /**
   * Most pairs tried, rightmost first, before concluding that none is excited (each try is an LU of
   * size 2n). Measured at Table I: the first excited pair is the first or second for the identical
   * models and for CIM_d (S3, N = 50); in TPM_IF_d (S3) it is the 53rd at 2e12 s^-1 (non-lasing),
   * the 126th at 2e14 and the 153rd at 2e13, behind bands of per-dot modes excited below 1e-8 (the
   * identical TPM_IF's Rabi pair split over the dots): there the search ends without a pair (a
   * minute per state for all ~200 pairs).
   */
  static final int MAX_CANDIDATES = 60;

  private static boolean excited(double[][] c, double r, double n) {
    double a = 2 * Math.hypot(c[0][0], c[0][1]) * r;
    double b = n > 0 ? 2 * Math.hypot(c[1][0], c[1][1]) * r / n : 0.0;
    return a >= EXCITED || b >= EXCITED;
  }

  /** The rightmost resolved pair, excited or not (see {@link #resolvedPairs}); amplitudes NaN. */
  static Optional<RelaxationOscillation> fromSpectra(
      StabilityAnalyzer.Eigenvalues first, StabilityAnalyzer.Eigenvalues second, boolean complete) {
    return resolvedPairs(first, second, complete).stream().findFirst();
  }

  /**
   * Every resolved pair of the spectrum, rightmost first, amplitudes NaN: an eigenvalue of the first
   * spectrum is complex when |Im| exceeds {@link StabilityAnalyzer#NOISE_SAFETY} times its change to
   * the nearest eigenvalue of the second, {@link #ROUNDING_RELATIVE} of the norm and {@link
   * #REAL_RELATIVE} of |lambda|.
   */
  static java.util.List<RelaxationOscillation> resolvedPairs(
      StabilityAnalyzer.Eigenvalues first, StabilityAnalyzer.Eigenvalues second, boolean complete) {
    double[] re = first.re();
    double[] im = first.im();
    int len = re.length;
    double[] change = new double[len];
    boolean[] complex = new boolean[len];
    double rightmostReal = Double.NEGATIVE_INFINITY;
    double rightmostRealChange = 0;
    for (int i = 0; i < len; i++) {
      change[i] = nearestDistance(second, re[i], im[i]);
      double resolution = Math.max(StabilityAnalyzer.NOISE_SAFETY * change[i],
          Math.max(ROUNDING_RELATIVE * first.norm(), REAL_RELATIVE * Math.hypot(re[i], im[i])));
      complex[i] = Math.abs(im[i]) > resolution;
      if (!complex[i] && re[i] > rightmostReal) {
        rightmostReal = re[i];
        rightmostRealChange = change[i];
      }
    }
    java.util.List<Integer> pairs = new java.util.ArrayList<>();
    for (int i = 0; i < len; i++) {
      if (complex[i] && im[i] > 0) {
        pairs.add(i);
      }
    }
    pairs.sort((x, z) -> Double.compare(re[z], re[x]));
    java.util.List<RelaxationOscillation> out = new java.util.ArrayList<>();
    for (int pair : pairs) {
      double separation = Double.POSITIVE_INFINITY;
      boolean leading = true;
      for (int i = 0; i < len; i++) {
        boolean self = i == pair || (re[i] == re[pair] && im[i] == -im[pair]);
        if (!self) {
          separation = Math.min(separation, Math.hypot(re[i] - re[pair], im[i] - im[pair]));
          if (re[i] > re[pair] + Math.max(change[pair], change[i])) {
            leading = false;
          }
        }
      }
      boolean realRight = rightmostReal > re[pair] + Math.max(change[pair], rightmostRealChange);
      out.add(new RelaxationOscillation(im[pair], -re[pair], change[pair], leading,
          realRight ? -rightmostReal : Double.NaN, separation, complete, Double.NaN, Double.NaN));
    }
    return out;
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
