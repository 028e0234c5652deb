package org.qdlaser.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qdlaser.pipeline.manifest.InputException;
import org.qdlaser.pipeline.manifest.ParameterResolver;
import org.qdlaser.stages.physics.ModelKind;
import picocli.CommandLine.Option;

/** Options shared by {@code point} and {@code threshold}: the model and its parameters. */
public final class ModelOptions {
  @Option(names = "--model", required = true, description = "CIM, TPM_IF, TPM, CIM_d, TPM_IF_d, TPM_d")
  String model;

  @Option(names = "--set", description = "parameter k=v (normalised, or a rate with suffix /s), repeatable",
      mapFallbackValue = "")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--detunings", description = "file with one normalised detuning per line (_d models)")
  Path detunings;

  @Option(names = "--json", description = "print JSON (the only output format of this version)")
  boolean json;

  ModelKind kind() {
    ModelKind k;
    try {
      k = ModelKind.parse(model);
    } catch (IllegalArgumentException e) {
      throw new InputException("--model", e.getMessage());
    }
    if (k.polydisperse()) {
      throw new InputException("--model",
          "polydisperse model " + k + " is not available in this version (issue 4); available: CIM, TPM_IF, TPM");
    }
    if (detunings != null) {
      throw new InputException("--detunings", "per-dot detunings apply to the _d models only, got --model " + k);
    }
    return k;
  }

  ParameterResolver.Resolved parameters() {
    return ParameterResolver.resolve(set, "--set ");
  }
}
