package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.fitting.PaperReading;
import org.qdlaser.stages.integration.CoRotatingTransient;
import org.qdlaser.stages.integration.FieldRecord;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.numerics.ode.BdfSettings;
import org.qdlaser.stages.numerics.ode.IntegratorStats;
import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.physics.Model;

/**
 * The paper's procedure for TPM^(d) samples (App. A) as an option: integrate the transient for a
 * fixed time (at least 100 time units in the paper; configurable), here in the co-rotating frame
 * from the same start as {@link PointSolver} (the cheaper model's lasing state, lifted), and read
 * a_inf and omega_inf off Eq. (A2) fitted to the lab-frame Re &lt;b&gt; over growing windows
 * ({@link PaperReading}). Nothing is Newton-polished: this is the paper's reading, not ours.
 */
public final class PaperProcedure {
  /**
   * How long and how to read.
   *
   * @param duration integrated time T (1/gamma_nr); the paper: at least 100, nearly 500 for S3
   * @param windows number K of growing windows [0, k T / K]
   * @param rtol relative tolerance of the co-rotating integration
   * @param atol absolute tolerance (state units)
   */
  public record Settings(double duration, int windows, double rtol, double atol) {
    public Settings {
      if (!(duration > 0) || !Double.isFinite(duration)) {
        throw new IllegalArgumentException("paper procedure duration must be positive and finite (1/gamma_nr), got "
            + duration);
      }
      if (windows < 2) {
        throw new IllegalArgumentException("paper procedure needs at least 2 windows, got " + windows);
      }
      if (!(rtol > 0 && rtol < 1) || !(atol > 0)) {
        throw new IllegalArgumentException("need 0 < rtol < 1 and atol > 0, got " + rtol + ", " + atol);
      }
    }

    /** The paper's shortest TPM^(d) integration (App. A: "at least 100 time units"). */
    public static final double DEFAULT_DURATION = 100.0;
    /** Windows of T/5, 2T/5, ..., T: the paper does not say how many it used. */
    public static final int DEFAULT_WINDOWS = 5;

    public static Settings defaults() {
      return new Settings(DEFAULT_DURATION, DEFAULT_WINDOWS, 1e-6, 1e-8);
    }

    public Settings withDuration(double t) {
      return new Settings(t, windows, rtol, atol);
    }
  }

  /**
   * The reading and the transient it was made from.
   *
   * @param reading the fits of Eq. (A2)
   * @param bAbsEnd |&lt;b&gt;| at the end of the integration
   * @param time integrated time (1/gamma_nr)
   * @param work integrator work
   */
  public record Result(PaperReading reading, double bAbsEnd, double time, IntegratorStats work) {}

  private final Settings settings;

  public PaperProcedure(Settings settings) {
    this.settings = settings;
  }

  /** Integrates {@code model} from {@code start} for the settings' duration and reads Eq. (A2) off it. */
  public Result read(Model model, PointSolver.Start start) {
    CoRotatingTransient tr = new CoRotatingTransient(
        BdfSettings.of(settings.rtol(), settings.atol()).withMaxOrder(Integrators.LASER_MAX_ORDER), model,
        start.state(), start.omega(), CoRotatingTransient.Settings.defaults());
    tr.advance(settings.duration(), StopCondition.NEVER);
    double t = tr.time();
    PaperReading reading = reading(tr.record(), t, settings.windows());
    LOG.info("{} r = {}: paper's reading after {} time units: a_inf = {} (spread {}, {}), omega_inf = {} (spread {}, {})",
        model.kind(), model.pump(), t, reading.aInf(), reading.aInfSpread(),
        reading.aInfResolved() ? "decay resolved" : "decay not resolved: an extrapolation", reading.omegaInf(),
        reading.omegaInfSpread(), reading.omegaConverged() ? "converged to 3 digits" : "not converged to 3 digits");
    return new Result(reading, model.fieldAmplitude(tr.state()), t, tr.stats());
  }

  /**
   * The paper's reading of a recorded transient over [0, {@code t}] (t within the record): Eq. (A2)
   * fitted to the lab-frame Re &lt;b&gt;, sampled {@link PaperReading#SAMPLES_PER_PERIOD} times per
   * rotation at the mean frequency of the second half, over {@code windows} growing windows. Also
   * for a transient followed for another purpose ({@link LongTimeFate}): same record, same reading.
   */
  public static PaperReading reading(FieldRecord rec, double t, int windows) {
    double omega = rec.meanFrequency(0.5 * t, t);
    if (!Double.isFinite(omega)) {
      omega = rec.frequency(rec.size() - 1);
    }
    double dt = 2 * Math.PI / Math.max(Math.abs(omega), 1e-3) / PaperReading.SAMPLES_PER_PERIOD;
    double[][] f = rec.labField(0.0, t, Math.min(dt, t / 200));
    double[] abs = new double[f[0].length];
    for (int i = 0; i < abs.length; i++) {
      abs[i] = Math.hypot(f[1][i], f[2][i]);
    }
    return PaperReading.read(f[0], f[1], abs, omega, rec.phaseAt(0.0), windows);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaperProcedure.class);
}
