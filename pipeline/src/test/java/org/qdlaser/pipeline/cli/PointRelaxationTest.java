package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qdlaser.stages.physics.CimAdiabaticLimit;
import org.qdlaser.stages.physics.LaserParameters;

/**
 * {@code point --json}'s issue-19 keys: {@code relaxation} (or null with {@code relaxation_reason})
 * and {@code g2} with {@code g2_physical} (docs/decisions.md, "Relaxation oscillations from the
 * spectrum" and "Photon statistics").
 */
class PointRelaxationTest {
  static JsonNode point(String... args) throws Exception {
    CliTest.Result r = CliTest.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  /**
   * Analytic: the CIM's adiabatic rate-equation limit (CimAdiabaticLimit, derivation in its Javadoc)
   * where it holds, gamma = 1e14 s^-1 >> gamma_c = 1e12 s^-1, g = sqrt(1e23) s^-1, N = 2000, r = 8e11
   * s^-1 (lasing, r_th = 6.0e11 s^-1). The full CIM's pair lies within eps |lambda| of the limit's
   * (the limit is first order in eps = max(|lambda|, gamma_c, p) / gamma: each eliminated coupling
   * is off by a relative O(eps)). gamma_nr = 2e9 s^-1 checks the conversion to s^-1.
   */
  @Test
  void cimRelaxationMatchesItsAdiabaticLimitAndConvertsToPerSecond() throws Exception {
    JsonNode j = point("point", "--model", "CIM", "--set", "gamma_nr=2e9/s", "--set", "gamma=1e14/s", "--set",
        "gamma_c=1e12/s", "--set", "g=" + Math.sqrt(1e23) + "/s", "--set", "N=2000", "--set", "r=8e11/s", "--json");
    assertThat(j.get("lasing").asBoolean()).isTrue();
    JsonNode p = j.get("parameters");
    LaserParameters lp = new LaserParameters(p.get("gamma").asDouble(), p.get("gamma_c").asDouble(),
        p.get("gamma_nl").asDouble(), p.get("gamma_nr").asDouble(), p.get("g").asDouble(), p.get("mu").asDouble(),
        p.get("N").asInt(), p.get("r").asDouble(), p.get("delta_nu").asDouble());
    CimAdiabaticLimit limit = new CimAdiabaticLimit(lp);
    CimAdiabaticLimit.State s = limit.steadyState();
    CimAdiabaticLimit.Mode analytic = s.oscillation();
    assertThat(analytic).as("the limit has a complex pair here").isNotNull();
    double eps = limit.smallParameter(s, analytic);
    assertThat(eps).isLessThan(0.05);
    JsonNode ro = j.get("relaxation");
    assertThat(ro.isObject()).as(j.toString()).isTrue();
    double f = ro.get("frequency").asDouble();
    double d = ro.get("damping").asDouble();
    assertThat(Math.hypot(f - analytic.frequency(), d - analytic.damping())).isLessThan(eps * analytic.modulus());
    // Rates are in gamma_nr (here 2e9 s^-1): the s^-1 values are the same numbers times 2e9.
    assertThat(ro.get("frequency_per_s").asDouble()).isCloseTo(2e9 * f, offset(1e-12 * 2e9 * f));
    assertThat(ro.get("damping_per_s").asDouble()).isCloseTo(2e9 * d, offset(1e-12 * 2e9 * d));
    assertThat(j.has("relaxation_reason")).isFalse();
    // Closure (decisions, "The CIM has no <bb>"): g2 = 2 - |<b>|^4 / <b+b>^2 from the printed moments.
    double b2 = Math.pow(j.get("b_abs").asDouble(), 2);
    double n = j.get("photons").asDouble();
    assertThat(j.get("g2").asDouble()).isCloseTo(2 - b2 * b2 / (n * n), offset(1e-9));
    assertThat(j.get("g2_closure").asText()).isEqualTo("cim_no_anomalous");
  }

  /**
   * Table I far above threshold (2e14 s^-1): the CIM's excited modes are all overdamped (decisions:
   * "overdamped above ~7e13 s^-1"), so relaxation is null with its reason; the incoherent photon
   * number is negative there (-1259), which no quantum state has: g2 < 1 and flagged unphysical.
   */
  @Test
  void overdampedCimHasNullRelaxationWithAReasonAndAnUnphysicalG2() throws Exception {
    JsonNode j = point("point", "--model", "CIM", "--set", "N=50", "--set", "r=2e5", "--json");
    assertThat(j.has("relaxation")).isTrue();
    assertThat(j.get("relaxation").isNull()).isTrue();
    assertThat(j.get("relaxation_reason").asText()).contains("overdamped");
    assertThat(j.get("incoherent_photons").asDouble()).isNegative();
    assertThat(j.get("g2").asDouble()).isLessThan(1);
    assertThat(j.get("g2_physical").asBoolean()).isFalse();
  }

  /**
   * Analytic: below threshold every model's field is thermal at its own order (beta = 0, <bb> = 0),
   * g2 = 2 exactly; TPM_IF above threshold has dn = dm (amplitude fluctuations only) and g2 > 1
   * (decisions: 1.00006 at 2e14 s^-1), physical.
   */
  @Test
  void g2IsThermalBelowThresholdAndPhysicalAboveInTpmIf() throws Exception {
    JsonNode below = point("point", "--model", "TPM_IF", "--set", "N=50", "--set", "r=2e12/s", "--json");
    assertThat(below.get("lasing").asBoolean()).isFalse();
    assertThat(below.get("g2").asDouble()).isEqualTo(2.0);
    assertThat(below.get("g2_physical").asBoolean()).isTrue();
    assertThat(below.get("g2_closure").asText()).isEqualTo("gaussian");
    JsonNode above = point("point", "--model", "TPM_IF", "--set", "N=50", "--set", "r=2e14/s", "--json");
    assertThat(above.get("lasing").asBoolean()).isTrue();
    assertThat(above.get("g2").asDouble()).isBetween(1.0, 1.001);
    assertThat(above.get("g2_physical").asBoolean()).isTrue();
    assertThat(above.get("relaxation").get("damping").asDouble()).isPositive();
  }
}
