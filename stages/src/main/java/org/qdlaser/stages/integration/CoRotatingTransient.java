package org.qdlaser.stages.integration;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.BdfIntegrator;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.physics.Field;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.StateLayout;

/**
 * A transient integrated in the frame co-rotating with its coherent field (issue 13,
 * docs/decisions.md "Long transients in the co-rotating frame"). The lab-frame integration of a
 * detuned lasing state must resolve the field's rotation (omega ~ 1-2 gamma_nr) and sees its
 * Jacobian rotate with the state; in a frame rotating at the field's own frequency the state drifts
 * only on its slow envelope, so the integrator's steps, Jacobians and factorisations are set by that.
 *
 * <p><b>Frame.</b> The frequency is held fixed within a <i>window</i> ({@link CoRotatingFrame}, an
 * ordinary autonomous ODE: the integrator and its error control are unchanged) and re-estimated
 * between windows: a window ends when the phase of &lt;b&gt; in the frame has drifted by more than
 * {@link Settings#maxPhaseDrift()} (after at least {@link Settings#minWindow()}), and the next
 * frequency adds the least-squares slope of that phase over the window's second half. At every
 * window end the state is rotated back so that &lt;b&gt; is real and positive (the gauge of the
 * rotating-frame Newton) and the rotation angle is added to the accumulated lab phase Omega.
 *
 * <p><b>Lab frame, exactly.</b> Within a window of frequency omega_w starting at t_w, Omega(t) =
 * Omega(t_w) + omega_w (t - t_w), and the lab-frame state is z_lab(t) = exp(Omega(t) A) z(t): a
 * complex field of charge q is e^{i q Omega(t)} times its co-rotating value ({@link #labState()}).
 * No approximation enters beyond the integrator's own error on z; the frame only changes which
 * solution components vary fast.
 *
 * <p>Phase-invariant quantities (|b|, photons, populations, |bb|) and their rates are the same in
 * both frames, so the App. A criterion ({@link EquilibriumCriterion}) applies to the co-rotating
 * state and derivative as they are.
 *
 * <p><b>Error weights.</b> The gauge makes &lt;b&gt; real, so the imaginary parts of the charged
 * fields are small (|Im| ~ 1e-4 |z| for the &lt;b c^+ c&gt; of TPM_d) and componentwise weights
 * 1/(rtol |y_i| + atol) would hold them to atol alone, ~1e-9 of their complex modulus: a frame
 * artefact (in the lab frame both parts carry |z| as the field rotates) that near a collapsing field
 * cost an error test failure every second step (docs/decisions.md, "The co-rotating frame after the
 * field's collapse"). Each window therefore integrates with the phase-invariant weight of a complex
 * component (as ZVODE's, which weighs a complex y_i by its modulus): per-component atol chosen so
 * that at the window's start both parts of a charged field z weigh 1/(rtol |z| + atol). A window
 * also ends when |b| has changed by {@link #WEIGHT_RESCALE} since its start, which keeps the weights
 * within that factor of the phase-invariant ones as the field decays or grows.
 *
 * <p><b>A decayed field.</b> Below {@link Settings#followFloor()} of the start's |b| the phase of
 * &lt;b&gt; is integration noise: a frequency fitted to it is noise too, and a frame rotating at it
 * makes the fast, well-damped dot modes rotate and the steps shrink (measured: ~300 steps per time
 * unit after S7's collapse). There the frame stops following: the frequency, the gauge and the
 * weights stay as they were and windows end only at {@code tEnd} or the stop condition. Any fixed
 * frame is exact (the lab state is recovered all the same); it only matters which components vary
 * fast, and for a field-free state none do in any frame. It follows again if |b| grows back.
 *
 * <p>A workspace (not thread safe): one per transient; a fresh integrator per window (its symbolic
 * sparse analysis is cached by pattern).
 */
public final class CoRotatingTransient {
  /**
   * How the frame follows the field.
   *
   * @param maxPhaseDrift phase of &lt;b&gt; in the frame (rad) beyond which the window ends and the
   *     frequency is re-estimated
   * @param minWindow shortest window (1/gamma_nr): the frequency correction is a slope over the
   *     window's second half, which must average out relaxation oscillations
   * @param followFloor fraction of the start's |b| below which the frame no longer follows the
   *     field's phase, in (0, 1)
   */
  public record Settings(double maxPhaseDrift, double minWindow, double followFloor) {
    public Settings {
      if (!(maxPhaseDrift > 0 && maxPhaseDrift < Math.PI)) {
        throw new IllegalArgumentException("max phase drift must be in (0, pi) rad, got " + maxPhaseDrift);
      }
      if (!(minWindow > 0) || !Double.isFinite(minWindow)) {
        throw new IllegalArgumentException("min window must be positive and finite (1/gamma_nr), got " + minWindow);
      }
      if (!(followFloor > 0 && followFloor < 1)) {
        throw new IllegalArgumentException("follow floor must be in (0, 1) of the start's |b|, got " + followFloor);
      }
    }

    /**
     * 0.05 rad and 2 time units. A frequency error delta omega makes the co-rotating components
     * rotate at delta omega; BDF2 at rtol 1e-6 then limits its steps to ~0.01 / |delta omega|
     * (third derivative ~ delta omega^3 |z|). A phase drift of 0.05 rad over a window of >= 2 units
     * bounds the error left after a window to |delta omega| <= 0.025, usually far less after the
     * correction (measured in docs/decisions.md); the 2-unit minimum spans a few relaxation
     * oscillations (period ~1 time unit at Table I), whose phase wobble would otherwise end windows.
     * Follow floor 1e-3: the fraction below which {@link #FIELD_DECAYED the field counts as decayed}
     * for every verdict on a transient (PointSolver, LongTimeFate); below it there is no field
     * whose phase a frame could follow.
     */
    public static Settings defaults() {
      return new Settings(0.05, 2.0, FIELD_DECAYED);
    }
  }

  /** Fraction of its start below which a field counts as decayed: PointSolver's, LongTimeFate's, the frame's floor. */
  public static final double FIELD_DECAYED = 1e-3;

  /**
   * Change of |b| (either way) since a window's start that ends the window (once it is {@link
   * Settings#minWindow()} long, so that the frequency is still corrected), so that its error weights
   * are rescaled to the field: within a factor 2 of the phase-invariant weights while |b| changes by
   * less than a factor 2 per minimum window, at the cost of one integrator restart per factor 2 of
   * |b| (~10 windows through a collapse to 1e-3).
   */
  static final double WEIGHT_RESCALE = 2.0;

  private final BdfSettings integration;
  private final Model model;
  private final Settings settings;
  private final int bOffset;
  private final FieldRecord record = new FieldRecord();
  /** |b| at the start; the frame follows the field's phase while |b| >= followFloor times it. */
  private final double bStart;
  /** Charged complex fields: offsets of their real parts (weighed by their modulus). */
  private final int[] charged;
  /** Per-component atol of the present window (phase-invariant weights, see the class comment). */
  private double[] atol;

  private double time;
  private double[] z;
  private double omega;
  /** Accumulated lab phase Omega at {@link #time}. */
  private double labPhase;
  private int windows;
  private long steps;
  private long rhsEvaluations;
  private long jacobians;
  private long factorizations;
  private long errorTestFailures;
  private long convergenceFailures;

  // ---- the present window (observer state)
  private double windowStart;
  private double windowOmega;
  private double windowLabPhase;
  private double windowB;
  private double rotPhase;
  private double[] wt = new double[64];
  private double[] wp = new double[64];
  private int wn;

  /**
   * @param integration the integrator's settings (rtol, atol, order, linear algebra); each window
   *     integrates with these and its own per-component atol (phase-invariant weights)
   * @param labState lab-frame start state (read only); its field must be non-zero
   * @param omegaGuess first frame frequency (units of gamma_nr), e.g. the seed state's or the
   *     instantaneous frequency of the start
   */
  public CoRotatingTransient(BdfSettings integration, Model model, double[] labState, double omegaGuess,
      Settings settings) {
    if (labState.length != model.dimension()) {
      throw new IllegalArgumentException(
          "start state has length " + labState.length + ", model " + model.kind() + " has " + model.dimension());
    }
    if (!Double.isFinite(omegaGuess)) {
      throw new IllegalArgumentException("frame frequency guess must be finite, got " + omegaGuess);
    }
    this.integration = integration;
    this.model = model;
    this.settings = settings;
    this.bOffset = model.layout().field("b").offset();
    this.bStart = Math.hypot(labState[bOffset], labState[bOffset + 1]);
    if (!(bStart > 0)) {
      throw new IllegalArgumentException("the start state's field <b> must be non-zero to define a co-rotating frame, got |b| = "
          + bStart);
    }
    this.charged = model.layout().fields().stream().filter(f -> f.complex() && f.charge() != 0)
        .mapToInt(Field::offset).toArray();
    this.omega = omegaGuess;
    this.labPhase = Math.atan2(labState[bOffset + 1], labState[bOffset]);
    this.z = new double[labState.length];
    model.layout().rotate(labState, -labPhase, z);
    double[] g = new double[z.length];
    new CoRotatingFrame(model, omega).rhs(0.0, z, g);
    windowStart = 0;
    windowOmega = omega;
    windowLabPhase = labPhase;
    rotPhase = 0;
    observe(0.0, z, g);
  }

  /** Whether the frame follows a field of amplitude {@code b} (else it is decayed: frame frozen). */
  private boolean following(double b) {
    return b >= settings.followFloor() * bStart;
  }

  /**
   * Per-component atol for a window starting at {@code y}: the settings' atol, plus for both parts
   * y_k of each charged field z (real parts at {@code charged}), rtol (|z| - |y_k|), so that
   * rtol |y_k| + atol_k = rtol |z| + atol at the start: the weight of a complex component by its
   * modulus, whatever its phase.
   *
   * @return a new array of the state's length
   */
  static double[] phaseInvariantAtol(BdfSettings integration, int[] charged, double[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = integration.atol(i);
    }
    double rtol = integration.rtol();
    for (int o : charged) {
      double mod = Math.hypot(y[o], y[o + 1]);
      out[o] += rtol * (mod - Math.abs(y[o]));
      out[o + 1] += rtol * (mod - Math.abs(y[o + 1]));
    }
    return out;
  }

  /**
   * Integrates on to {@code tEnd} (1/gamma_nr since the start), or until {@code stop} holds after an
   * accepted step; {@code stop} sees the co-rotating state and its derivative.
   *
   * @return whether {@code stop} ended it
   */
  public boolean advance(double tEnd, StopCondition stop) {
    boolean[] stopped = {false};
    while (time < tEnd) {
      windowStart = time;
      windowOmega = omega;
      windowLabPhase = labPhase;
      windowB = Math.hypot(z[bOffset], z[bOffset + 1]);
      boolean follow = following(windowB);
      rotPhase = 0;
      wn = 0;
      if (follow || atol == null) {
        atol = phaseInvariantAtol(integration, charged, z); // a decayed field keeps those it had at the floor
      }
      CoRotatingFrame frame = new CoRotatingFrame(model, omega);
      StepObserver observer = this::observe;
      StopCondition windowStop = (t, y, yDot) -> {
        if (stop.shouldStop(t, y, yDot)) {
          stopped[0] = true;
          return true;
        }
        double b = Math.hypot(y[bOffset], y[bOffset + 1]);
        if (!following(b)) {
          return follow; // a window that followed ends where the field decays; a frozen one runs on
        }
        if (!follow) {
          return true; // the field is back: follow it
        }
        return t - windowStart >= settings.minWindow()
            && (Math.abs(rotPhase) > settings.maxPhaseDrift() || Math.abs(Math.log(b / windowB)) > Math.log(WEIGHT_RESCALE));
      };
      IntegrationResult res = new BdfIntegrator(integration.withAtolPerComponent(atol))
          .integrate(frame, time, z, tEnd, observer, windowStop);
      count(res.stats());
      windows++;
      double elapsed = res.t() - windowStart;
      time = res.t();
      z = res.y();
      labPhase = windowLabPhase + windowOmega * elapsed;
      if (follow && following(Math.hypot(z[bOffset], z[bOffset + 1]))) {
        if (elapsed >= settings.minWindow()) {
          double correction = phaseSlope(windowStart + 0.5 * elapsed);
          if (Double.isFinite(correction)) {
            omega += correction;
          }
        }
        double theta = Math.atan2(z[bOffset + 1], z[bOffset]);
        model.layout().rotate(z, -theta, z);
        z[bOffset + 1] = 0.0;
        labPhase += theta;
      }
      LOG.debug("{} co-rotating window {} ended at t = {} (|b| = {}, omega {} -> {}{})", model.kind(), windows, time,
          Math.hypot(z[bOffset], z[bOffset + 1]), windowOmega, omega, follow ? "" : ", frame frozen: field decayed");
      if (stopped[0]) {
        return true;
      }
    }
    return false;
  }

  private void observe(double t, double[] y, double[] yDot) {
    double re = y[bOffset];
    double im = y[bOffset + 1];
    double a2 = re * re + im * im;
    double a = Math.sqrt(a2);
    double aDot = 0;
    double rotRate = 0;
    if (a > 0) {
      double p = Math.atan2(im, re);
      p += 2 * Math.PI * Math.rint((rotPhase - p) / (2 * Math.PI)); // steps are far shorter than a frame period
      rotPhase = p;
      aDot = (re * yDot[bOffset] + im * yDot[bOffset + 1]) / a;
      rotRate = (re * yDot[bOffset + 1] - im * yDot[bOffset]) / a2;
    }
    if (wn == wt.length) {
      wt = Arrays.copyOf(wt, 2 * wn);
      wp = Arrays.copyOf(wp, 2 * wn);
    }
    wt[wn] = t;
    wp[wn] = rotPhase;
    wn++;
    double lab = windowLabPhase + windowOmega * (t - windowStart) + rotPhase;
    record.add(t, a, aDot, lab, windowOmega + rotRate, model.photons(y), model.upperPopulationMean(y));
  }

  /**
   * Time-weighted (trapezoid) least-squares slope of the window's co-rotating phase over times >=
   * from; NaN with fewer than 3 points.
   */
  private double phaseSlope(double from) {
    int lo = 0;
    while (lo < wn && wt[lo] < from) {
      lo++;
    }
    int hi = wn - 1;
    if (hi - lo < 2) {
      return Double.NaN;
    }
    double sw = 0;
    double st = 0;
    double sp = 0;
    for (int i = lo; i <= hi; i++) {
      double w = 0.5 * (wt[Math.min(i + 1, hi)] - wt[Math.max(i - 1, lo)]);
      sw += w;
      st += w * wt[i];
      sp += w * wp[i];
    }
    double mt = st / sw;
    double mp = sp / sw;
    double num = 0;
    double den = 0;
    for (int i = lo; i <= hi; i++) {
      double w = 0.5 * (wt[Math.min(i + 1, hi)] - wt[Math.max(i - 1, lo)]);
      num += w * (wt[i] - mt) * (wp[i] - mp);
      den += w * (wt[i] - mt) * (wt[i] - mt);
    }
    return den > 0 ? num / den : Double.NaN;
  }

  private void count(IntegratorStats s) {
    steps += s.steps();
    rhsEvaluations += s.rhsEvaluations();
    jacobians += s.jacobianEvaluations();
    factorizations += s.factorizations();
    errorTestFailures += s.errorTestFailures();
    convergenceFailures += s.convergenceFailures();
  }

  public Model model() {
    return model;
  }

  /** Time integrated so far (1/gamma_nr). */
  public double time() {
    return time;
  }

  /** The present frame frequency, the best estimate of the field's rotation (units of gamma_nr). */
  public double omega() {
    return omega;
  }

  /** Accumulated lab-frame rotation Omega at {@link #time()} (rad): the lab phase of &lt;b&gt; there. */
  public double labPhase() {
    return labPhase;
  }

  /** The co-rotating state at {@link #time()}, gauged so that &lt;b&gt; is real and positive (copy). */
  public double[] state() {
    return z.clone();
  }

  /** The lab-frame state at {@link #time()}: exp(Omega A) applied to {@link #state()} (new array). */
  public double[] labState() {
    return labState(model.layout(), z, labPhase);
  }

  static double[] labState(StateLayout layout, double[] rotating, double omegaAccumulated) {
    double[] out = new double[rotating.length];
    layout.rotate(rotating, omegaAccumulated, out);
    return out;
  }

  /** |b|, lab phase and observables at every accepted step since the start. */
  public FieldRecord record() {
    return record;
  }

  /** Number of windows (integrator restarts) so far. */
  public int windows() {
    return windows;
  }

  /** Integrator work summed over all windows. */
  public IntegratorStats stats() {
    return new IntegratorStats(steps, rhsEvaluations, jacobians, factorizations, errorTestFailures, convergenceFailures);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoRotatingTransient.class);
}
