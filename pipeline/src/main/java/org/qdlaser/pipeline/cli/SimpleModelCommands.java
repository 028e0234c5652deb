package org.qdlaser.pipeline.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.input.SimpleInputs;
import org.qdlaser.stages.physics.simple.AseAnalysis;
import org.qdlaser.stages.physics.simple.AseThreshold;
import org.qdlaser.stages.physics.simple.CwRateEquations;
import org.qdlaser.stages.physics.simple.CwSteadyState;
import org.qdlaser.stages.physics.simple.CwThreshold;
import org.qdlaser.stages.physics.simple.SeAnalysis;
import org.qdlaser.stages.physics.simple.SeThreshold;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameter;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.physics.simple.SpectralExtremum;
import org.qdlaser.stages.physics.simple.SpectralModel;
import org.qdlaser.stages.physics.simple.SpectralParameters;

/**
 * The JSON of {@code point}, {@code threshold} and {@code spectrum} for the Simple Models (spec
 * section 5): the commands route here when {@code --model} names one. Values that do not exist
 * (no threshold, no gain) are JSON null, never NaN.
 */
final class SimpleModelCommands {
  /** Largest number of energies {@code spectrum} prints (a 1 MB-ish JSON at most). */
  static final int MAX_ENERGIES = 100_000;

  private SimpleModelCommands() {}

  /** cw steady state at the pump of {@code --set pump} (required). */
  static Map<String, Object> point(SimpleModelKind kind, ModelOptions options) {
    SimpleInputs.Resolved in = options.resolveSimple(kind, SimpleInputs.extras());
    if (!options.set.containsKey(SimpleParameter.PUMP.label())) {
      throw new InputException("--set pump", "point needs the cw pump rate W (units of gamma_X, or with /s), e.g. "
          + "--set pump=2; allowed: finite and >= 0");
    }
    SimpleParameters p = in.parameters();
    CwRateEquations eq = new CwRateEquations(kind.scheme(), p.cw());
    CwSteadyState s = eq.steadyState();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", kind.name());
    out.put("parameters", p.asMap());
    Map<String, Object> pops = new LinkedHashMap<>();
    List<String> names = kind.scheme().levelNames();
    double[] y = s.populations();
    for (int i = 0; i < names.size(); i++) {
      pops.put(names.get(i), y[i]);
    }
    out.put("populations", pops);
    out.put("gain", s.gain());
    out.put("inversion", s.inversion());
    out.put("residual", s.residual());
    out.put("stable", s.stable());
    out.put("relaxation_rate", s.relaxationRate());
    out.put("lasing", s.gain() > 0);
    return out;
  }

  /** cw kind and pump, SE threshold and cross sections, ASE threshold and fluence. */
  static Map<String, Object> threshold(SimpleModelKind kind, ModelOptions options) {
    SimpleInputs.Resolved in = options.resolveSimple(kind, SimpleInputs.extras());
    SimpleParameters p = in.parameters();
    CwThreshold cw = CwThreshold.of(kind.scheme(), p.cw());
    SpectralModel m = SpectralModel.of(p);
    SeThreshold se = SeAnalysis.analyse(m);
    AseThreshold ase = AseAnalysis.threshold(m, p.ase());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", kind.name());
    Map<String, Object> params = p.asMap();
    params.remove(SimpleParameter.PUMP.label()); // the pump is the result, not an input
    out.put("parameters", params);
    Double pump = cw.kind() == org.qdlaser.stages.physics.simple.CwKind.NEVER ? null : cw.pump();
    out.put("threshold_pump", pump);
    out.put("threshold_pump_per_s", pump == null ? null : pump * p.cw().gammaX());
    out.put("kind", cw.kind().label());
    out.put("se_threshold_N", orNull(se.thresholdN()));
    out.put("se_threshold_energy", orNull(se.thresholdEnergy()));
    out.put("se_at_window_edge", se.atWindowEdge());
    out.put("se_max_gain_energy", orNull(se.maxGainEnergy()));
    out.put("se_threshold_N_at_max_gain_energy", orNull(se.thresholdNAtMaxGainEnergy()));
    out.put("cross_section_ratio", se.crossSectionRatio());
    out.put("ase_threshold_N", orNull(ase.n()));
    out.put("ase_threshold_fluence", orNull(ase.fluence()));
    out.put("ase_threshold_energy", orNull(ase.energy()));
    out.put("ase_threshold_photons", orNull(ase.photons()));
    return out;
  }

  /**
   * The spectra at one mean exciton number ({@code --set N}) or pump fluence ({@code --set
   * fluence}, mJ/cm^2, through the fluence map).
   *
   * @param energies "lo:hi:step" in eV (each may carry a meV suffix), or null for the probe window
   *     at 1 meV
   */
  static Map<String, Object> spectrum(SimpleModelKind kind, ModelOptions options, String energies, boolean ase) {
    SimpleInputs.Resolved in = options.resolveSimple(kind, SimpleInputs.extras(SimpleInputs.N, SimpleInputs.FLUENCE));
    SimpleParameters p = in.parameters();
    SpectralParameters sp = p.spectral();
    Double nGiven = in.extras().get(SimpleInputs.N);
    Double fluence = in.extras().get(SimpleInputs.FLUENCE);
    if ((nGiven == null) == (fluence == null)) {
      throw new InputException("--set N", "spectrum needs exactly one of --set N=<mean exciton number in (0, n_max] = (0, "
          + sp.nMax() + "]> or --set fluence=<mJ/cm^2>, got " + (nGiven == null ? "neither" : "both"));
    }
    double n;
    double x;
    if (fluence != null) {
      x = fluence / p.ase().saturationFluence();
      try {
        n = p.ase().fluenceMap().occupancy(x);
      } catch (IllegalArgumentException ex) {
        throw new InputException("--set fluence", ex.getMessage() + " with saturation_fluence = "
            + p.ase().saturationFluence() + " mJ/cm^2: fluence must be <= "
            + p.ase().fluenceMap().maxPhotons() * p.ase().saturationFluence() + " mJ/cm^2, got " + fluence);
      }
      if (!(n > 0 && n <= sp.nMax())) {
        throw new InputException("--set fluence", "fluence " + fluence + " mJ/cm^2 gives <N> = " + n
            + ", outside (0, n_max] = (0, " + sp.nMax() + "]");
      }
    } else {
      n = nGiven;
      try {
        sp.requireOccupancy(n);
      } catch (IllegalArgumentException ex) {
        throw new InputException("--set N", ex.getMessage());
      }
      x = n <= 2 || p.ase().fluenceMap() != org.qdlaser.stages.physics.simple.FluenceMap.RABI
          ? p.ase().fluenceMap().photons(n) : Double.NaN;
    }
    double[] e = energies == null ? defaultGrid(sp) : grid(energies);
    SpectralModel m = SpectralModel.of(p);
    double[] od = new double[e.length];
    double[] se = new double[e.length];
    for (int i = 0; i < e.length; i++) {
      od[i] = m.odNl(e[i], n);
      se[i] = m.se(e[i], n);
    }
    double[] pr = new double[3];
    sp.statistics().occupations(n, pr);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", kind.name());
    out.put("parameters", p.asMap());
    out.put("N", n);
    out.put("fluence", Double.isNaN(x) ? null : x * p.ase().saturationFluence());
    out.put("energies", e);
    out.put("od_nl", od);
    out.put("se", se);
    Map<String, Object> occ = new LinkedHashMap<>();
    occ.put("P0", pr[0]);
    occ.put("P1", pr[1]);
    occ.put("P2", pr[2]);
    out.put("occupations", occ);
    // Refined over the printed range (the grid brackets it, derivative roots locate it).
    SpectralExtremum mg = SeAnalysis.maxGain(m, n, e[0], e[e.length - 1]);
    boolean gain = mg.exists() && mg.value() > 0;
    out.put("max_gain", gain ? mg.value() : 0.0);
    out.put("max_gain_energy", gain ? mg.energy() : null);
    if (ase) {
      out.put("ase_intensity", AseAnalysis.spectrum(m, p.ase(), n, e));
      out.put("ase_gain", p.ase().g0() * (gain ? mg.value() : 0.0));
    }
    return out;
  }

  private static double[] defaultGrid(SpectralParameters sp) {
    double lo = SeAnalysis.windowLow(sp);
    double hi = SeAnalysis.windowHigh(sp);
    return points(lo, hi, 1e-3, "--energies");
  }

  /** Parses "lo:hi:step" (eV, or with meV suffixes). */
  static double[] grid(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new InputException("--energies", "expected lo:hi:step in eV (e.g. 1.9:2.2:0.001), got '" + text + "'");
    }
    double lo = SimpleInputs.energy("--energies", parts[0]);
    double hi = SimpleInputs.energy("--energies", parts[1]);
    double step = SimpleInputs.energy("--energies", parts[2]);
    if (!(hi > lo) || !(step > 0)) {
      throw new InputException("--energies", "need lo < hi and step > 0, got lo = " + lo + " eV, hi = " + hi
          + " eV, step = " + step + " eV ('" + text + "')");
    }
    return points(lo, hi, step, "--energies");
  }

  private static double[] points(double lo, double hi, double step, String field) {
    double count = Math.floor((hi - lo) / step * (1 + 1e-12)) + 1;
    if (count > MAX_ENERGIES) {
      throw new InputException(field, "at most " + MAX_ENERGIES + " energies, got " + (long) count + " from ["
          + lo + ", " + hi + "] eV in steps of " + step + " eV");
    }
    int k = (int) count;
    double[] e = new double[k];
    for (int i = 0; i < k; i++) {
      e[i] = lo + i * step;
    }
    return e;
  }

  private static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
