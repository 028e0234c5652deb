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
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;
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
    var kind = options.kind();
    ParameterResolver.Resolved resolved = options.parameters();
    Model model = Models.identical(kind, resolved.parameters());
    RelaxationSettings settings = RelaxationSettings.defaults();
    PointSolver solver = new PointSolver(new Relaxer(Integrators.bdf(settings), settings), new EquilibriumSolver());
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
    out.put("rightmost_eigenvalue", e.rightmostEigenvalue());
    out.put("residual", e.residual());
    spec.commandLine().getOut().println(Json.write(out));
    return ExitCodes.OK;
  }
}
