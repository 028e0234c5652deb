package org.qdlaser.pipeline.input;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.qdlaser.stages.physics.simple.FluenceMap;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.physics.simple.Statistics;

/**
 * The Simple Model's parameters as users type them (spec section 2), from {@code --set} and
 * manifests: energies in eV or with a {@code meV} suffix, rates in gamma_X or with a {@code /s}
 * suffix, the choices {@code statistics} and {@code fluence_map} by name. Every error names the
 * field, the value and what is allowed.
 */
public final class SimpleInputs {
  /** Per-command quantity (not a model parameter): the mean exciton number. */
  public static final String N = "N";
  /** Per-command quantity (not a model parameter): the pump fluence, mJ/cm^2. */
  public static final String FLUENCE = "fluence";

  private SimpleInputs() {}

  /**
   * Resolved settings.
   *
   * @param parameters the validated model parameters
   * @param extras the per-command quantities that were given (of the names the caller allowed), by
   *     name, in canonical units
   */
  public record Resolved(SimpleParameters parameters, Map<String, Double> extras) {
    public Resolved {
      extras = Map.copyOf(extras);
    }
  }

  /**
   * Parses {@code raw} (name -> text) for {@code kind}.
   *
   * @param prefix prefix of the field path in messages ({@code "--set "} or {@code "parameters."})
   * @param extraNames per-command quantities allowed besides the model parameters ({@link #N},
   *     {@link #FLUENCE})
   * @throws InputException for an unknown name, a malformed number, a wrong unit or a value out of
   *     range
   */
  public static Resolved resolve(SimpleModelKind kind, Map<String, String> raw, String prefix, Set<String> extraNames) {
    SimpleParameters.Builder b = SimpleParameters.builder(kind);
    Map<String, Double> extras = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String name = e.getKey();
      String text = e.getValue() == null ? "" : e.getValue().trim();
      String field = prefix + name;
      if (name.equals(SimpleParameters.STATISTICS)) {
        try {
          b.statistics(Statistics.parse(text));
        } catch (IllegalArgumentException ex) {
          throw new InputException(field, ex.getMessage());
        }
        continue;
      }
      if (name.equals(SimpleParameters.FLUENCE_MAP)) {
        try {
          b.fluenceMap(FluenceMap.parse(text));
        } catch (IllegalArgumentException ex) {
          throw new InputException(field, ex.getMessage());
        }
        continue;
      }
      if (extraNames.contains(name)) {
        double v = number(field, text, SimpleParameter.Unit.DIMENSIONLESS).value;
        if (!(v >= 0)) {
          throw new InputException(field, name + " must be >= 0, got " + v);
        }
        extras.put(name, v);
        continue;
      }
      SimpleParameter p = SimpleParameter.find(name).orElseThrow(() -> new InputException(field,
          "unknown Simple Model parameter '" + name + "', allowed: " + SimpleParameter.names()
              + (extraNames.isEmpty() ? "" : ", " + String.join(", ", extraNames.stream().sorted().toList()))));
      Parsed q = number(field, text, p.unit());
      try {
        if (q.perSecond && p.unit() == SimpleParameter.Unit.GAMMA_X_RATE) {
          p.check(q.value); // same sign rule in either unit
          b.setPerSecond(p, q.value);
        } else {
          b.set(p, p.check(q.value));
        }
      } catch (IllegalArgumentException ex) {
        throw new InputException(field, ex.getMessage() + " (given '" + text + "')");
      }
    }
    try {
      return new Resolved(b.build(), extras);
    } catch (IllegalArgumentException ex) {
      // Cross-parameter checks (n_max within the statistics' range): name the parameter the message opens with.
      String msg = ex.getMessage();
      String field = SimpleParameter.find(msg.split(" ", 2)[0]).map(p -> prefix + p.label())
          .orElse(prefix + SimpleParameters.STATISTICS);
      throw new InputException(field, msg);
    }
  }

  private record Parsed(double value, boolean perSecond) {}

  /** A number in the parameter's canonical unit, or a rate in s^-1 flagged as such. */
  private static Parsed number(String field, String text, SimpleParameter.Unit unit) {
    String s = text.replace(" ", "");
    String lower = s.toLowerCase(Locale.ROOT);
    double scale = 1;
    boolean perSecond = false;
    String allowed = switch (unit) {
      case ELECTRON_VOLT -> "a finite number in eV, or with the suffix meV";
      case GAMMA_X_RATE -> "a finite number in units of gamma_X, or a rate with the suffix /s";
      case PER_SECOND -> "a finite rate in 1/s (the suffix /s is optional)";
      case MILLIJOULE_PER_CM2 -> "a finite number in mJ/cm^2";
      case DIMENSIONLESS -> "a finite dimensionless number (no unit suffix)";
    };
    if (unit == SimpleParameter.Unit.ELECTRON_VOLT && s.endsWith("meV")) {
      s = s.substring(0, s.length() - 3);
      scale = 1e-3;
    } else if (unit == SimpleParameter.Unit.ELECTRON_VOLT && s.endsWith("eV")) {
      s = s.substring(0, s.length() - 2);
    } else if ((unit == SimpleParameter.Unit.GAMMA_X_RATE || unit == SimpleParameter.Unit.PER_SECOND)
        && lower.endsWith("/s")) {
      s = s.substring(0, s.length() - 2);
      perSecond = true;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v) || s.isEmpty() || Character.isLetter(s.charAt(s.length() - 1))) {
        throw new NumberFormatException();
      }
      return new Parsed(v * scale, perSecond);
    } catch (NumberFormatException e) {
      throw new InputException(field, "expected " + allowed + ", got '" + text + "'");
    }
  }

  /**
   * An energy as users type it: eV, or with the suffix {@code meV}.
   *
   * @return eV
   * @throws InputException naming {@code field} for anything else
   */
  public static double energy(String field, String text) {
    return number(field, text == null ? "" : text.trim(), SimpleParameter.Unit.ELECTRON_VOLT).value;
  }

  /** The extras a command allows, for {@link #resolve}. */
  public static Set<String> extras(String... names) {
    return Set.of(names);
  }
}
