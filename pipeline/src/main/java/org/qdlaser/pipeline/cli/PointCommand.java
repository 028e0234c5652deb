package org.qdlaser.pipeline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.equilibrium.WidthHomotopy;
import org.qdlaser.stages.physics.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One equilibrium: transient from a lasing state (App. A criterion), then rotating-frame Newton. */
@Command(name = "point", mixinStandardHelpOptions = true,
    description = "Compute one equilibrium (lasing if reachable from a lasing initial state) and print it as JSON.")
public final class PointCommand implements Callable<Integer> {
  @Mixin ModelOptions options;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", paramLabel = "START",
      description = "Start of the search for a _d model: 'seed' (default: the cheaper model's lasing state of the same"
          + " dots, then a transient) or 'identical' (the identical-dot lasing state continued in w_qd from 0 to the"
          + " sample's width; the JSON then carries the path).")
  String from = "seed";

  @Override
  public Integer call() {
    ModelOptions.Resolved r = options.resolve();
    var kind = r.kind();
    ParameterResolver.Resolved resolved = r.parameters();
    Model model = r.model();
    if (!from.equals("seed") && !from.equals("identical")) {
      throw new InputException("--from", "start must be 'seed' or 'identical', got '" + from + "'");
    }
    if (from.equals("identical") && !kind.polydisperse()) {
      throw new InputException("--from", "'identical' needs a polydisperse model (CIM_d, TPM_IF_d, TPM_d), got " + kind);
    }
    Equilibria equilibria = Equilibria.defaults();
    WidthHomotopy.Result path = null;
    Equilibrium e;
    if (from.equals("identical")) {
      path = ModelOptions.compute(r, "the continuation from identical dots", () -> equilibria.pointFromIdentical(model));
      if (path.end().isEmpty()) {
        WidthHomotopy.Step last = path.path().isEmpty() ? null : path.path().get(path.path().size() - 1);
        throw new EquilibriumException("the lasing state of identical dots was not continued to the sample's width w0 = "
            + path.sampleWidth() + " gamma (" + path.ending() + ")"
            + (last == null ? "" : "; last state at w = " + last.width() + " gamma: |b| = " + last.bAbs() + ", omega = "
                + last.omega() + ", <b+b> - |<b>|^2 = " + last.incoherentPhotons() + ", after " + path.path().size() + " steps"));
      }
      e = path.end().get();
    } else {
      // Detuned dots: a transient that does not settle within the default budget is reported
      // unsettled (verdict) instead of running for tens of minutes (docs/decisions.md).
      e = ModelOptions.compute(r, "the equilibrium", () -> equilibria.point(model));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", kind.name());
    out.put("parameters", resolved.asMap());
    out.put("lasing", e.lasing());
    out.put("b_abs", e.bAbs());
    out.put("omega", e.omega());
    out.put("photons", e.photons());
    // <b+b> - |<b>|^2, never negative in a quantum state; the closures can violate it (Equilibrium#incoherentPhotons).
    out.put("incoherent_photons", e.incoherentPhotons());
    out.put("upper_population_mean", e.upperPopulationMean());
    out.put("stable", e.stable());
    out.put("rightmost_eigenvalue", Double.isNaN(e.rightmostEigenvalue()) ? null : e.rightmostEigenvalue());
    out.put("residual", e.residual());
    out.put("verdict", e.verdict().jsonName());
    if (e.unsettled() != null) {
      out.put("unsettled", UnsettledSummary.of(e.unsettled()).toMap());
    }
    if (r.sample() != null) {
      out.put("activation", e.activation());
      out.put("sample", Map.of("description", r.sample().description(), "mean_detuning", r.sample().meanDetuning(),
          "detuning_std", r.sample().detuningStd(), "detunings", r.sample().detunings()));
    }
    if (path != null) {
      out.put("path", path.path().stream().map(st -> Map.of("w_qd", st.width(), "b_abs", st.bAbs(), "omega", st.omega(),
          "incoherent_photons", st.incoherentPhotons(), "newton_iterations", st.iterations())).toList());
    }
    spec.commandLine().getOut().println(ModelOptions.json(r, out));
    return ExitCodes.OK;
  }
}
