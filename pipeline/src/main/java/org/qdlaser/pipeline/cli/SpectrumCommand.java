package org.qdlaser.pipeline.cli;

import java.util.concurrent.Callable;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Spectra of a Simple Model at one mean exciton number or fluence (spec 1b, 1c). */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
    description = "Nonlinear absorbance OD_NL, SE spectrum, occupations and the maximum gain of a Simple Model at"
        + " --set N=<mean exciton number> or --set fluence=<mJ/cm^2>, as JSON.")
public final class SpectrumCommand implements Callable<Integer> {
  @Mixin ModelOptions options;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--energies", paramLabel = "LO:HI:STEP",
      description = "photon energies in eV (each may carry the suffix meV); default: the probe window"
          + " [e_abs - 0.5, e_abs + 0.3] eV in 1 meV steps")
  String energies;

  @Option(names = "--ase", description = "also print the ASE spectrum (ase_intensity) and the single-pass gain")
  boolean ase;

  @Override
  public Integer call() {
    SimpleModelKind kind = options.simpleKind().orElseThrow(() -> new InputException("--model",
        "spectrum applies to the Simple Models only (" + SimpleModelKind.names() + "), got '" + options.model + "'"));
    spec.commandLine().getOut().println(Json.write(SimpleModelCommands.spectrum(kind, options, energies, ase)));
    return ExitCodes.OK;
  }
}
