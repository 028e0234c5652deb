package org.qdlaser.pipeline.artifacts;

import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.equilibrium.RelaxationOscillation;
import org.qdlaser.stages.equilibrium.RelaxationSweep;
import org.qdlaser.stages.physics.PhotonStatistics;

/**
 * {@code equilibrium/<label>-relaxation.arrow|csv}: the steady states of a relaxation sweep (issue
 * 19), the non-lasing branch by increasing pump then the lasing branch down in amplitude, each with
 * its relaxation oscillation (NaN where there is none), the photon number's mean relaxation time and
 * g2(0). Rates and frequencies in gamma_nr and in s^-1 (rad/s for frequencies).
 *
 * @param rows the points in sweep order
 */
public record RelaxationTable(List<Row> rows) {
  public RelaxationTable {
    rows = List.copyOf(rows);
  }

  /**
   * One steady state.
   *
   * @param lasing on the lasing branch
   * @param pump r (normalised); {@code pumpPerSecond} in s^-1
   * @param bAbs |b|
   * @param photons &lt;b+b&gt;
   * @param upperPopulation mean &lt;c+c&gt;
   * @param stable stable
   * @param rightmostEigenvalue real part of the rightmost eigenvalue (gamma_nr)
   * @param frequency the relaxation oscillation's angular frequency (gamma_nr), NaN if none
   * @param damping its damping rate (gamma_nr), NaN if none
   * @param leading the pair is the rightmost part of the spectrum
   * @param visible a 10 % step moves the population or the photon number by >= 1e-5
   * @param populationAmplitude the pair's amplitude in the mean population per relative step
   * @param photonAmplitude the same in the photon number, relative
   * @param photonRelaxationTime tau_n (1/gamma_nr), NaN where not computed
   * @param g2 g2(0)
   * @param g2Physical the moments belong to a Gaussian quantum state
   * @param incoherentPhotons &lt;b+b&gt; - |&lt;b&gt;|^2
   * @param anomalousCumulant |&lt;bb&gt; - &lt;b&gt;^2|
   */
  public record Row(boolean lasing, double pump, double pumpPerSecond, double bAbs, double photons, double upperPopulation,
      boolean stable, double rightmostEigenvalue, double frequency, double damping, boolean leading, boolean visible,
      double populationAmplitude, double photonAmplitude, double photonRelaxationTime, double g2, boolean g2Physical,
      double incoherentPhotons, double anomalousCumulant) {

    public static Row of(RelaxationSweep.Point p, double gammaNrPerSecond) {
      RelaxationOscillation ro = p.relaxation();
      PhotonStatistics s = p.statistics();
      boolean has = ro != null;
      return new Row(p.branch() == RelaxationSweep.Branch.LASING, p.pump(), p.pump() * gammaNrPerSecond, p.bAbs(),
          p.photons(), p.upperPopulation(), p.stable(), p.rightmostEigenvalue(), has ? ro.frequency() : Double.NaN,
          has ? ro.damping() : Double.NaN, has && ro.leading(), has && ro.visible(),
          has ? ro.populationAmplitude() : Double.NaN, has ? ro.photonAmplitude() : Double.NaN,
          p.photonRelaxationTime(), s.g2(), s.physical(), s.incoherentPhotons(), s.anomalousCumulant());
    }

    public boolean hasRelaxation() {
      return Double.isFinite(frequency);
    }
  }

  public static RelaxationTable of(RelaxationSweep.Result r, double gammaNrPerSecond) {
    return new RelaxationTable(r.points().stream().map(p -> Row.of(p, gammaNrPerSecond)).toList());
  }

  private double[] d(java.util.function.ToDoubleFunction<Row> f) {
    return rows.stream().mapToDouble(f).toArray();
  }

  private boolean[] b(java.util.function.Predicate<Row> f) {
    boolean[] a = new boolean[rows.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = f.test(rows.get(i));
    }
    return a;
  }

  Table toTable(double gammaNrPerSecond) {
    return Table.builder("relaxation").addBoolean("lasing", b(Row::lasing)).addDouble("pump", d(Row::pump))
        .addDouble("pump_per_s", d(Row::pumpPerSecond)).addDouble("b_abs", d(Row::bAbs)).addDouble("photons", d(Row::photons))
        .addDouble("upper_population", d(Row::upperPopulation)).addBoolean("stable", b(Row::stable))
        .addDouble("rightmost_eigenvalue", d(Row::rightmostEigenvalue)).addDouble("frequency", d(Row::frequency))
        .addDouble("damping", d(Row::damping)).addDouble("frequency_per_s", d(r -> r.frequency() * gammaNrPerSecond))
        .addDouble("damping_per_s", d(r -> r.damping() * gammaNrPerSecond)).addBoolean("leading", b(Row::leading))
        .addBoolean("visible", b(Row::visible)).addDouble("population_amplitude", d(Row::populationAmplitude))
        .addDouble("photon_amplitude", d(Row::photonAmplitude))
        .addDouble("photon_relaxation_time", d(Row::photonRelaxationTime)).addDouble("g2", d(Row::g2))
        .addBoolean("g2_physical", b(Row::g2Physical)).addDouble("incoherent_photons", d(Row::incoherentPhotons))
        .addDouble("anomalous_cumulant", d(Row::anomalousCumulant)).build();
  }

  public Map<String, byte[]> files(String label, double gammaNrPerSecond) {
    return TableFiles.of(ArtifactPaths.relaxation(label), toTable(gammaNrPerSecond));
  }

  public static RelaxationTable fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    boolean[] lasing = t.booleans("lasing");
    double[] pump = t.doubles("pump");
    double[] pumpS = t.doubles("pump_per_s");
    double[] bAbs = t.doubles("b_abs");
    double[] photons = t.doubles("photons");
    double[] cc = t.doubles("upper_population");
    boolean[] stable = t.booleans("stable");
    double[] lambda = t.doubles("rightmost_eigenvalue");
    double[] f = t.doubles("frequency");
    double[] dmp = t.doubles("damping");
    boolean[] leading = t.booleans("leading");
    boolean[] visible = t.booleans("visible");
    double[] pa = t.doubles("population_amplitude");
    double[] na = t.doubles("photon_amplitude");
    double[] tau = t.doubles("photon_relaxation_time");
    double[] g2 = t.doubles("g2");
    boolean[] phys = t.booleans("g2_physical");
    double[] dn = t.doubles("incoherent_photons");
    double[] dm = t.doubles("anomalous_cumulant");
    Row[] rows = new Row[pump.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Row(lasing[i], pump[i], pumpS[i], bAbs[i], photons[i], cc[i], stable[i], lambda[i], f[i], dmp[i],
          leading[i], visible[i], pa[i], na[i], tau[i], g2[i], phys[i], dn[i], dm[i]);
    }
    return new RelaxationTable(List.of(rows));
  }
}
