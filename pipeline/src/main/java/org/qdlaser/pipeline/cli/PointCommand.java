package org.qdlaser.pipeline.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.artifacts.UnsettledSummary;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.stages.diagnostics.FrequencyPulling;
import org.qdlaser.stages.diagnostics.PhysicalBounds;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.Equilibrium;
import org.qdlaser.stages.equilibrium.EquilibriumException;
import org.qdlaser.stages.equilibrium.PaperProcedure;
import org.qdlaser.stages.equilibrium.RelaxationOscillation;
import org.qdlaser.stages.equilibrium.SelfPulsing;
import org.qdlaser.stages.equilibrium.WidthHomotopy;
import org.qdlaser.stages.fitting.ActivationFit;
import org.qdlaser.stages.fitting.PaperReading;
import org.qdlaser.stages.physics.CimDisperseModel;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.PhotonStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One equilibrium: transient from a lasing state (App. A criterion), then rotating-frame Newton; for
 * detuned dots without a steady state nearby, the transient's long-time fate. Or, with {@code
 * --procedure paper}, the paper's App. A reading of the transient.
 */
@Command(name = "point", mixinStandardHelpOptions = true,
    description = "Compute one equilibrium (lasing if reachable from a lasing initial state) and print it as JSON;"
        + " --procedure paper prints the paper's App. A reading of the transient instead.")
public final class PointCommand implements Callable<Integer> {
  @Mixin ModelOptions options;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", paramLabel = "START",
      description = "Start of the search for a _d model: 'seed' (default: the cheaper model's lasing state of the same"
          + " dots, then a transient) or 'identical' (the identical-dot lasing state continued in w_qd from 0 to the"
          + " sample's width; the JSON then carries the path).")
  String from = "seed";

  @Option(names = "--procedure", paramLabel = "PROC",
      description = "'ours' (default: steady state by Newton, else the transient's long-time fate for _d models) or"
          + " 'paper' (_d models: integrate --duration time units and fit Eq. (A2) of App. A over growing windows).")
  String procedure = "ours";

  @Option(names = "--duration", paramLabel = "T",
      description = "--procedure paper: integrated time in 1/gamma_nr (default ${DEFAULT-VALUE}; the paper: at least 100).")
  double duration = PaperProcedure.Settings.DEFAULT_DURATION;

  @Option(names = "--windows", paramLabel = "K",
      description = "--procedure paper: growing fit windows [0, kT/K], k = 1..K (default ${DEFAULT-VALUE}, at least 2).")
  int windows = PaperProcedure.Settings.DEFAULT_WINDOWS;

  @Option(names = "--long-time-limit", paramLabel = "T",
      description = "_d models: longest transient in 1/gamma_nr before the verdict 'unsettled' (default ${DEFAULT-VALUE}).")
  double longTimeLimit = Equilibria.DEFAULT_LONG_TIME_LIMIT;

  /** Longest --duration / --long-time-limit: beyond it even the co-rotating frame takes hours (docs/benchmarks.md). */
  static final double MAX_TIME = 1e6;

  @Override
  public Integer call() {
    var simple = options.simpleKind();
    if (simple.isPresent()) {
      if (!procedure.equals("ours")) {
        throw new InputException("--procedure", "'" + procedure + "' reads a transient of a _d model (App. A), got --model "
            + simple.get());
      }
      spec.commandLine().getOut().println(Json.write(SimpleModelCommands.point(simple.get(), options)));
      return ExitCodes.OK;
    }
    ModelOptions.Resolved r = options.resolve();
    checkStart(r.kind());
    checkTime("--long-time-limit", longTimeLimit);
    if (procedure.equals("paper")) {
      return paper(r);
    }
    if (!procedure.equals("ours")) {
      throw new InputException("--procedure", "procedure must be 'ours' or 'paper', got '" + procedure + "'");
    }
    // The point reads the relaxation oscillation of its lasing state (two finite-difference spectra):
    // the second is computed beside the stability verdict's first, on the second core.
    Equilibria equilibria = Equilibria.defaults().withRelaxationSpectra();
    Solved s = from.equals("identical") ? fromIdentical(r, equilibria) : withFate(r, equilibria);
    spec.commandLine().getOut().println(ModelOptions.json(r, describe(r, equilibria, s)));
    return ExitCodes.OK;
  }

  /** The {@code --from} start, checked against the model kind. */
  private void checkStart(ModelKind kind) {
    if (!from.equals("seed") && !from.equals("identical")) {
      throw new InputException("--from", "start must be 'seed' or 'identical', got '" + from + "'");
    }
    if (from.equals("identical") && !kind.polydisperse()) {
      throw new InputException("--from", "'identical' needs a polydisperse model (CIM_d, TPM_IF_d, TPM_d), got " + kind);
    }
  }

  /**
   * The equilibrium and how it was reached: {@code path} is the continuation from identical dots
   * ({@code --from identical}, else null), {@code timeIntegrated} the transient's length in
   * 1/gamma_nr when its long-time fate was followed (else null).
   */
  private record Solved(Equilibrium e, WidthHomotopy.Result path, Double timeIntegrated) {}

  /** {@code --from identical}: the identical-dot lasing state continued in w_qd to the sample's width. */
  private static Solved fromIdentical(ModelOptions.Resolved r, Equilibria equilibria) {
    WidthHomotopy.Result path = ModelOptions.compute(r, "the continuation from identical dots",
        () -> equilibria.pointFromIdentical(r.model()));
    if (path.end().isEmpty()) {
      WidthHomotopy.Step last = path.path().isEmpty() ? null : path.path().get(path.path().size() - 1);
      throw new EquilibriumException("the lasing state of identical dots was not continued to the sample's width w0 = "
          + path.sampleWidth() + " gamma (" + path.ending() + ")"
          + (last == null ? "" : "; last state at w = " + last.width() + " gamma: |b| = " + last.bAbs() + ", omega = "
              + last.omega() + ", <b+b> - |<b>|^2 = " + last.incoherentPhotons() + ", after " + path.path().size() + " steps"));
    }
    return new Solved(path.end().get(), path, null);
  }

  /**
   * Detuned dots: Newton from the seed chain, else the transient followed in the co-rotating frame to
   * its long-time fate (issue 13, docs/transients.md); identical dots as before.
   */
  private Solved withFate(ModelOptions.Resolved r, Equilibria equilibria) {
    Equilibria.Fate f = ModelOptions.compute(r, "the equilibrium", () -> equilibria.pointWithFate(r.model(), longTimeLimit));
    return new Solved(f.equilibrium(), null, f.timeIntegrated());
  }

  /** The JSON object of the point: the state, its stability and diagnostics, the sample, the path. */
  private static Map<String, Object> describe(ModelOptions.Resolved r, Equilibria equilibria, Solved s) {
    Model model = r.model();
    ParameterResolver.Resolved resolved = r.parameters();
    Equilibrium e = s.e();
    // The other stable states (Newton polishes from other starts, with their own spectra) do not depend
    // on the relaxation analysis below: found on a second thread meanwhile. The facade is used by that
    // thread alone until the join; everything else below reads only the model and e (immutable).
    java.util.function.Supplier<List<Equilibrium>> others = equilibria.stableStates(model, e);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", r.kind().name());
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
    if (s.timeIntegrated() != null) {
      out.put("time_integrated", s.timeIntegrated());
    }
    if (e.unsettled() != null) {
      out.put("unsettled", UnsettledSummary.of(e.unsettled()).toMap());
    }
    relaxationAndStatistics(out, model, e, resolved.gammaNrPerSecond());
    out.put("physical_bounds", bounds(PhysicalBounds.of(model, e.state())));
    if (e.selfPulsing() != null) {
      out.put("self_pulsing", selfPulsing(e.selfPulsing()));
    }
    // Newton polishes only (StableStates): from this state, the no-field state and the seed chain's
    // lifted lasing state (the point's own seed chain: the same Equilibria keeps it, SeedChain).
    out.put("other_stable_states", others.get().stream()
        .filter(x -> !sameState(x, e)).map(PointCommand::brief).toList());
    if (r.sample() != null) {
      sample(out, r, e);
    }
    if (s.path() != null) {
      out.put("path", s.path().path().stream().map(st -> Map.of("w_qd", st.width(), "b_abs", st.bAbs(), "omega", st.omega(),
          "incoherent_photons", st.incoherentPhotons(), "newton_iterations", st.iterations())).toList());
    }
    return out;
  }

  private static Map<String, Object> selfPulsing(SelfPulsing p) {
    Map<String, Object> sp = new LinkedHashMap<>();
    sp.put("period", p.period());
    sp.put("mean_photons", p.meanPhotons());
    sp.put("b_abs_min", p.bAbsMin());
    sp.put("b_abs_max", p.bAbsMax());
    sp.put("omega", p.omega());
    sp.put("cycles", p.cycles());
    return sp;
  }

  /** A sample's fields: activation, its Lorentzian fits and frequency pulling (lasing), the detunings. */
  private static void sample(Map<String, Object> out, ModelOptions.Resolved r, Equilibrium e) {
    out.put("activation", e.activation());
    if (e.lasing()) {
      lorentzians(out, r.sample().detunings(), r.parameters().parameters().gamma(), e.activation());
    }
    if (r.model() instanceof CimDisperseModel cim && e.lasing()) {
      FrequencyPulling fp = FrequencyPulling.evaluate(cim, e.state(), e.omega());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("relation", "omega = gamma_c/(gamma + gamma_c) sum_l W_l dnu_l / sum_l W_l, W_l = g_l^2 (2 n_l - 1)/(gamma^2 + "
          + "(omega - dnu_l)^2) (exact in CIM_d lasing states, docs/decisions.md)");
      m.put("omega", fp.omega());
      m.put("pulled_omega", fp.pulledOmega());
      m.put("relative_difference", finite(fp.relativeDifference()));
      m.put("gain_clamp_ratio", fp.gainClampRatio());
      out.put("frequency_pulling", m);
    }
    out.put("sample", Map.of("description", r.sample().description(), "mean_detuning", r.sample().meanDetuning(),
        "detuning_std", r.sample().detuningStd(), "detunings", r.sample().detunings()));
  }

  /**
   * Issue 19: {@code relaxation} (the relaxation oscillation of a stable state, rates in gamma_nr and
   * in s^-1) or null with {@code relaxation_reason}; {@code g2} with its closure and whether the
   * moments belong to a quantum state ({@code g2_physical}; docs/decisions.md, "Photon statistics").
   */
  private static void relaxationAndStatistics(Map<String, Object> out, Model model, Equilibrium e, double gammaNr) {
    Optional<RelaxationOscillation> ro = RelaxationOscillation.of(model, e);
    if (ro.isPresent()) {
      RelaxationOscillation o = ro.get();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("frequency", o.frequency());
      m.put("damping", o.damping());
      m.put("frequency_per_s", o.frequencyPerSecond(gammaNr));
      m.put("damping_per_s", o.dampingPerSecond(gammaNr));
      m.put("quality_factor", o.qualityFactor());
      m.put("leading", o.leading());
      m.put("slower_real_rate", finite(o.slowerRealRate()));
      m.put("separation", finite(o.separation()));
      m.put("uncertainty", o.uncertainty());
      m.put("complete_spectrum", o.completeSpectrum());
      m.put("population_amplitude", finite(o.populationAmplitude()));
      m.put("photon_amplitude", finite(o.photonAmplitude()));
      m.put("visible", o.visible());
      out.put("relaxation", m);
    } else {
      out.put("relaxation", null);
      out.put("relaxation_reason", RelaxationOscillation.absenceReason(model, e, ro));
    }
    PhotonStatistics ps = PhotonStatistics.of(model, e.state());
    out.put("g2", finite(ps.g2()));
    out.put("g2_physical", ps.physical());
    out.put("g2_closure", ps.closure().name().toLowerCase(java.util.Locale.ROOT));
    out.put("anomalous_cumulant", ps.anomalousCumulant());
  }


  /**
   * {@code lorentzian} (Eq. 2 fitted to |<v_l+ c_l>|^2, Sec. IV: "a_L is the maximum of |<v_l^+ c_l>|^2") and
   * {@code lorentzian_scaled} (to the curve scaled to [0, 1], Fig. 4's caption); w_L in units of gamma.
   */
  private static void lorentzians(Map<String, Object> out, double[] detunings, double gamma, double[] activation) {
    double[] x = new double[detunings.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = detunings[i] / gamma;
    }
    ActivationFit f = ActivationFit.of(x, activation);
    out.put("lorentzian", fit(f.unscaled()));
    out.put("lorentzian_scaled", fit(f.scaled()));
  }

  private static Map<String, Object> fit(ActivationFit.Lorentzian l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a_L", l.aL());
    m.put("w_L", l.wL());
    m.put("r_squared", l.rSquared());
    return m;
  }

  /** PhysicalBounds as JSON: the incoherent photon number and the two-level bound's violations. */
  private static Map<String, Object> bounds(PhysicalBounds b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("satisfied", b.satisfied());
    m.put("incoherent_photons", b.incoherentPhotons());
    m.put("two_level_bound", "|<v_l+ c_l>|^2 <= n_l (1 - n_l)");
    m.put("dots", b.dots());
    m.put("dots_violating", b.dotsViolating());
    m.put("worst_ratio", finite(b.worstRatio()));
    m.put("worst_dot", b.worstDot());
    m.put("populations_outside_unit_interval", b.populationsOutsideUnitInterval());
    return m;
  }

  /** JSON has no infinities or NaN: those become null. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }


  /** {@code --procedure paper}: the App. A reading of the transient (Eq. (A2) over growing windows). */
  private Integer paper(ModelOptions.Resolved r) {
    if (!r.kind().polydisperse()) {
      throw new InputException("--procedure", "'paper' reads the transient of a _d model (App. A: TPM^(d) samples),"
          + " got --model " + r.kind());
    }
    if (!from.equals("seed")) {
      throw new InputException("--from", "--procedure paper starts where the default point does ('seed'), got '"
          + from + "'");
    }
    checkTime("--duration", duration);
    if (windows < 2 || windows > MAX_WINDOWS) {
      throw new InputException("--windows", "windows must be in [2, " + MAX_WINDOWS + "], got " + windows);
    }
    PaperProcedure.Result res = Equilibria.defaults().paperReading(r.model(), duration, windows);
    PaperReading p = res.reading();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", r.kind().name());
    out.put("parameters", r.parameters().asMap());
    out.put("procedure", "paper");
    out.put("time_integrated", res.time());
    out.put("a_inf", finite(p.aInf()));
    out.put("a_inf_spread", finite(p.aInfSpread()));
    // c T < 1: a_inf is an extrapolation of a nearly linear |b| (PaperReading#aInfResolved)
    out.put("a_inf_resolved", p.aInfResolved());
    out.put("omega_inf", finite(p.omegaInf()));
    out.put("omega_inf_spread", finite(p.omegaInfSpread()));
    out.put("omega_inf_converged_3_digits", p.omegaConverged());
    out.put("b_abs_end", res.bAbsEnd());
    out.put("windows", p.windows().stream().map(w -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("end", w.end());
      m.put("a_inf", finite(w.aInf()));
      m.put("omega_inf", finite(w.omegaInf()));
      m.put("b", finite(w.b()));
      m.put("c", finite(w.c()));
      m.put("rms", finite(w.rms()));
      return m;
    }).toList());
    out.put("steps", res.work().steps());
    if (r.sample() != null) {
      out.put("sample", Map.of("description", r.sample().description(), "mean_detuning", r.sample().meanDetuning(),
          "detuning_std", r.sample().detuningStd()));
    }
    spec.commandLine().getOut().println(Json.write(out));
    return ExitCodes.OK;
  }

  /** Most fit windows: each is a nonlinear least-squares fit over up to the whole record. */
  static final int MAX_WINDOWS = 100;

  private static void checkTime(String option, double t) {
    if (!(t > 0) || !(t <= MAX_TIME)) {
      throw new InputException(option, "time must be in (0, " + MAX_TIME + "] (units of 1/gamma_nr), got " + t);
    }
  }

  private static boolean sameState(Equilibrium x, Equilibrium e) {
    return x.lasing() == e.lasing() && Math.abs(x.bAbs() - e.bAbs()) <= SAME * Math.max(x.bAbs(), e.bAbs()) + 1e-12
        && Math.abs(x.photons() - e.photons()) <= SAME * Math.max(x.photons(), e.photons());
  }

  /** Relative agreement of |b| and photons that makes two found states one (StableStates' rule). */
  static final double SAME = 1e-6;

  private static Map<String, Object> brief(Equilibrium x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", x.verdict().jsonName());
    m.put("b_abs", x.bAbs());
    m.put("omega", x.omega());
    m.put("photons", x.photons());
    m.put("rightmost_eigenvalue", finite(x.rightmostEigenvalue()));
    return m;
  }
}
