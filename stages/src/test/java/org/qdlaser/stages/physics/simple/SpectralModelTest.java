package org.qdlaser.stages.physics.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spectral model (spec 1b) against its closed forms, its exact reduction and the paper's numbers. */
class SpectralModelTest {
  /** Closed forms of exponentials and roots of quadratics: rounding only. */
  static final double ANALYTIC_TOLERANCE = 1e-12;
  /** The paper quotes thresholds to two significant figures ("from <N> = 1.0 to 1.5"). */
  static final double PAPER_THRESHOLD_TOLERANCE = 0.05;
  /** The paper quotes cross-section ratios as 1 and 0.3. */
  static final double PAPER_RATIO_TOLERANCE = 0.01;

  static SpectralModel model(SimpleModelKind k) {
    return SpectralModel.of(SimpleParameters.defaults(k));
  }

  static SpectralParameters spectral(SimpleModelKind k, java.util.function.Consumer<SimpleParameters.Builder> edit) {
    SimpleParameters.Builder b = SimpleParameters.builder(k);
    edit.accept(b);
    return b.build().spectral();
  }

  @ParameterizedTest
  @CsvSource({
      "0.010, 0.100, 0.080, 2.100", // 3LS defaults
      "0.038, 0.100, 0.080, 2.100", // 4LS defaults
      "0.000, 0.100, 0.080, 2.100", // 2LS: threshold 1 at E_A
      "0.025, 0.070, 0.050, 1.950",
      "0.060, 0.120, 0.060, 2.400"})
  void noEsaThresholdAndEnergyAreTheClosedForm(double stokes, double wAbs, double wEm, double eA) {
    SpectralParameters p = spectral(SimpleModelKind.SIMPLE_3LS, b -> b.set(SimpleParameter.STOKES, stokes)
        .set(SimpleParameter.FWHM_ABS, wAbs).set(SimpleParameter.FWHM_EM, wEm).set(SimpleParameter.E_ABS, eA));
    SeThreshold t = SeAnalysis.analyse(new SpectralModel(false, p));
    // Spec 1b: <N>_th = 2/(1 + exp(d^2/(2(sA^2 - sE^2)))) at E_th = E_A - d sA^2/(sA^2 - sE^2).
    double c = 2 * Math.sqrt(2 * Math.log(2));
    double sa2 = Math.pow(wAbs / c, 2);
    double se2 = Math.pow(wEm / c, 2);
    double nTh = 2 / (1 + Math.exp(stokes * stokes / (2 * (sa2 - se2))));
    double eTh = eA - stokes * sa2 / (sa2 - se2);
    assertThat(t.thresholdN()).isCloseTo(nTh, offset(ANALYTIC_TOLERANCE));
    assertThat(t.thresholdEnergy()).isCloseTo(eTh, offset(ANALYTIC_TOLERANCE));
    assertThat(t.atWindowEdge()).isFalse();
    // No ESA: the biexciton emits like two excitons, full inversion at <N> = 2 gives gain 1 at E_E.
    assertThat(t.crossSectionRatio()).isCloseTo(1.0, offset(ANALYTIC_TOLERANCE));
    assertThat(t.maxGainEnergy()).isCloseTo(eA - stokes, offset(ANALYTIC_TOLERANCE));
  }

  @Test
  void standardModelPoissonThresholdOfTheTwoLevelSystem() {
    // Spec 1b: Poisson, Stokes shift 0: the root of 1 - (2 + N) e^-N = 0, 1.146193.
    SpectralParameters p = spectral(SimpleModelKind.SIMPLE_2LS, b -> b.statistics(Statistics.POISSON));
    SeThreshold t = SeAnalysis.analyse(new SpectralModel(false, p));
    double root = bisect(n -> 1 - (2 + n) * Math.exp(-n), 0.5, 2);
    assertThat(t.thresholdN()).isCloseTo(root, offset(ANALYTIC_TOLERANCE));
    assertThat(t.thresholdN()).isCloseTo(1.146193, offset(5e-7));
    assertThat(t.thresholdEnergy()).isCloseTo(2.1, offset(ANALYTIC_TOLERANCE));
  }

  @Test
  void withoutEsaTheBinomialResponseIsLinearButThePoissonOneIsNot() {
    // P1/2 + P2 = <N>/2 holds for the binomial only; with P2 = 1 - P0 - P1 (Poisson saturated at
    // two excitons) it is 1 - e^-N (1 + N/2). Spec 1b says "for any statistics": see decisions.md.
    SpectralModel bin = model(SimpleModelKind.SIMPLE_3LS);
    SpectralModel poi = new SpectralModel(false, spectral(SimpleModelKind.SIMPLE_3LS, b -> b.statistics(Statistics.POISSON)));
    for (double e = 1.9; e <= 2.2; e += 0.05) {
      double a0 = bin.odNl(e, 0);
      double a2 = bin.odNl(e, 2);
      for (double n = 0.1; n < 2; n += 0.3) {
        assertThat(bin.odNl(e, n)).isCloseTo(a0 + (a2 - a0) * n / 2, offset(ANALYTIC_TOLERANCE));
      }
    }
    double e = 2.09;
    double linear = poi.odNl(e, 0) + (bin.odNl(e, 2) - bin.odNl(e, 0)) * 0.5;
    assertThat(Math.abs(poi.odNl(e, 1.0) - linear)).isGreaterThan(0.05);
  }

  @Test
  void thresholdOccupancyIsTheFirstZeroOfOdNl() {
    for (SimpleModelKind k : SimpleModelKind.values()) {
      for (Statistics s : Statistics.values()) {
        SpectralModel m = new SpectralModel(k.esa(), spectral(k, b -> b.statistics(s)));
        for (double e = 1.7; e < 2.3; e += 0.0137) {
          double n0 = m.thresholdOccupancy(e);
          double previous = Double.POSITIVE_INFINITY;
          boolean crossed = false;
          // Scan: OD_NL stays positive below N0 and reaches 0 at it.
          for (int j = 1; j <= 400; j++) {
            double n = 2.0 * j / 400;
            if (m.odNl(e, n) <= 0) {
              assertThat(n).as("%s %s E=%s", k, s, e).isGreaterThanOrEqualTo(n0 - 1e-12);
              crossed = true;
              break;
            }
          }
          if (Double.isFinite(n0)) {
            assertThat(m.odNl(e, n0)).as("%s %s E=%s", k, s, e).isCloseTo(0, offset(1e-13));
          } else {
            assertThat(crossed).as("%s %s E=%s", k, s, e).isFalse();
          }
        }
      }
    }
  }

  @Test
  void esaModelsReduceExactlyToTheNoEsaOnes() {
    // Spec 1b: _XX with a = 1, Delta_XXA2 = Delta^E_XX = 0, c = 1, w_esa = w_abs, w_xxem = w_em.
    for (LevelScheme scheme : LevelScheme.values()) {
      SimpleModelKind xx = SimpleModelKind.of(scheme, true);
      SpectralParameters p = spectral(xx, b -> b.set(SimpleParameter.ESA_STRENGTH, 1).set(SimpleParameter.XX_ABS_BINDING, 0)
          .set(SimpleParameter.XX_EM_BINDING, 0).set(SimpleParameter.XX_EM_STRENGTH, 1));
      SpectralModel withEsa = new SpectralModel(true, p);
      SpectralModel without = new SpectralModel(false, p);
      double[] a = new double[3];
      double[] b = new double[3];
      double[] pr = {0.2, 0.5, 0.3};
      for (double e = 1.6; e <= 2.4; e += 0.001) {
        withEsa.stateAbsorbances(e, a);
        without.stateAbsorbances(e, b);
        for (int i = 0; i < 3; i++) {
          assertThat(a[i]).isCloseTo(b[i], offset(ANALYTIC_TOLERANCE));
        }
        assertThat(withEsa.spontaneousEmission(e, pr)).isCloseTo(without.spontaneousEmission(e, pr), offset(ANALYTIC_TOLERANCE));
      }
      SeThreshold t1 = SeAnalysis.analyse(withEsa);
      SeThreshold t0 = SeAnalysis.analyse(without);
      assertThat(t1.thresholdN()).isCloseTo(t0.thresholdN(), offset(ANALYTIC_TOLERANCE));
      assertThat(t1.thresholdEnergy()).isCloseTo(t0.thresholdEnergy(), offset(ANALYTIC_TOLERANCE));
      assertThat(t1.crossSectionRatio()).isCloseTo(t0.crossSectionRatio(), offset(ANALYTIC_TOLERANCE));
      AseParameters ase = SimpleParameters.defaults(xx).ase();
      // cw: the _XX model at esa_ratio = 0 is the no-ESA rate problem.
      CwParameters cw = SimpleParameters.builder(xx).set(SimpleParameter.ESA_RATIO, 0).set(SimpleParameter.PUMP, 3).build().cw();
      CwParameters cw0 = SimpleParameters.builder(SimpleModelKind.of(scheme, false)).set(SimpleParameter.PUMP, 3).build().cw();
      assertThat(new CwRateEquations(scheme, cw).steadyState().gain())
          .isEqualTo(new CwRateEquations(scheme, cw0).steadyState().gain());
      assertThat(CwThreshold.of(scheme, cw)).isEqualTo(CwThreshold.of(scheme, cw0));
      assertThat(AseAnalysis.threshold(withEsa, ase).n()).isCloseTo(AseAnalysis.threshold(without, ase).n(), offset(1e-10));
    }
  }

  @Test
  void seThresholdsOfThePaper() {
    // Sec. 3.3 (Fig. 8e-f): "This loss channel raises the SE threshold from <N> = 1.0 to 1.5 for the
    // 3LS, and from 0.5 to 1.0 for the 4LS."
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_3LS)).thresholdN()).isCloseTo(1.0, offset(PAPER_THRESHOLD_TOLERANCE));
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_3LS_XX)).thresholdN()).isCloseTo(1.5, offset(PAPER_THRESHOLD_TOLERANCE));
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_4LS)).thresholdN()).isCloseTo(0.5, offset(PAPER_THRESHOLD_TOLERANCE));
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_4LS_XX)).thresholdN()).isCloseTo(1.0, offset(PAPER_THRESHOLD_TOLERANCE));
  }

  @Test
  void reconstructionNumbersOfSpecSection3() {
    // The spec's independent implementation, "to about three digits": 0.962 / 1.491 / 0.495 / 0.970.
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_3LS)).thresholdN()).isCloseTo(0.962, offset(5e-4));
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_3LS_XX)).thresholdN()).isCloseTo(1.491, offset(5e-4));
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_4LS)).thresholdN()).isCloseTo(0.495, offset(5e-4));
    assertThat(SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_4LS_XX)).thresholdN()).isCloseTo(0.970, offset(5e-4));
    // Qualitative: 3LS gain first at the red edge of PL, E_th = 2.072 against PL at 2.090.
    SeThreshold t = SeAnalysis.analyse(model(SimpleModelKind.SIMPLE_3LS));
    assertThat(t.thresholdEnergy()).isCloseTo(2.072, offset(5e-4)).isLessThan(2.090);
  }

  @Test
  void crossSectionRatiosOfThePaper() {
    // Sec. 3.3: "The predicted SE cross sections in the absence of ESA are |sigma_SE/sigma_A| = 1 ...
    // Upon introduction of biexciton formation, the SE cross section drops to 0.3."
    for (LevelScheme s : LevelScheme.values()) {
      assertThat(SeAnalysis.analyse(model(SimpleModelKind.of(s, false))).crossSectionRatio()).isCloseTo(1.0, offset(PAPER_RATIO_TOLERANCE));
      assertThat(SeAnalysis.analyse(model(SimpleModelKind.of(s, true))).crossSectionRatio()).isCloseTo(0.3, offset(PAPER_RATIO_TOLERANCE));
    }
  }

  @Test
  void maxGainIsAStationaryPointOfTheGain() {
    for (SimpleModelKind k : SimpleModelKind.values()) {
      SpectralModel m = model(k);
      for (double n : new double[] {0.7, 1.2, 2.0}) {
        SpectralExtremum g = SeAnalysis.maxGain(m, n);
        double h = 1e-5;
        if (!g.atWindowEdge()) {
          assertThat(-m.odNl(g.energy() - h, n)).isLessThanOrEqualTo(g.value());
          assertThat(-m.odNl(g.energy() + h, n)).isLessThanOrEqualTo(g.value());
        } else {
          // Below the SE threshold: no gain, the least absorption is the window's far tail.
          assertThat(g.value()).isNegative();
        }
        // Nothing on a fine scan beats it.
        for (double e = 1.6; e <= 2.4; e += 1e-4) {
          assertThat(-m.odNl(e, n)).isLessThanOrEqualTo(g.value() + 1e-12);
        }
      }
    }
  }

  @Test
  void occupationsSumToOneAndHaveMeanN() {
    double[] p = new double[3];
    for (double n = 0; n <= 2; n += 0.125) {
      Statistics.BINOMIAL.occupations(n, p);
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1, offset(1e-15));
      assertThat(p[1] + 2 * p[2]).isCloseTo(n, offset(1e-15));
      Statistics.POISSON.occupations(n, p);
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1, offset(1e-15));
      assertThat(p[2]).isGreaterThanOrEqualTo(0);
    }
  }

  static double bisect(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
    double flo = f.applyAsDouble(lo);
    for (int i = 0; i < 200 && hi - lo > 0; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid == lo || mid == hi) {
        break;
      }
      double fm = f.applyAsDouble(mid);
      if ((fm > 0) == (flo > 0)) {
        lo = mid;
        flo = fm;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
