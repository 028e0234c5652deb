package org.qdlaser.stages.simple;

import java.util.Objects;
import org.qdlaser.stages.physics.simple.AseAnalysis;
import org.qdlaser.stages.physics.simple.AseThreshold;
import org.qdlaser.stages.physics.simple.SimpleModelKind;
import org.qdlaser.stages.physics.simple.SimpleParameters;
import org.qdlaser.stages.physics.simple.SpectralExtremum;
import org.qdlaser.stages.physics.simple.SpectralModel;

/**
 * ASE spectra of a Simple Model against pump fluence (paper Figs. 9a-d).
 *
 * @param kind model
 * @param threshold the ASE threshold (&lt;N&gt;, J/J_s, fluence, energy)
 * @param fluences pump fluences, mJ/cm^2 (copied)
 * @param occupancies &lt;N&gt; per fluence under the fluence map
 * @param energies photon energies, eV
 * @param intensities I(E), row-major (fluences x energies), arbitrary units (see {@link
 *     AseAnalysis#spectrum})
 * @param spikeEnergies energy of the ASE maximum per fluence, eV (over the probe window)
 * @param spikeIntensities the maximum per fluence
 */
public record AseSpectra(SimpleModelKind kind, AseThreshold threshold, double[] fluences, double[] occupancies,
    double[] energies, double[] intensities, double[] spikeEnergies, double[] spikeIntensities) {

  public AseSpectra {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(threshold, "threshold");
    fluences = fluences.clone();
    occupancies = occupancies.clone();
    energies = energies.clone();
    intensities = intensities.clone();
    spikeEnergies = spikeEnergies.clone();
    spikeIntensities = spikeIntensities.clone();
  }

  /**
   * Spectra at absolute fluences.
   *
   * @throws IllegalArgumentException for a negative fluence, one beyond the Rabi pi pulse, or one
   *     whose &lt;N&gt; exceeds n_max
   */
  public static AseSpectra compute(SimpleParameters p, double[] energies, double[] fluences) {
    SpectralModel m = SpectralModel.of(p);
    AseThreshold t = AseAnalysis.threshold(m, p.ase());
    return compute(p, m, t, energies, fluences);
  }

  /** Spectra at multiples of the model's ASE threshold fluence (IllegalArgumentException without threshold). */
  public static AseSpectra computeRelative(SimpleParameters p, double[] energies, double[] multiples) {
    SpectralModel m = SpectralModel.of(p);
    AseThreshold t = AseAnalysis.threshold(m, p.ase());
    if (!t.exists()) {
      throw new IllegalArgumentException(p.kind() + " reaches no ASE threshold up to n_max = " + p.spectral().nMax()
          + ": fluences relative to it are undefined");
    }
    double[] fluences = new double[multiples.length];
    for (int i = 0; i < multiples.length; i++) {
      fluences[i] = multiples[i] * t.fluence();
    }
    return compute(p, m, t, energies, fluences);
  }

  private static AseSpectra compute(SimpleParameters p, SpectralModel m, AseThreshold t, double[] energies,
      double[] fluences) {
    int nf = fluences.length;
    double[] occ = new double[nf];
    double[] spectra = new double[nf * energies.length];
    double[] spikeE = new double[nf];
    double[] spikeI = new double[nf];
    for (int i = 0; i < nf; i++) {
      double j = fluences[i];
      if (!(j >= 0 && j < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("fluence must be finite and >= 0 mJ/cm^2, got " + j);
      }
      double x = j / p.ase().saturationFluence();
      double n;
      try {
        n = p.ase().fluenceMap().occupancy(x);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fluence " + j + " mJ/cm^2: " + e.getMessage(), e);
      }
      if (n > p.spectral().nMax()) {
        throw new IllegalArgumentException("fluence " + j + " mJ/cm^2 gives <N> = " + n + " beyond n_max = "
            + p.spectral().nMax());
      }
      occ[i] = n;
      System.arraycopy(AseAnalysis.spectrum(m, p.ase(), n, energies), 0, spectra, i * energies.length, energies.length);
      SpectralExtremum s = AseAnalysis.spike(m, p.ase(), n);
      spikeE[i] = s.energy();
      spikeI[i] = s.value();
    }
    return new AseSpectra(p.kind(), t, fluences, occ, energies, spectra, spikeE, spikeI);
  }

  /** I(E) at fluence row {@code i}; a new array. */
  public double[] spectrum(int i) {
    double[] out = new double[energies.length];
    System.arraycopy(intensities, i * energies.length, out, 0, energies.length);
    return out;
  }

  @Override
  public double[] fluences() {
    return fluences.clone();
  }

  @Override
  public double[] occupancies() {
    return occupancies.clone();
  }

  @Override
  public double[] energies() {
    return energies.clone();
  }

  @Override
  public double[] intensities() {
    return intensities.clone();
  }

  @Override
  public double[] spikeEnergies() {
    return spikeEnergies.clone();
  }

  @Override
  public double[] spikeIntensities() {
    return spikeIntensities.clone();
  }
}
