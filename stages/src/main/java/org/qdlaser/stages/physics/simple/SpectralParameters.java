package org.qdlaser.stages.physics.simple;

import java.util.Objects;

/**
 * Parameters of the pulsed spectral model (spec 1b). Energies and widths in eV; strengths in units
 * of the unpumped peak absorbance OD_0.
 *
 * @param eAbs E_A, peak of the absorption 0 -&gt; X_A
 * @param fwhmAbs full width at half maximum of the absorption, &gt; 0
 * @param fwhmEm full width at half maximum of the exciton emission X_E -&gt; 0, &gt; 0
 * @param stokes Stokes shift E_A - E_E of the exciton emission
 * @param xxAbsBinding Delta_XXA2: the ESA X_E -&gt; XX_A2 peaks at E_A - Delta_XXA2
 * @param esaStrength a, peak of the ESA relative to OD_0 (1: an uncorrelated second slot), &gt;= 0
 * @param xxEmBinding Delta^E_XX = PL_X - PL_XX: the biexciton emission peaks at E_E - Delta^E_XX
 * @param xxEmStrength c, peak of the biexciton SE relative to OD_0, &gt;= 0
 * @param fwhmEsa width of the ESA, &gt; 0
 * @param fwhmXxEm width of the biexciton emission, &gt; 0
 * @param xxAbs1Binding Delta_XXA1 of the unrelaxed ESA X_A -&gt; XX_A1 (Fig. 8a display only, spec A6)
 * @param statistics excitation statistics
 * @param nMax top of the &lt;N&gt; axis, in (0, statistics' maximum]
 */
public record SpectralParameters(
    double eAbs,
    double fwhmAbs,
    double fwhmEm,
    double stokes,
    double xxAbsBinding,
    double esaStrength,
    double xxEmBinding,
    double xxEmStrength,
    double fwhmEsa,
    double fwhmXxEm,
    double xxAbs1Binding,
    Statistics statistics,
    double nMax) {

  public SpectralParameters {
    SimpleParameter.E_ABS.check(eAbs);
    SimpleParameter.FWHM_ABS.check(fwhmAbs);
    SimpleParameter.FWHM_EM.check(fwhmEm);
    SimpleParameter.STOKES.check(stokes);
    SimpleParameter.XX_ABS_BINDING.check(xxAbsBinding);
    SimpleParameter.ESA_STRENGTH.check(esaStrength);
    SimpleParameter.XX_EM_BINDING.check(xxEmBinding);
    SimpleParameter.XX_EM_STRENGTH.check(xxEmStrength);
    SimpleParameter.FWHM_ESA.check(fwhmEsa);
    SimpleParameter.FWHM_XX_EM.check(fwhmXxEm);
    SimpleParameter.XX_ABS1_BINDING.check(xxAbs1Binding);
    Objects.requireNonNull(statistics, "statistics");
    SimpleParameter.N_MAX.check(nMax);
    if (nMax > statistics.maxOccupancy()) {
      throw new IllegalArgumentException("n_max must be <= " + statistics.maxOccupancy() + " with "
          + statistics.label() + " statistics (two slots), got " + nMax);
    }
  }

  /** Peak of the exciton emission E_E = E_A - stokes, eV. */
  public double eEm() {
    return eAbs - stokes;
  }

  /**
   * Checks a mean exciton number against the &lt;N&gt; axis (0, n_max].
   *
   * @throws IllegalArgumentException naming the value and the allowed range
   */
  public double requireOccupancy(double n) {
    if (!(n > 0 && n <= nMax)) {
      throw new IllegalArgumentException("mean exciton number N must be in (0, n_max] = (0, " + nMax + "], got " + n);
    }
    return n;
  }
}
