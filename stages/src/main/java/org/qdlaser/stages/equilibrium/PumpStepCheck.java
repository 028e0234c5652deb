package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.fitting.RelaxationFit;
import org.qdlaser.stages.integration.PumpStep;
import org.qdlaser.stages.physics.Model;

/**
 * A relaxation oscillation checked in the time domain (issue 19, item 2): a pump step r1 = r2 (1 -
 * step) -> r2 from the steady state at r1, integrated ({@link PumpStep}, on the deviation from the
 * r2 state) and fitted on the mean upper population by a decaying sinusoid plus one slow exponential
 * ({@link RelaxationFit}, start values by Prony from the data alone) over a window [t0, t1] after the
 * faster modes, against the eigenvalue pair at r2 ({@link RelaxationOscillation}). The fit sees the
 * linear response plus a nonlinear correction of the order of the step (docs/decisions.md,
 * "Checked in the time domain").
 *
 * @param pumpBefore r1 (normalised)
 * @param pumpAfter r2 (normalised)
 * @param relativeStep (r2 - r1) / r2
 * @param spectrum the pair at r2 from the Jacobian
 * @param response the integrated transient (time in 1/gamma_nr)
 * @param finalPopulation mean upper population of the r2 steady state
 * @param fit the fit over [fitFrom, fitTo]
 * @param fitFrom t0 (1/gamma_nr)
 * @param fitTo t1 (1/gamma_nr)
 */
public record PumpStepCheck(
    double pumpBefore, double pumpAfter, double relativeStep, RelaxationOscillation spectrum, PumpStep.Transient response,
    double finalPopulation, RelaxationFit fit, double fitFrom, double fitTo) {

  /** (fit - spectrum) / spectrum of the angular frequency. */
  public double frequencyRelativeError() {
    return (fit.frequency() - spectrum.frequency()) / spectrum.frequency();
  }

  /** (fit - spectrum) / spectrum of the damping rate. */
  public double dampingRelativeError() {
    return (fit.damping() - spectrum.damping()) / spectrum.damping();
  }

  /**
   * The fitted curve x_final + B e^{-damping tau} cos(frequency tau + phase) + A e^{-slowRate tau},
   * tau = t - t0, at the transient's samples inside the window (NaN outside).
   */
  public double[] fittedPopulation() {
    double[] t = response.time();
    double t0 = Double.NaN;
    for (double ti : t) {
      if (ti >= fitFrom) {
        t0 = ti;
        break;
      }
    }
    double[] out = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      if (t[i] < fitFrom || t[i] > fitTo) {
        out[i] = Double.NaN;
        continue;
      }
      double tau = t[i] - t0;
      out[i] = finalPopulation + fit.amplitude() * Math.exp(-fit.damping() * tau) * Math.cos(fit.frequency() * tau + fit.phase())
          + fit.slowAmplitude() * Math.exp(-fit.slowRate() * tau);
    }
    return out;
  }

  /**
   * Runs the check.
   *
   * @param after the model at r2
   * @param steady the stable steady state at r2
   * @param step relative step (0 < step < 1)
   * @param fitFrom t0 of the fit window, after the modes faster than the pair have decayed
   * @param fitTo t1, the end of the integration
   * @param samples samples of the transient over [0, t1]
   * @throws EquilibriumException if the state at r2 has no relaxation oscillation or r1's state is not found
   */
  static PumpStepCheck run(Model after, Equilibrium steady, EquilibriumSolver solver, double step, double fitFrom,
      double fitTo, int samples) {
    if (!(step > 0 && step < 1)) {
      throw new IllegalArgumentException("relative pump step must be in (0, 1), got " + step);
    }
    if (!(fitFrom >= 0 && fitTo > fitFrom)) {
      throw new IllegalArgumentException("fit window must satisfy 0 <= t0 < t1, got [" + fitFrom + ", " + fitTo + "]");
    }
    RelaxationOscillation ro = RelaxationOscillation.of(after, steady).orElseThrow(() -> new EquilibriumException(
        "no relaxation oscillation at r = " + after.pump() + ": "
            + RelaxationOscillation.absenceReason(after, steady, java.util.Optional.empty())));
    Model before = after.withPump(after.pump() * (1 - step));
    Equilibrium e1 = (steady.lasing() ? solver.polishLasing(before, steady.state(), steady.omega())
        : solver.polishNonLasing(before, steady.state())).orElseThrow(() -> new EquilibriumException(
            "Newton found no steady state at r1 = " + before.pump() + " from the state at r2 = " + after.pump()));
    PumpStep.Transient tr = PumpStep.integrate(after, steady.state(), steady.omega(), e1.state(), fitTo, samples);
    RelaxationFit fit;
    try {
      fit = RelaxationFit.fit(tr.time(), tr.upperPopulation(), steady.upperPopulationMean(), fitFrom, fitTo);
    } catch (IllegalArgumentException e) {
      throw new EquilibriumException("pump step to r = " + after.pump() + ": " + e.getMessage(), e);
    }
    return new PumpStepCheck(before.pump(), after.pump(), step, ro, tr, steady.upperPopulationMean(), fit, fitFrom, fitTo);
  }
}
