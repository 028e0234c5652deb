package org.qdlaser.stages.physics.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Defaults (spec section 2), tied parameters, units and bad input. */
class SimpleParametersTest {

  @Test
  void defaultsOfSpecSection2() {
    SimpleParameters p = SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS);
    assertThat(p.cw().relax()).isEqualTo(1000);
    assertThat(p.cw().esaRatio()).isZero();
    assertThat(p.spectral().eAbs()).isEqualTo(2.1);
    assertThat(p.spectral().fwhmAbs()).isEqualTo(0.1);
    assertThat(p.spectral().fwhmEm()).isEqualTo(0.08);
    assertThat(p.spectral().stokes()).isEqualTo(0.010);
    assertThat(p.spectral().xxAbsBinding()).isEqualTo(0.020);
    assertThat(p.spectral().esaStrength()).isEqualTo(1.5);
    assertThat(p.spectral().xxEmBinding()).isEqualTo(0.020);
    assertThat(p.spectral().xxEmStrength()).isEqualTo(0.3);
    assertThat(p.spectral().statistics()).isEqualTo(Statistics.BINOMIAL);
    assertThat(p.spectral().nMax()).isEqualTo(2);
    assertThat(p.ase().g0()).isEqualTo(100);
    assertThat(p.ase().gainLength()).isEqualTo(1);
    assertThat(p.ase().fluenceMap()).isEqualTo(FluenceMap.RABI);
    assertThat(p.ase().saturationFluence()).isEqualTo(0.2);
    assertThat(SimpleParameters.defaults(SimpleModelKind.SIMPLE_2LS).spectral().stokes()).isZero();
    assertThat(SimpleParameters.defaults(SimpleModelKind.SIMPLE_4LS_XX).spectral().stokes()).isEqualTo(0.038);
    assertThat(SimpleParameters.defaults(SimpleModelKind.SIMPLE_4LS_XX).cw().esaRatio()).isEqualTo(1.0);
  }

  @Test
  void esaWidthsFollowTheLineWidthsUnlessSet() {
    SimpleParameters p = SimpleParameters.builder(SimpleModelKind.SIMPLE_3LS_XX)
        .set(SimpleParameter.FWHM_ABS, 0.09).set(SimpleParameter.FWHM_EM, 0.07).set(SimpleParameter.XX_ABS_BINDING, 0.05).build();
    assertThat(p.spectral().fwhmEsa()).isEqualTo(0.09);
    assertThat(p.spectral().fwhmXxEm()).isEqualTo(0.07);
    assertThat(p.spectral().xxAbs1Binding()).isEqualTo(0.05);
    SimpleParameters q = SimpleParameters.builder(SimpleModelKind.SIMPLE_3LS_XX)
        .set(SimpleParameter.FWHM_ESA, 0.12).set(SimpleParameter.FWHM_ABS, 0.09).build();
    assertThat(q.spectral().fwhmEsa()).isEqualTo(0.12);
  }

  @Test
  void ratesInPerSecondUseGammaX() {
    SimpleParameters p = SimpleParameters.builder(SimpleModelKind.SIMPLE_4LS)
        .setPerSecond(SimpleParameter.PUMP, 1e8).set(SimpleParameter.GAMMA_X, 2e7).build();
    assertThat(p.cw().pump()).isCloseTo(5.0, offset(1e-15));
    assertThatThrownBy(() -> SimpleParameters.builder(SimpleModelKind.SIMPLE_4LS).setPerSecond(SimpleParameter.STOKES, 1))
        .hasMessageContaining("stokes");
  }

  @Test
  void badInputNamesTheParameter() {
    assertThatThrownBy(() -> SimpleParameters.builder(SimpleModelKind.SIMPLE_3LS).set(SimpleParameter.FWHM_EM, -0.01).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("fwhm_em must be positive and finite, got -0.01 eV");
    assertThatThrownBy(() -> SimpleParameters.builder(SimpleModelKind.SIMPLE_3LS).set(SimpleParameter.N_MAX, 3).build())
        .hasMessageContaining("n_max must be <= 2.0 with binomial statistics");
    assertThat(SimpleParameters.builder(SimpleModelKind.SIMPLE_3LS).statistics(Statistics.POISSON)
        .set(SimpleParameter.N_MAX, 3).build().spectral().nMax()).isEqualTo(3);
    assertThatThrownBy(() -> Statistics.parse("gaussian")).hasMessage("unknown statistics 'gaussian', allowed: binomial, poisson");
    assertThatThrownBy(() -> SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS).spectral().requireOccupancy(2.5))
        .hasMessageContaining("(0, 2.0]");
    assertThatThrownBy(() -> SimpleParameters.defaults(SimpleModelKind.SIMPLE_3LS).spectral().requireOccupancy(0))
        .hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> SimpleModelKind.parse("SIMPLE_5LS")).hasMessageContaining("SIMPLE_2LS, SIMPLE_3LS");
  }

  @Test
  void asMapNamesEveryParameter() {
    var m = SimpleParameters.defaults(SimpleModelKind.SIMPLE_2LS_XX).asMap();
    assertThat(m).containsEntry("stokes", 0.0).containsEntry("esa_ratio", 1.0).containsEntry("statistics", "binomial")
        .containsEntry("fluence_map", "rabi").hasSize(SimpleParameter.values().length + 2);
  }
}
