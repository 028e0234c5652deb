package org.qdlaser.pipeline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.input.ParameterResolver;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Parameter;
import org.qdlaser.stages.physics.Readable;
import picocli.CommandLine;

/**
 * The "Parameters" section of {@code point --help} and {@code threshold --help}: every name
 * {@code --set} takes, with its meaning, unit and default (Table I of the paper), so that the help
 * teaches what the manifest reference (docs/manifest.md) says.
 */
final class ParameterHelp {
  /** Section key in picocli's help. */
  static final String SECTION = "qdlaserParameters";

  /** Meaning of each parameter (Table I of the paper, and the sample options). */
  static final Map<Parameter, String> MEANING = Map.ofEntries(
      Map.entry(Parameter.GAMMA, "polarisation dephasing rate"),
      Map.entry(Parameter.GAMMA_C, "laser mode decay rate"),
      Map.entry(Parameter.GAMMA_NL, "decay rate into non-lasing modes (or give beta)"),
      Map.entry(Parameter.BETA, "spontaneous emission factor, gamma_nl = gamma_l (1 - beta) / beta"),
      Map.entry(Parameter.GAMMA_L, "spontaneous emission rate into the cavity mode (with beta)"),
      Map.entry(Parameter.GAMMA_NR, "non-radiative decay rate: the unit of every rate (give it in s^-1, with /s)"),
      Map.entry(Parameter.G, "light-matter coupling strength"),
      Map.entry(Parameter.MU, "phonon scattering parameter (dephasing mu gamma)"),
      Map.entry(Parameter.N, "number of quantum dots"),
      Map.entry(Parameter.R, "pump rate per emitter"),
      Map.entry(Parameter.DELTA_NU, "detuning of identical dots from the cavity"),
      Map.entry(Parameter.W_QD, "_d models: standard deviation of the dots' detunings"),
      Map.entry(Parameter.SEED, "_d models: seed of the sample (S1..S10 are seeds 1..10)"),
      Map.entry(Parameter.TAIL, "_d models: tail dots at +-k gamma on each side (App. F)"),
      Map.entry(Parameter.IDENTICAL_FRACTION, "_d models: fraction of the dots at zero detuning (the Reply)"),
      Map.entry(Parameter.IDENTICAL_COUPLING_FRACTION, "_d models: fraction of the dots with coupling g; the others |g_n| of a"
          + " standing wave at random positions, sum g_n^2 = N g^2 (the Reply's identical coefficients)"));

  private ParameterHelp() {}

  /** Adds the section after the options of {@code point} and {@code threshold}. */
  static void install(CommandLine root) {
    for (String name : List.of("point", "threshold")) {
      CommandLine sub = root.getSubcommands().get(name);
      if (sub == null) {
        continue;
      }
      List<String> keys = new ArrayList<>(sub.getHelpSectionKeys());
      int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST);
      keys.add(at < 0 ? keys.size() : at + 1, SECTION);
      sub.setHelpSectionKeys(keys);
      sub.getHelpSectionMap().put(SECTION, help -> text());
    }
  }

  /** The section's text. */
  static String text() {
    LaserParameters d = LaserParameters.tableI();
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%nParameters (--set NAME=VALUE; rates normalised to gamma_nr,"
        + " or in s^-1 with the suffix /s, e.g. --set r=2e14/s):%n"));
    for (Parameter p : Parameter.values()) {
      s.append(String.format(Locale.ROOT, "  %-27s %-10s %-22s %s%n", p.key(), unit(p), "default " + defaultOf(p, d), MEANING.get(p)));
    }
    s.append(String.format(Locale.ROOT, "Values are checked when the command line is read: a negative rate, a width below 0 or"
        + " a misspelt name is bad input (exit 2).%n"));
    return s.toString();
  }

  static String unit(Parameter p) {
    return switch (p.unit()) {
      case RATE -> p == Parameter.GAMMA_NR ? "s^-1" : "gamma_nr";
      case GAMMA -> "gamma";
      case COUNT -> "integer";
      case DIMENSIONLESS -> "1";
    };
  }

  static String defaultOf(Parameter p, LaserParameters d) {
    double gammaNr = ParameterResolver.GAMMA_NR_PER_SECOND;
    return switch (p) {
      case GAMMA -> rate(d.gamma(), gammaNr);
      case GAMMA_C -> rate(d.gammaC(), gammaNr);
      case GAMMA_NL -> rate(d.gammaNl(), gammaNr);
      case BETA -> "1";
      case GAMMA_L -> rate(LaserParameters.GAMMA_L_TABLE_I, gammaNr);
      case GAMMA_NR -> Readable.number(gammaNr) + "/s";
      case G -> rate(d.g(), gammaNr);
      case MU -> Readable.number(d.mu());
      case N -> Integer.toString(d.n());
      case R -> rate(d.r(), gammaNr);
      case DELTA_NU -> Readable.number(d.deltaNu());
      case W_QD -> "1";
      case SEED -> "1";
      case TAIL -> "0";
      case IDENTICAL_FRACTION -> "0";
      case IDENTICAL_COUPLING_FRACTION -> "1";
    };
  }

  private static String rate(double normalised, double gammaNr) {
    return Readable.number(normalised) + " (" + Readable.number(normalised * gammaNr) + "/s)";
  }
}
