package org.qdlaser.pipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.pipeline.input.SampleOptions;
import org.qdlaser.pipeline.input.SimpleInputs;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.sampling.Sample;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by {@code point} and {@code threshold}: the model, its parameters and sample. */
public final class ModelOptions {
  @Option(names = "--model", required = true, description = "CIM, TPM_IF, TPM, CIM_d, TPM_IF_d, TPM_d; "
      + "or a Simple Model: SIMPLE_2LS, SIMPLE_3LS, SIMPLE_4LS, SIMPLE_2LS_XX, SIMPLE_3LS_XX, SIMPLE_4LS_XX")
  String model;

  final Map<String, String> set = new LinkedHashMap<>();

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  /**
   * Checks each nanolaser value as the command line is read: bad names, numbers and signs are exit 2 before anything
   * runs. Simple Model parameters (a SIMPLE_* model, or a name only the Simple Model knows, since --model may come
   * later on the line) are checked by SimpleInputs when the command runs, with the same exit 2.
   */
  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a parameter (see Parameters below): normalised, or a rate "
      + "in s^-1 with the suffix /s; repeatable; Simple Models take the parameters of specs/simple-model.md (energies in eV "
      + "or with suffix meV, rates in gamma_X or with /s)", mapFallbackValue = "")
  void set(Map<String, String> values) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!simpleModelParameter(e.getKey())) {
        try {
          ParameterResolver.checkNamed(e.getKey(), e.getValue(), "--set ");
        } catch (InputException ex) {
          throw new ParameterException(mixee.commandLine(), ex.getMessage());
        }
      }
      set.put(e.getKey(), e.getValue());
    }
  }

  private boolean simpleModelParameter(String name) {
    boolean simpleModel = model != null && model.trim().toUpperCase(java.util.Locale.ROOT).startsWith("SIMPLE_");
    boolean nanolaserName = org.qdlaser.stages.physics.Parameter.named(name).isPresent();
    return simpleModel || (!nanolaserName && (SimpleParameter.find(name).isPresent() || SIMPLE_ONLY_NAMES.contains(name)));
  }

  /** Simple Model settings that are names, not quantities (SimpleInputs reads them). */
  private static final java.util.Set<String> SIMPLE_ONLY_NAMES = java.util.Set.of("statistics", "fluence_map");

  @Option(names = "--detunings", description = "file with one normalised detuning per line (_d models)")
  Path detunings;

  @Option(names = "--max-unknowns", paramLabel = "M", description = "_d models: most unknowns of the state (default "
      + SampleOptions.MAX_UNKNOWNS + ", TPM_d N <= 119; above it a point takes minutes to hours: TPM_d N = 150, 157,805 "
      + "unknowns, ~1 GB); the heap estimate (about 4 KiB per unknown) still applies")
  void maxUnknowns(long m) {
    if (m < 1) {
      throw new ParameterException(mixee.commandLine(), "--max-unknowns must be a positive number of unknowns, got " + m);
    }
    maxUnknowns = m;
  }

  long maxUnknowns = SampleOptions.MAX_UNKNOWNS;

  @Option(names = "--json", description = "print JSON (the only output format of this version)")
  boolean json;

  /** The resolved model with everything a command reports about it. */
  record Resolved(ModelKind kind, Model model, ParameterResolver.Resolved parameters, Sample sample) {}

  /** The Simple Model named by {@code --model}, if it names one (those route to {@link SimpleModelCommands}). */
  Optional<SimpleModelKind> simpleKind() {
    return SimpleModelKind.find(model);
  }

  /**
   * The Simple Model's parameters from {@code --set}, with the per-command quantities {@code extras}.
   *
   * @throws InputException for {@code --detunings} or a bad setting
   */
  SimpleInputs.Resolved resolveSimple(SimpleModelKind kind, Set<String> extras) {
    if (detunings != null) {
      throw new InputException("--detunings", "per-dot detunings apply to the _d nanolaser models only, got --model " + kind);
    }
    return SimpleInputs.resolve(kind, set, "--set ", extras);
  }

  Resolved resolve() {
    ModelKind k;
    try {
      k = ModelKind.parse(model);
    } catch (IllegalArgumentException e) {
      throw new InputException("--model", e.getMessage() + "; Simple Models: " + SimpleModelKind.names());
    }
    Map<String, String> raw = new LinkedHashMap<>(set);
    Map<String, String> sampleOpts = SampleOptions.extract(raw);
    if (k.polydisperse() && detunings != null && !raw.containsKey("N")) {
      // N defaults to the number of dots in the file.
      raw.put("N", Integer.toString(SampleOptions.readDetunings(detunings).length));
    }
    ParameterResolver.Resolved params = ParameterResolver.resolve(raw, "--set ");
    LaserParameters p = params.parameters();
    if (!k.polydisperse()) {
      if (detunings != null || !sampleOpts.isEmpty()) {
        throw new InputException(detunings != null ? "--detunings" : "--set " + sampleOpts.keySet().iterator().next(),
            "per-dot samples apply to the _d models only, got --model " + k);
      }
      return new Resolved(k, Models.identical(k, p), params, null);
    }
    if (raw.containsKey("delta_nu")) {
      throw new InputException("--set delta_nu", "the _d models take per-dot detunings (w_qd, seed or --detunings), not delta_nu");
    }
    SampleOptions.checkSize(k, p.n(), set.containsKey("N") || detunings == null ? "--set N" : "--detunings", maxUnknowns,
        maxUnknowns == SampleOptions.MAX_UNKNOWNS ? "; --max-unknowns raises the limit" : "");
    Sample s = SampleOptions.sample(sampleOpts, detunings, p, "--set ");
    return new Resolved(k, Models.of(k, p, s.detunings(), s.couplings()), params, s);
  }

  /**
   * Runs {@code computation} on a resolved model. The numerics refuse non-finite states with
   * IllegalArgumentException / IllegalStateException / ArithmeticException; on valid input that is
   * a failed computation (exit 1) naming what failed, the model and its parameters, not an
   * internal error with a trace.
   */
  static <T> T compute(Resolved r, String what, Supplier<T> computation) {
    try {
      return computation.get();
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw new ComputationFailure(what + " of " + r.kind() + " failed: " + e.getMessage() + "; parameters "
          + r.parameters().asMap() + (r.sample() == null ? "" : ", sample " + r.sample().description()), e);
    }
  }

  /**
   * The JSON of a result, or a failed computation (exit 1) naming each non-finite number: finite
   * input must give finite output (issue 16).
   */
  static String json(Resolved r, Map<String, Object> out) {
    List<String> bad = new ArrayList<>();
    nonFinite(out, "", bad);
    if (!bad.isEmpty()) {
      throw new ComputationFailure("the result of " + r.kind() + " is not finite: " + String.join(", ", bad.subList(0,
          Math.min(bad.size(), 10))) + (bad.size() > 10 ? " and " + (bad.size() - 10) + " more" : "") + "; parameters "
          + r.parameters().asMap());
    }
    return Json.write(out);
  }

  private static void nonFinite(Object v, String path, List<String> bad) {
    if (v instanceof Double d && !Double.isFinite(d)) {
      bad.add(path + " = " + d);
    } else if (v instanceof double[] a) {
      for (int i = 0; i < a.length; i++) {
        nonFinite(a[i], path + "[" + i + "]", bad);
      }
    } else if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> nonFinite(x, path.isEmpty() ? String.valueOf(k) : path + "." + k, bad));
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        nonFinite(l.get(i), path + "[" + i + "]", bad);
      }
    }
  }
}
