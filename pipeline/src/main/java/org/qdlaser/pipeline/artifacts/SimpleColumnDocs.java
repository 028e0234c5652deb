package org.qdlaser.pipeline.artifacts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.physics.simple.SimpleParameter;

/**
 * The unit and description of the Simple Model tables' columns ({@code simple/<label>-<table>},
 * shared/specs/simple-model.md): their own dictionary, because the same names mean other things there
 * than in the laser tables of {@link ColumnDocs} ({@code pump} is the cw pump W in units of gamma_X,
 * {@code time} is in 1/gamma_X). Absorbances are in units of the unpumped peak absorbance OD_0; a swept
 * parameter's column carries the parameter's unit.
 */
public final class SimpleColumnDocs {
  private static final String OD0 = "OD_0";
  private static final String EV = "eV";

  private static final Map<String, ColumnDocs.Doc> DOCS = Map.ofEntries(
      Map.entry("pump", new ColumnDocs.Doc("gamma_X", "cw pump rate W")),
      Map.entry("gain", new ColumnDocs.Doc("sigma_SE N_total", "small-signal gain g = N_u - N_l - r N_u (spec 1a)")),
      Map.entry("inversion", new ColumnDocs.Doc(ColumnDocs.NUMBER, "population inversion N_u - N_l of the laser transition")),
      Map.entry("time", new ColumnDocs.Doc("1/gamma_X", "time after the cw pump is switched on")),
      Map.entry("energy", new ColumnDocs.Doc(EV, "photon energy E")),
      Map.entry("A_X", new ColumnDocs.Doc(OD0, "absorption 0 -> X_A (peak-normalised Gaussian)")),
      Map.entry("A_XX1", new ColumnDocs.Doc(OD0, "ESA X_A -> XX_A1, before relaxation (display only)")),
      Map.entry("A_XX2", new ColumnDocs.Doc(OD0, "ESA X_E -> XX_A2, after relaxation")),
      Map.entry("PL_X", new ColumnDocs.Doc(OD0, "exciton emission X_E -> 0")),
      Map.entry("PL_XX", new ColumnDocs.Doc(OD0, "biexciton emission XX_E -> X_E")),
      Map.entry("N", new ColumnDocs.Doc(ColumnDocs.NUMBER, "mean band-edge occupancy <N>")),
      Map.entry("od_nl", new ColumnDocs.Doc(OD0, "nonlinear absorbance OD_NL(E, <N>); SE where negative")),
      Map.entry("od_nl_at_threshold_energy", new ColumnDocs.Doc(OD0, "OD_NL at the energy of the SE threshold")),
      Map.entry("od_nl_at_max_gain_energy", new ColumnDocs.Doc(OD0, "OD_NL at the energy of the SE maximum")),
      Map.entry("se_threshold_N", new ColumnDocs.Doc(ColumnDocs.NUMBER, "SE threshold <N> (minimum over the energies)")),
      Map.entry("se_threshold_energy", new ColumnDocs.Doc(EV, "energy of the SE threshold")),
      Map.entry("se_at_window_edge", new ColumnDocs.Doc(null, "whether the SE threshold sits on the probe window's edge")),
      Map.entry("se_threshold_N_at_max_gain_energy", new ColumnDocs.Doc(ColumnDocs.NUMBER, "SE threshold <N> at the energy of the SE maximum")),
      Map.entry("se_max_gain_energy", new ColumnDocs.Doc(EV, "energy of the SE maximum at <N> = n_max")),
      Map.entry("cross_section_ratio", new ColumnDocs.Doc(ColumnDocs.NUMBER, "|sigma_SE / sigma_A|: largest gain at n_max over OD_0")),
      Map.entry("fluence", new ColumnDocs.Doc("mJ/cm^2", "pump fluence J")),
      Map.entry("intensity", new ColumnDocs.Doc("arb. units", "ASE spectrum I(E)")),
      Map.entry("spike_energy", new ColumnDocs.Doc(EV, "energy of the ASE spike")),
      Map.entry("spike_intensity", new ColumnDocs.Doc("arb. units", "intensity of the ASE spike")));

  private SimpleColumnDocs() {}

  /** A column's doc: the dictionary, a level population {@code N_<level>}, or a swept Simple parameter. */
  public static Optional<ColumnDocs.Doc> of(String column) {
    ColumnDocs.Doc d = DOCS.get(column);
    if (d != null) {
      return Optional.of(d);
    }
    if (column.startsWith("N_")) {
      return Optional.of(new ColumnDocs.Doc(ColumnDocs.NUMBER, "population (fraction) of level " + column.substring(2)));
    }
    return Arrays.stream(SimpleParameter.values()).filter(p -> p.label().equals(column)).findFirst()
        .map(p -> new ColumnDocs.Doc(p.unit().symbol().isEmpty() ? ColumnDocs.NUMBER : p.unit().symbol(),
            "Simple Model parameter " + column + " (shared/specs/simple-model.md, section 2)"));
  }

  /** Arrow field metadata of a Simple table's column ({@code unit}, {@code description}); empty if unknown. */
  public static Map<String, String> metadata(String column) {
    Optional<ColumnDocs.Doc> d = of(column);
    Map<String, String> m = new TreeMap<>();
    d.ifPresent(doc -> {
      if (doc.unit() != null) {
        m.put(TableCodec.UNIT_KEY, doc.unit());
      }
      m.put(TableCodec.DESCRIPTION_KEY, doc.description());
    });
    return m;
  }
}
