package org.qdlaser.pipeline.artifacts;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.physics.simple.AseThreshold;
import org.qdlaser.stages.physics.simple.CwSteadyState;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SpectralModel;
import org.qdlaser.stages.simple.AseSpectra;
import org.qdlaser.stages.simple.CwGain;
import org.qdlaser.stages.simple.SeMap;
import org.qdlaser.stages.simple.SeThresholdCurve;

/**
 * The data tables of the Simple Model figures ({@code simple/<label>-<table>.arrow} and its CSV
 * twin), written from the stages' records and read back into them for the report. Maps and
 * spectra are stored long (one row per grid point), so every CSV is a plain x, y, value list.
 */
public final class SimpleFigureTables {
  public static final String CW_CURVE = "cw-curve";
  public static final String CW_TRACE = "cw-trace";
  public static final String LINE_SHAPES = "line-shapes";
  public static final String SE_MAP = "se-map";
  public static final String SE_BUILDUP = "se-buildup";
  public static final String SE_THRESHOLD_CURVE = "se-threshold-curve";
  public static final String ASE_SPECTRA = "ase-spectra";
  public static final String ASE_SPIKES = "ase-spikes";

  private SimpleFigureTables() {}

  private static Map<String, byte[]> files(String label, String name, Table t) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.putAll(TableFiles.simple(ArtifactPaths.simpleTable(label, name), t));
    return out;
  }

  /** The table {@code name} of run {@code label} from the inputs' Arrow bytes. */
  public static Table read(byte[] arrow) {
    return TableCodec.fromArrowIpc(arrow);
  }

  private static void levelColumns(Table.Builder b, SimpleModelKind k, double[] rowMajor, int rows) {
    List<String> names = k.scheme().levelNames();
    int levels = names.size();
    for (int j = 0; j < levels; j++) {
      double[] c = new double[rows];
      for (int i = 0; i < rows; i++) {
        c[i] = rowMajor[i * levels + j];
      }
      b.addDouble("N_" + names.get(j), c);
    }
  }

  private static double[] levelsOf(Table t, SimpleModelKind k) {
    List<String> names = k.scheme().levelNames();
    int rows = t.rowCount();
    double[] out = new double[rows * names.size()];
    for (int j = 0; j < names.size(); j++) {
      double[] c = t.doubles("N_" + names.get(j));
      for (int i = 0; i < rows; i++) {
        out[i * names.size() + j] = c[i];
      }
    }
    return out;
  }

  // --- Figs. 6d / 7b ---

  public static Map<String, byte[]> cw(String label, CwGain.Curve c, CwGain.Trace tr) {
    Table.Builder a = Table.builder(CW_CURVE).addDouble("pump", c.pumps()).addDouble("gain", c.gain())
        .addDouble("inversion", c.inversion());
    levelColumns(a, c.kind(), c.populations(), c.pumps().length);
    Table.Builder b = Table.builder(CW_TRACE).addDouble("time", tr.times()).addDouble("gain", tr.gain());
    levelColumns(b, tr.kind(), tr.populations(), tr.times().length);
    Map<String, byte[]> out = files(label, CW_CURVE, a.build());
    out.putAll(files(label, CW_TRACE, b.build()));
    return out;
  }

  public static CwGain.Curve cwCurve(byte[] arrow, SimpleSummary s) {
    Table t = read(arrow);
    SimpleModelKind k = SimpleModelKind.parse(s.model());
    return new CwGain.Curve(k, t.doubles("pump"), levelsOf(t, k), t.doubles("gain"), t.doubles("inversion"),
        s.cwThreshold());
  }

  public static CwGain.Trace cwTrace(byte[] arrow, SimpleSummary s, double pump) {
    Table t = read(arrow);
    SimpleModelKind k = SimpleModelKind.parse(s.model());
    double[] pops = s.steadyStatePopulations().stream().mapToDouble(Double::doubleValue).toArray();
    return new CwGain.Trace(k, pump, t.doubles("time"), levelsOf(t, k), t.doubles("gain"),
        new CwSteadyState(pops, s.steadyStateGain(), Double.NaN, Double.NaN, Double.NaN));
  }

  // --- Fig. 8a ---

  public static Map<String, byte[]> lineShapes(String label, double[] energies, Map<SpectralModel.Transition, double[]> l) {
    Table.Builder b = Table.builder(LINE_SHAPES).addDouble("energy", energies);
    for (Map.Entry<SpectralModel.Transition, double[]> e : l.entrySet()) {
      b.addDouble(e.getKey().name(), e.getValue());
    }
    return files(label, LINE_SHAPES, b.build());
  }

  public static Map<SpectralModel.Transition, double[]> lineShapes(byte[] arrow) {
    Table t = read(arrow);
    Map<SpectralModel.Transition, double[]> out = new EnumMap<>(SpectralModel.Transition.class);
    for (SpectralModel.Transition tr : SpectralModel.Transition.values()) {
      out.put(tr, t.doubles(tr.name()));
    }
    return out;
  }

  // --- Figs. 8c-f ---

  public static Map<String, byte[]> seMap(String label, SeMap m) {
    double[] e = m.energies();
    double[] n = m.occupancies();
    double[] od = m.odNl();
    double[] ne = new double[od.length];
    double[] ee = new double[od.length];
    for (int i = 0; i < n.length; i++) {
      for (int j = 0; j < e.length; j++) {
        ne[i * e.length + j] = n[i];
        ee[i * e.length + j] = e[j];
      }
    }
    Table map = Table.builder(SE_MAP).addDouble("N", ne).addDouble("energy", ee).addDouble("od_nl", od).build();
    Table buildup = Table.builder(SE_BUILDUP).addDouble("N", n)
        .addDouble("od_nl_at_threshold_energy", m.odNlAtThresholdEnergy())
        .addDouble("od_nl_at_max_gain_energy", m.odNlAtMaxGainEnergy()).build();
    Map<String, byte[]> out = files(label, SE_MAP, map);
    out.putAll(files(label, SE_BUILDUP, buildup));
    return out;
  }

  public static SeMap seMap(byte[] mapArrow, byte[] buildupArrow, SimpleSummary s) {
    Table b = read(buildupArrow);
    Table m = read(mapArrow);
    double[] n = b.doubles("N");
    double[] ee = m.doubles("energy");
    int ne = ee.length / n.length;
    double[] e = java.util.Arrays.copyOf(ee, ne);
    return new SeMap(SimpleModelKind.parse(s.model()), e, n, m.doubles("od_nl"), s.seThreshold(),
        b.doubles("od_nl_at_threshold_energy"), b.doubles("od_nl_at_max_gain_energy"));
  }

  // --- Figs. 8g-h ---

  public static Map<String, byte[]> thresholdCurve(String label, SeThresholdCurve c) {
    Table t = Table.builder(SE_THRESHOLD_CURVE).addDouble(c.parameter().label(), c.values())
        .addDouble("se_threshold_N", c.thresholdN()).addDouble("se_threshold_energy", c.thresholdEnergy())
        .addBoolean("se_at_window_edge", c.atWindowEdge())
        .addDouble("se_threshold_N_at_max_gain_energy", c.thresholdNAtMaxGainEnergy())
        .addDouble("se_max_gain_energy", c.maxGainEnergy()).addDouble("cross_section_ratio", c.crossSectionRatio())
        .build();
    return files(label, SE_THRESHOLD_CURVE, t);
  }

  public static SeThresholdCurve thresholdCurve(byte[] arrow, SimpleModelKind k, SimpleParameter p) {
    Table t = read(arrow);
    return new SeThresholdCurve(k, p, t.doubles(p.label()), t.doubles("se_threshold_N"),
        t.doubles("se_threshold_energy"), t.booleans("se_at_window_edge"),
        t.doubles("se_threshold_N_at_max_gain_energy"), t.doubles("se_max_gain_energy"),
        t.doubles("cross_section_ratio"));
  }

  // --- Figs. 9a-d ---

  public static Map<String, byte[]> ase(String label, AseSpectra a) {
    double[] e = a.energies();
    double[] j = a.fluences();
    double[] in = a.intensities();
    double[] je = new double[in.length];
    double[] ee = new double[in.length];
    for (int i = 0; i < j.length; i++) {
      for (int k = 0; k < e.length; k++) {
        je[i * e.length + k] = j[i];
        ee[i * e.length + k] = e[k];
      }
    }
    Table spectra = Table.builder(ASE_SPECTRA).addDouble("fluence", je).addDouble("energy", ee)
        .addDouble("intensity", in).build();
    Table spikes = Table.builder(ASE_SPIKES).addDouble("fluence", j).addDouble("N", a.occupancies())
        .addDouble("spike_energy", a.spikeEnergies()).addDouble("spike_intensity", a.spikeIntensities()).build();
    Map<String, byte[]> out = files(label, ASE_SPECTRA, spectra);
    out.putAll(files(label, ASE_SPIKES, spikes));
    return out;
  }

  public static AseSpectra ase(byte[] spectraArrow, byte[] spikesArrow, SimpleSummary s) {
    Table sp = read(spikesArrow);
    Table t = read(spectraArrow);
    double[] j = sp.doubles("fluence");
    double[] ee = t.doubles("energy");
    double[] e = java.util.Arrays.copyOf(ee, ee.length / j.length);
    AseThreshold th = new AseThreshold(s.aseThresholdN(), Double.NaN, s.aseThresholdFluence(), s.aseThresholdEnergy());
    return new AseSpectra(SimpleModelKind.parse(s.model()), th, j, sp.doubles("N"), e, t.doubles("intensity"),
        sp.doubles("spike_energy"), sp.doubles("spike_intensity"));
  }
}
