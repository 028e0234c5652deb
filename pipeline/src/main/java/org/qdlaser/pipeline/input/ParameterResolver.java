package org.qdlaser.pipeline.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.Parameter;

/**
 * Turns named parameter values (from a manifest or {@code --set k=v}) into normalised
 * {@link LaserParameters}, starting from Table I. Names: gamma, gamma_c, gamma_nl (or beta with
 * gamma_l), g, mu, N, r, delta_nu, and gamma_nr (in s^-1: the unit of every other rate).
 */
public final class ParameterResolver {
  /** Default gamma_nr of Table I, s^-1. */
  public static final double GAMMA_NR_PER_SECOND = 1e9;
  /** Admissible gamma_nr, s^-1: the unit of the rates; 1 s^-1 to 1e18 s^-1 covers every emitter. */
  static final double MIN_GAMMA_NR_PER_SECOND = 1;
  static final double MAX_GAMMA_NR_PER_SECOND = 1e18;

  public static final List<String> NAMES = Parameter.MODEL.stream().map(Parameter::key).toList();

  private ParameterResolver() {}

  /**
   * The result: normalised parameters plus the gamma_nr (s^-1) used for conversions and gamma_l
   * (normalised; Table I's unless given), which sets gamma_nl together with beta.
   */
  public record Resolved(LaserParameters parameters, double gammaNrPerSecond, double gammaL) {
    /** Normalised parameters by name, as reported in JSON and provenance (sorted). */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new TreeMap<>();
      m.put("gamma", parameters.gamma());
      m.put("gamma_c", parameters.gammaC());
      m.put("gamma_nl", parameters.gammaNl());
      m.put("gamma_nr", parameters.gammaNr());
      m.put("gamma_nr_per_s", gammaNrPerSecond);
      m.put("g", parameters.g());
      m.put("mu", parameters.mu());
      m.put("N", parameters.n());
      m.put("r", parameters.r());
      m.put("delta_nu", parameters.deltaNu());
      return m;
    }
  }

  /**
   * Resolves raw values over Table I defaults.
   *
   * @param raw name -> text (number, optionally with /s), in order of precedence (later wins)
   * @param fieldPrefix prefix of the field path for error messages, e.g. "parameters." or "--set "
   */
  public static Resolved resolve(Map<String, String> raw, String fieldPrefix) {
    Map<String, String> values = new LinkedHashMap<>(raw);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!NAMES.contains(e.getKey())) {
        throw new InputException(fieldPrefix + e.getKey(), "unknown parameter '" + e.getKey() + "'" + didYouMean(e.getKey(), NAMES)
            + ", allowed: " + String.join(", ", NAMES));
      }
      check(Parameter.of(e.getKey()), e.getValue(), fieldPrefix);
    }
    double gammaNr = GAMMA_NR_PER_SECOND;
    if (values.containsKey("gamma_nr")) {
      Quantities.Quantity q = Quantities.parse(fieldPrefix + "gamma_nr", values.get("gamma_nr"));
      if (!q.perSecond() || !(q.value() >= MIN_GAMMA_NR_PER_SECOND && q.value() <= MAX_GAMMA_NR_PER_SECOND)) {
        throw new InputException(
            fieldPrefix + "gamma_nr",
            "gamma_nr sets the unit of every rate and must be given in s^-1 with the /s suffix, in [" + MIN_GAMMA_NR_PER_SECOND
                + ", " + MAX_GAMMA_NR_PER_SECOND + "] s^-1, got '"
                + values.get("gamma_nr") + "'");
      }
      gammaNr = q.value();
    }
    LaserParameters d = LaserParameters.tableI();
    double gamma = rate(values, "gamma", d.gamma(), gammaNr, fieldPrefix);
    double gammaC = rate(values, "gamma_c", d.gammaC(), gammaNr, fieldPrefix);
    double g = rate(values, "g", d.g(), gammaNr, fieldPrefix);
    double r = rate(values, "r", d.r(), gammaNr, fieldPrefix);
    double deltaNu = rate(values, "delta_nu", d.deltaNu(), gammaNr, fieldPrefix);
    double mu = dimensionless(values, "mu", d.mu(), fieldPrefix);
    int n = integer(values, "N", d.n(), fieldPrefix);
    double gammaNl;
    double gammaL = LaserParameters.GAMMA_L_TABLE_I;
    if (values.containsKey("gamma_nl") && values.containsKey("beta")) {
      throw new InputException(fieldPrefix + "beta", "give either gamma_nl or beta, not both");
    }
    if (values.containsKey("beta")) {
      double beta = dimensionless(values, "beta", 1.0, fieldPrefix);
      gammaL = rate(values, "gamma_l", LaserParameters.GAMMA_L_TABLE_I, gammaNr, fieldPrefix);
      gammaNl = LaserParameters.gammaNlFromBeta(beta, gammaL);
      if (!Parameter.GAMMA_NL.admits(gammaNl)) {
        throw new InputException(fieldPrefix + "beta", "beta = " + values.get("beta") + " with gamma_l = " + gammaL
            + " gives gamma_NL = gamma_l (1 - beta) / beta = " + gammaNl + ", which must be " + Parameter.GAMMA_NL.allowed());
      }
    } else {
      if (values.containsKey("gamma_l")) {
        throw new InputException(fieldPrefix + "gamma_l", "gamma_l is only used together with beta");
      }
      gammaNl = rate(values, "gamma_nl", d.gammaNl(), gammaNr, fieldPrefix);
    }
    try {
      return new Resolved(new LaserParameters(gamma, gammaC, gammaNl, 1.0, g, mu, n, r, deltaNu), gammaNr, gammaL);
    } catch (IllegalArgumentException e) {
      String name = e.getMessage().split(" ")[0];
      throw new InputException(fieldPrefix + name, e.getMessage());
    }
  }

  /**
   * Checks one named value as soon as it is given ({@code --set} while the command line is read, a
   * manifest's parameters while it is parsed): a known name (model parameter or sample option; else
   * the nearest names), a number, the {@code /s} suffix on rates only, and the sign the parameter
   * allows ({@link Parameter#sign()}).
   *
   * @throws InputException naming {@code fieldPrefix + name}, the value and what is allowed
   */
  public static void checkNamed(String name, String text, String fieldPrefix) {
    List<String> all = new java.util.ArrayList<>(NAMES);
    Parameter.SAMPLE.forEach(p -> all.add(p.key()));
    Parameter p = Parameter.named(name).filter(x -> all.contains(x.key())).orElseThrow(() -> new InputException(fieldPrefix + name,
        "unknown parameter '" + name + "'" + didYouMean(name, all) + ", allowed: " + String.join(", ", all)));
    check(p, text, fieldPrefix);
  }

  /** Parses {@code text} as a value of {@code p} and checks its suffix and sign. */
  static void check(Parameter p, String text, String fieldPrefix) {
    String field = fieldPrefix + p.key();
    Quantities.Quantity q = Quantities.parse(field, text);
    if (q.perSecond() && !p.rate()) {
      throw new InputException(field, p.key() + " is not a rate; the /s suffix is not allowed, got '" + text + "'");
    }
    double v = q.value();
    // The parameter's whole range (Parameter#allowed) where the value is normalised; a rate in s^-1 is normalised
    // (and range-checked) once gamma_nr is known, so here only its sign.
    boolean ok = q.perSecond() ? Double.isFinite(v) && (p.sign() == Parameter.Sign.ANY || v > 0
        || (p.sign() == Parameter.Sign.NON_NEGATIVE && v == 0)) : p.admits(v);
    if (!ok) {
      throw new InputException(field, p.key() + " must be " + p.allowed() + ", got " + text.trim());
    }
  }

  /** {@code ", did you mean 'gamma_c'?"} for a name within two edits (or a case change) of known ones, else empty. */
  public static String didYouMean(String given, List<String> names) {
    List<String> near = new java.util.ArrayList<>();
    for (String n : names) {
      if (n.equalsIgnoreCase(given) || editDistance(given.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT))
          <= Math.min(2, Math.max(1, n.length() / 3))) {
        near.add("'" + n + "'");
      }
    }
    return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
  }

  /** Levenshtein distance (insertions, deletions, substitutions). */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static double rate(Map<String, String> v, String name, double def, double gammaNr, String prefix) {
    if (!v.containsKey(name)) {
      return def;
    }
    return bounded(name, Quantities.parse(prefix + name, v.get(name)).normalised(gammaNr), v, prefix);
  }

  /** {@code x} if its parameter admits it, else the error naming the field, the value and the range. */
  private static double bounded(String name, double x, Map<String, String> v, String prefix) {
    Parameter p = Parameter.of(name);
    if (!p.admits(x)) {
      throw new InputException(prefix + name, name + " must be " + p.allowed() + ", got " + v.get(name)
          + (p.rate() && v.get(name).contains("/") ? " = " + x + " gamma_nr" : ""));
    }
    return x;
  }

  private static double dimensionless(Map<String, String> v, String name, double def, String prefix) {
    if (!v.containsKey(name)) {
      return def;
    }
    Quantities.Quantity q = Quantities.parse(prefix + name, v.get(name));
    if (q.perSecond()) {
      throw new InputException(prefix + name, name + " is dimensionless; the /s suffix is not allowed, got '" + v.get(name) + "'");
    }
    return bounded(name, q.value(), v, prefix);
  }

  private static int integer(Map<String, String> v, String name, int def, String prefix) {
    if (!v.containsKey(name)) {
      return def;
    }
    double x = dimensionless(v, name, def, prefix);
    if (x != Math.rint(x)) {
      throw new InputException(prefix + name, name + " must be " + Parameter.of(name).allowed() + ", got '" + v.get(name) + "'");
    }
    return (int) x;
  }
}
