package org.qdlaser.pipeline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.manifest.ParameterResolver;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumSolver;
import org.qdlaser.stages.equilibrium.PointSolver;
import org.qdlaser.stages.integration.Integrators;
import org.qdlaser.stages.integration.RelaxationSettings;
import org.qdlaser.stages.integration.Relaxer;
import org.qdlaser.stages.integration.TransientBudget;
import org.qdlaser.stages.physics.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** One equilibrium: transient from a lasing state (App. A criterion), then rotating-frame Newton. */
@Command(name = "point", mixinStandardHelpOptions = true,
    description = "Compute one equilibrium (lasing if reachable from a lasing initial state) and print it as JSON.")
public final class PointCommand implements Callable<Integer> {
  @Mixin ModelOptions options;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ModelOptions.Resolved r = options.resolve();
    var kind = r.kind();
    ParameterResolver.Resolved resolved = r.parameters();
    Model model = r.model();
    // Detuned dots lase in a state that rotates in the integration frame: see RelaxationSettings.rotating().
    RelaxationSettings settings = kind.polydisperse() ? RelaxationSettings.rotating() : RelaxationSettings.defaults();
    // Detuned dots: transients bounded by the default budget; one that does not settle within it is
    // reported unsettled (verdict) instead of running for tens of minutes (docs/decisions.md).
    PointSolver solver = kind.polydisperse()
        ? new PointSolver(new Relaxer(Integrators.bdf(settings), settings), new EquilibriumSolver(), TransientBudget.defaults())
        : new PointSolver(new Relaxer(Integrators.bdf(settings), settings), new EquilibriumSolver());
    Equilibrium e = solver.solve(model);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", kind.name());
    out.put("parameters", resolved.asMap());
    out.put("lasing", e.lasing());
    out.put("b_abs", e.bAbs());
    out.put("omega", e.omega());
    out.put("photons", e.photons());
    out.put("upper_population_mean", e.upperPopulationMean());
    out.put("stable", e.stable());
    out.put("rightmost_eigenvalue", Double.isNaN(e.rightmostEigenvalue()) ? null : e.rightmostEigenvalue());
    out.put("residual", e.residual());
    out.put("verdict", e.verdict().jsonName());
    if (e.unsettled() != null) {
      out.put("unsettled", unsettled(e.unsettled()));
    }
    if (r.sample() != null) {
      out.put("activation", e.activation());
      out.put("sample", Map.of("description", r.sample().description(), "mean_detuning", r.sample().meanDetuning(),
          "detuning_std", r.sample().detuningStd(), "detunings", r.sample().detunings()));
    }
    spec.commandLine().getOut().println(Json.write(out));
    return ExitCodes.OK;
  }

  /** The diagnostics of an unsettled transient end, as in the activation studies' state JSON. */
  static Map<String, Object> unsettled(org.qdlaser.stages.equilibrium.Unsettled u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b_abs_end", u.bAbsEnd());
    m.put("drift_rate", u.driftRate());
    m.put("omega", u.omega());
    m.put("time", u.time());
    m.put("drift_window_start", u.driftWindowStart());
    m.put("what", "transient budget spent without the App. A criterion, decay or a stable steady state: |b| at the "
        + "end, its relative drift d ln|b|/dt and the rotation frequency of <b> fitted over [drift_window_start, time] "
        + "(time units 1/gamma_nr); lasing and stable describe no steady state");
    return m;
  }
}
