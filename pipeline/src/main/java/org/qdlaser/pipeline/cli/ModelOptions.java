package org.qdlaser.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.pipeline.input.SampleOptions;
import org.qdlaser.pipeline.input.SimpleInputs;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.sampling.Sample;
import picocli.CommandLine.Option;

/** Options shared by {@code point} and {@code threshold}: the model, its parameters and sample. */
public final class ModelOptions {
  @Option(names = "--model", required = true, description = "CIM, TPM_IF, TPM, CIM_d, TPM_IF_d, TPM_d; "
      + "or a Simple Model: SIMPLE_2LS, SIMPLE_3LS, SIMPLE_4LS, SIMPLE_2LS_XX, SIMPLE_3LS_XX, SIMPLE_4LS_XX")
  String model;

  @Option(names = "--set", description = "parameter k=v (normalised, or a rate with suffix /s), repeatable; "
      + "_d models also take w_qd (units of gamma), seed, tail, identical_fraction; Simple Models take the "
      + "parameters of specs/simple-model.md (energies in eV or with suffix meV, rates in gamma_X or with /s)",
      mapFallbackValue = "")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--detunings", description = "file with one normalised detuning per line (_d models)")
  Path detunings;

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
    Sample s = SampleOptions.sample(sampleOpts, detunings, p, "--set ");
    return new Resolved(k, Models.of(k, p, s.detunings(), s.couplings()), params, s);
  }
}
