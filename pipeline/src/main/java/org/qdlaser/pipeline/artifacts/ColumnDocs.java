package org.qdlaser.pipeline.artifacts;

import java.util.Map;
import java.util.Optional;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.physics.Parameter;

/**
 * The unit and description of every column our tables write: one dictionary, since a name means
 * the same in every table ({@code pump} is always the pump per emitter in units of gamma_nr). Written
 * into each Arrow field's metadata ({@code unit}, {@code description}) and into the Frictionless
 * {@code datapackage.json} of the CSV twins. Units: {@code gamma_nr} for rates normalised to the
 * non-radiative rate (γ_nr, 1e9 s^-1 in Table I), {@code 1/gamma_nr} for times in its inverse,
 * {@code gamma} for detunings and widths in units of the dots' dephasing rate γ, {@code s^-1},
 * {@code ns}, {@code 1} for pure numbers; text and boolean columns have no unit.
 */
public final class ColumnDocs {
  /** A column's unit (null: none, for text and booleans) and description. */
  public record Doc(String unit, String description) {}

  public static final String RATE = "gamma_nr";
  public static final String PER_SECOND = "s^-1";
  public static final String NUMBER = "1";

  private static final Map<String, Doc> DOCS = Map.ofEntries(
      Map.entry("pump", new Doc(RATE, "pump rate per emitter r")),
      Map.entry("pump_per_s", new Doc(PER_SECOND, "pump rate per emitter r")),
      Map.entry("lasing", new Doc(null, "whether the state lases (|<b>| > 0)")),
      Map.entry("stable", new Doc(null, "whether the state is linearly stable (rightmost eigenvalue of the Jacobian < 0)")),
      Map.entry("b_abs", new Doc(NUMBER, "field amplitude |<b>|")),
      Map.entry("abs_b", new Doc(NUMBER, "field amplitude |<b>| in the lab frame")),
      Map.entry("re_b", new Doc(NUMBER, "real part of <b> in the lab frame")),
      Map.entry("im_b", new Doc(NUMBER, "imaginary part of <b> in the lab frame")),
      Map.entry("bb_abs", new Doc(NUMBER, "|<bb>|")),
      Map.entry("omega", new Doc(RATE, "rotation frequency of the lasing state (frame in which it is a fixed point)")),
      Map.entry("abs_omega", new Doc(RATE, "|omega|, the lasing frequency's distance from the cavity")),
      Map.entry("photons", new Doc(NUMBER, "photon number <b+b>")),
      Map.entry("upper_population", new Doc(NUMBER, "mean upper-level population <c+c> over the dots")),
      Map.entry("residual", new Doc(RATE, "max-norm of the right-hand side at the polished state (rotating frame)")),
      Map.entry("rightmost_eigenvalue", new Doc(RATE, "real part of the Jacobian's rightmost eigenvalue (rotating frame)")),
      Map.entry("newton_iterations", new Doc(NUMBER, "Newton iterations of the polish")),
      Map.entry("transient_time", new Doc("1/gamma_nr", "duration of the transient integrated before the polish")),
      Map.entry("transient_reached_criterion", new Doc(null, "whether the transient met the stop criterion of App. A")),
      Map.entry("threshold_pump", new Doc(RATE, "lasing threshold: pump per emitter")),
      Map.entry("threshold_pump_per_s", new Doc(PER_SECOND, "lasing threshold: pump per emitter")),
      Map.entry("lowest_lasing_pump_per_s", new Doc(PER_SECOND, "lowest pump of the sweep with a lasing state")),
      Map.entry("highest_non_lasing_pump_per_s", new Doc(PER_SECOND, "highest pump of the sweep without a lasing state")),
      Map.entry("kind", new Doc(null, "kind of threshold or bifurcation (pitchfork, fold, ...)")),
      Map.entry("model", new Doc(null, "model run label")),
      Map.entry("run", new Doc(null, "model run label (model, width, seed)")),
      Map.entry("marker", new Doc(null, "marker of the threshold in the figure")),
      Map.entry("source", new Doc(null, "where the threshold comes from")),
      Map.entry("verdict", new Doc(null, "lasing, non_lasing, self_pulsing or unsettled")),
      Map.entry("time", new Doc("1/gamma_nr", "time")),
      Map.entry("time_ns", new Doc("ns", "time")),
      Map.entry("duration", new Doc("1/gamma_nr", "duration of the transient")),
      Map.entry("reached_criterion", new Doc(null, "whether the transient met the stop criterion of App. A")),
      Map.entry("max_rate", new Doc(RATE, "largest rate of change among the criterion's quantities at the end")),
      Map.entry("steps", new Doc(NUMBER, "integrator steps")),
      Map.entry("rhs_evaluations", new Doc(NUMBER, "right-hand-side evaluations")),
      Map.entry("state", new Doc(NUMBER, "the state vector at the end of the transient, components named in qdlaser.item_names")),
      Map.entry("state_derivative", new Doc(RATE, "the state's time derivative at the end, components named in qdlaser.item_names")),
      Map.entry("dot", new Doc(NUMBER, "index of the dot in the sample")),
      Map.entry("detuning", new Doc(RATE, "detuning of the dot from the cavity, Delta nu_l")),
      Map.entry("detuning_over_gamma", new Doc("gamma", "detuning of the dot from the cavity, Delta nu_l / gamma")),
      Map.entry("coupling", new Doc(RATE, "light-matter coupling of the dot g_l")),
      Map.entry("activation", new Doc(NUMBER, "activation |<v+c>|^2 of the dot")),
      Map.entry("activation_scaled", new Doc(NUMBER, "activation divided by its maximum over the dots")),
      Map.entry("dot_upper_population", new Doc(NUMBER, "upper-level population n_l = <c_l+ c_l> of the dot")),
      Map.entry("w_qd", new Doc("gamma", "width of the detuning distribution w_QD")),
      Map.entry("seed", new Doc(NUMBER, "seed of the sample")),
      Map.entry("a_L", new Doc(NUMBER, "Lorentzian fit: amplitude a_L (Eq. 2)")),
      Map.entry("w_L", new Doc("gamma", "Lorentzian fit: width w_L (Eq. 2)")),
      Map.entry("r_squared", new Doc(NUMBER, "coefficient of determination of the fit")),
      Map.entry("mean_detuning_over_gamma", new Doc("gamma", "mean detuning of the sample")),
      Map.entry("detuning_std_over_gamma", new Doc("gamma", "standard deviation w-bar of the sample's detunings")),
      Map.entry("drift_rate", new Doc(RATE, "d ln|b|/dt at the end of an unsettled transient")),
      Map.entry("b_abs_min", new Doc(NUMBER, "smallest |<b>| over the samples")),
      Map.entry("b_abs_max", new Doc(NUMBER, "largest |<b>| over the samples")),
      Map.entry("b_abs_shown_sample", new Doc(NUMBER, "|<b>| of the sample drawn as a curve")),
      Map.entry("samples_lasing", new Doc(NUMBER, "samples with a lasing state")),
      Map.entry("samples_counted", new Doc(NUMBER, "samples solved")));

  private ColumnDocs() {}

  /** A column's Arrow field metadata: {@code unit} (if any) and {@code description}; empty for an unknown name. */
  public static Map<String, String> metadata(String column) {
    Optional<Doc> d = of(column);
    if (d.isEmpty()) {
      return Map.of();
    }
    Map<String, String> m = new java.util.TreeMap<>();
    if (d.get().unit() != null) {
      m.put(TableCodec.UNIT_KEY, d.get().unit());
    }
    m.put(TableCodec.DESCRIPTION_KEY, d.get().description());
    return m;
  }

  /**
   * The doc of a column: from the dictionary, else for a model parameter's column (threshold
   * curves and branches: {@code g}, {@code g_per_s}, {@code w_qd_value}, ...) from the parameter's
   * unit; empty for a name we do not know (a test keeps every written column known).
   */
  public static Optional<Doc> of(String column) {
    Doc d = DOCS.get(column);
    if (d != null) {
      return Optional.of(d);
    }
    String base = column;
    String unit = null;
    if (column.endsWith("_per_s")) {
      base = column.substring(0, column.length() - "_per_s".length());
      unit = PER_SECOND;
    } else if (column.endsWith("_value")) {
      base = column.substring(0, column.length() - "_value".length());
    }
    Optional<Parameter> p = Parameter.named(base);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    if (unit == null) {
      unit = switch (p.get().unit()) {
        case RATE -> RATE;
        case GAMMA -> "gamma";
        case DIMENSIONLESS, COUNT -> NUMBER;
      };
    }
    return Optional.of(new Doc(unit, "model parameter " + base + " (docs/manifest.md)"));
  }
}
