package org.qdlaser.stages.integration;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.numerics.ode.StiffIntegrator;
import org.qdlaser.stages.physics.Model;

/**
 * Integrates transients to equilibrium with the App. A criterion, and downward pump sweeps that
 * start each pump value from the previous equilibrium (the paper's bifurcation-diagram method).
 */
public final class Relaxer {
  private final StiffIntegrator integrator;
  private final RelaxationSettings settings;

  public Relaxer(StiffIntegrator integrator, RelaxationSettings settings) {
    this.integrator = integrator;
    this.settings = settings;
  }

  public RelaxationSettings settings() {
    return settings;
  }

  /** One transient from {@code y0} at the model's pump. */
  public Relaxation relax(Model model, double[] y0) {
    return relax(model, y0, StepObserver.NONE);
  }

  Relaxation relax(Model model, double[] y0, StepObserver observer) {
    return relaxWindow(model, y0, settings.maxTime(), observer);
  }

  /** One transient of at most {@code window} time units (1/gamma_nr), ended early by the criterion. */
  public Relaxation relax(Model model, double[] y0, double window) {
    return relax(model, y0, Math.min(window, settings.maxTime()), StepObserver.NONE);
  }

  /** As {@link #relax(Model, double[], double)}, with {@code observer} called after every accepted step. */
  public Relaxation relax(Model model, double[] y0, double window, StepObserver observer) {
    return relaxWindow(model, y0, Math.min(window, settings.maxTime()), observer);
  }

  private Relaxation relaxWindow(Model model, double[] y0, double window, StepObserver observer) {
    EquilibriumCriterion criterion = new EquilibriumCriterion(model, settings.stopThreshold(), settings.relativeStop());
    double minTime = Math.min(settings.minTime(), window);
    IntegrationResult res =
        integrator.integrate(
            model, 0.0, y0, window, observer,
            (t, y, yDot) -> t >= minTime && criterion.shouldStop(t, y, yDot));
    double[] y = res.y();
    double[] yDot = new double[y.length];
    model.rhs(res.t(), y, yDot);
    return new Relaxation(
        model.pump(), res.t(), y, yDot, res.stoppedEarly(), criterion.maxRate(y, yDot),
        res.stats().steps(), res.stats().rhsEvaluations());
  }

  /** Result of a sweep: one relaxation per pump value, in sweep order, and the recorded series. */
  public record SweepResult(List<Relaxation> relaxations, TimeSeries series) {
    public SweepResult {
      relaxations = List.copyOf(relaxations);
    }
  }

  /**
   * Sweeps the pump through {@code pumps} in the given order (downwards, as in the paper), each
   * transient starting from the previous end state.
   *
   * @param recordStride record every k-th accepted step of the time series
   */
  public SweepResult sweep(
      Model model, double[] pumps, double[] initialState, int recordStride, ProgressListener progress) {
    TimeSeriesRecorder recorder = new TimeSeriesRecorder(recordStride);
    List<Relaxation> out = new ArrayList<>(pumps.length);
    double[] y = initialState.clone();
    for (int i = 0; i < pumps.length; i++) {
      Model m = model.withPump(pumps[i]);
      recorder.startSegment(m, pumps[i], 0.0, y);
      Relaxation r = relax(m, y, recorder);
      recorder.finishSegment(r.duration(), r.state());
      out.add(r);
      y = r.state();
      progress.progress(i + 1, pumps.length, model.kind() + " r = " + org.qdlaser.stages.physics.Readable.rate(pumps[i]));
    }
    return new SweepResult(out, recorder.toTimeSeries());
  }
}
