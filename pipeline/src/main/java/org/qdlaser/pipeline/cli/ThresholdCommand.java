package org.qdlaser.pipeline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.equilibrium.Threshold;
import org.qdlaser.stages.physics.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The threshold of stable coherent emission and its kind (pitchfork, fold). */
@Command(name = "threshold", mixinStandardHelpOptions = true,
    description = "Locate the lasing threshold (lowest pump with a stable lasing state) and print it as JSON.")
public final class ThresholdCommand implements Callable<Integer> {
  @Mixin ModelOptions options;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  /** Threads of a detuned-dot search's start routes: the same result on any number (docs/decisions.md, s8fast). */
  @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
      description = "_d models: threads for the search's first stable lasing state, 1..64; the same result on any (default: ${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() {
    var simple = options.simpleKind();
    if (simple.isPresent()) {
      spec.commandLine().getOut().println(Json.write(SimpleModelCommands.threshold(simple.get(), options)));
      return ExitCodes.OK;
    }
    if (threads < 1 || threads > 64) {
      throw new InputException("--threads", "threads must be in [1, 64], got " + threads);
    }
    ModelOptions.Resolved r = options.resolve();
    var kind = r.kind();
    ParameterResolver.Resolved resolved = r.parameters();
    Model model = r.model();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", kind.name());
    Map<String, Object> params = resolved.asMap();
    params.remove("r"); // the pump is the result, not an input
    out.put("parameters", params);
    Threshold th;
    try {
      th = ModelOptions.compute(r, "the threshold search", () -> Equilibria.defaults().threshold(model, threads));
    } catch (EquilibriumException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith(Equilibria.NO_STABLE_LASING)) {
        throw e;
      }
      // A search that found no stable lasing state up to the ceiling is a result (below threshold up to
      // there, with what was tried as its evidence), not a failed computation (issue 13, item 4).
      out.put("verdict", "none");
      out.put("threshold_pump", null);
      out.put("none_up_to", Equilibria.THRESHOLD_CEILING);
      out.put("none_up_to_per_s", Equilibria.THRESHOLD_CEILING * resolved.gammaNrPerSecond());
      out.put("evidence", e.getMessage());
      spec.commandLine().getOut().println(ModelOptions.json(r, out));
      return ExitCodes.OK;
    }
    out.put("verdict", "found");
    out.put("threshold_pump", th.pump());
    out.put("threshold_pump_per_s", th.pump() * resolved.gammaNrPerSecond());
    out.put("kind", th.kind());
    out.put("b_abs_at_threshold", th.bAbs());
    out.put("upper_population_at_threshold", th.upperPopulation());
    out.put("photons_at_threshold", th.photons());
    out.put("instability_pump", Double.isNaN(th.instabilityPump()) ? null : th.instabilityPump());
    out.put("relative_accuracy", th.relativeAccuracy());
    out.put("frequency", th.frequency());
    spec.commandLine().getOut().println(ModelOptions.json(r, out));
    return ExitCodes.OK;
  }
}
