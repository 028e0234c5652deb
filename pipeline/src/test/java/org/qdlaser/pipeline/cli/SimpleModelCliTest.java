package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The Simple Model's {@code point}, {@code threshold} and {@code spectrum} as users meet them: the
 * spec's keys (section 5), values against spec 1a/1b's closed forms, units, and exit 2 naming the
 * field for bad input.
 */
class SimpleModelCliTest {
  /** Closed forms are evaluated in a few operations; the solvers reach them to rounding (stages tests: 1e-12). */
  static final double CLOSED_FORM = 1e-12;

  static JsonNode json(String... args) throws Exception {
    CliTest.Result r = CliTest.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void pointOfThe4lsHasTheSpecKeysAndTheClosedFormGain() throws Exception {
    JsonNode j = json("point", "--model", "SIMPLE_4LS", "--set", "pump=2", "--json");
    for (String k : new String[] {"model", "parameters", "populations", "gain", "inversion", "residual", "stable"}) {
      assertThat(j.has(k)).as(k).isTrue();
    }
    assertThat(j.get("stable").asBoolean()).isTrue();
    JsonNode pop = j.get("populations");
    assertThat(pop.fieldNames()).toIterable().containsExactlyInAnyOrder("ground", "lower", "upper", "pump_level");
    double kappa = 1000;
    // spec 1a: g = N_3 (1 - r - 1/kappa), r = 0.
    assertThat(j.get("gain").asDouble()).isCloseTo(pop.get("upper").asDouble() * (1 - 1 / kappa), offset(CLOSED_FORM));
    double sum = pop.get("ground").asDouble() + pop.get("lower").asDouble() + pop.get("upper").asDouble()
        + pop.get("pump_level").asDouble();
    assertThat(sum).isCloseTo(1.0, offset(CLOSED_FORM));
  }

  @Test
  void pumpInPerSecondIsConvertedWithGammaX() throws Exception {
    JsonNode a = json("point", "--model", "SIMPLE_3LS", "--set", "pump=2", "--json");
    JsonNode b = json("point", "--model", "SIMPLE_3LS", "--set", "pump=1e8/s", "--set", "gamma_x=5e7", "--json");
    assertThat(b.get("parameters").get("pump").asDouble()).isEqualTo(2.0);
    assertThat(b.get("gain").asDouble()).isEqualTo(a.get("gain").asDouble());
  }

  @Test
  void thresholdKindsAndTheClosedFormPump() throws Exception {
    JsonNode three = json("threshold", "--model", "SIMPLE_3LS", "--json");
    assertThat(three.get("kind").asText()).isEqualTo("finite");
    double kappa = 1000;
    assertThat(three.get("threshold_pump").asDouble()).isCloseTo(kappa / (kappa - 1), offset(CLOSED_FORM));
    assertThat(three.get("threshold_pump_per_s").asDouble()).isCloseTo(5e7 * kappa / (kappa - 1), offset(1e-4));
    assertThat(json("threshold", "--model", "SIMPLE_2LS", "--json").get("kind").asText()).isEqualTo("never");
    assertThat(json("threshold", "--model", "SIMPLE_4LS", "--json").get("kind").asText()).isEqualTo("thresholdless");
    JsonNode xx = json("threshold", "--model", "SIMPLE_3LS_XX", "--json");
    assertThat(xx.get("kind").asText()).isEqualTo("never");
    assertThat(xx.get("threshold_pump").isNull()).isTrue();
    assertThat(xx.get("parameters").has("pump")).as("the pump is the result").isFalse();
    for (String k : new String[] {"se_threshold_N", "se_threshold_energy", "se_at_window_edge", "se_max_gain_energy",
        "se_threshold_N_at_max_gain_energy", "cross_section_ratio", "ase_threshold_N", "ase_threshold_fluence"}) {
      assertThat(xx.has(k)).as(k).isTrue();
    }
  }

  @Test
  void seThresholdWithoutEsaIsTheClosedFormAndMevEqualsEv() throws Exception {
    JsonNode j = json("threshold", "--model", "SIMPLE_4LS", "--set", "stokes=38meV", "--json");
    JsonNode ev = json("threshold", "--model", "SIMPLE_4LS", "--set", "stokes=0.038", "--json");
    assertThat(j.get("se_threshold_N").asDouble()).isEqualTo(ev.get("se_threshold_N").asDouble());
    double c = 2 * Math.sqrt(2 * Math.log(2));
    double sa = 0.100 / c;
    double se = 0.080 / c;
    double d = 0.038;
    // spec 1b analytic check (no ESA, binomial, w_abs > w_em).
    double nTh = 2 / (1 + Math.exp(d * d / (2 * (sa * sa - se * se))));
    double eTh = 2.100 - d * sa * sa / (sa * sa - se * se);
    assertThat(j.get("se_threshold_N").asDouble()).isCloseTo(nTh, offset(CLOSED_FORM));
    assertThat(j.get("se_threshold_energy").asDouble()).isCloseTo(eTh, offset(CLOSED_FORM));
    assertThat(j.get("cross_section_ratio").asDouble()).isCloseTo(1.0, offset(1e-9));
  }

  @Test
  void poissonTwoLevelSystemIsTheStandardModelThreshold() throws Exception {
    JsonNode j = json("threshold", "--model", "SIMPLE_2LS", "--set", "statistics=poisson", "--json");
    // Root of 1 - (2 + N) e^-N = 0 (spec 1b), 1.1461932206...
    assertThat(j.get("se_threshold_N").asDouble()).isCloseTo(1.1461932206205825, offset(1e-9));
  }

  @Test
  void spectrumWithoutEsaIsLinearInN() throws Exception {
    JsonNode j = json("spectrum", "--model", "SIMPLE_3LS", "--set", "N=1.5", "--energies", "2.0:2.2:0.05", "--ase",
        "--json");
    for (String k : new String[] {"energies", "od_nl", "se", "occupations", "max_gain", "max_gain_energy",
        "ase_intensity"}) {
      assertThat(j.has(k)).as(k).isTrue();
    }
    assertThat(j.get("energies")).hasSize(5);
    double c = 2 * Math.sqrt(2 * Math.log(2));
    double q = 0.75;
    for (int i = 0; i < 5; i++) {
      double e = j.get("energies").get(i).asDouble();
      double a = Math.exp(-Math.pow(e - 2.100, 2) / (2 * Math.pow(0.100 / c, 2)));
      double s = Math.exp(-Math.pow(e - 2.090, 2) / (2 * Math.pow(0.080 / c, 2)));
      // binomial, no ESA: OD_NL = A (1 - q) - S q (spec 1b with q = N/2).
      double od = a * (1 - q) - s * q;
      assertThat(j.get("od_nl").get(i).asDouble()).as("E = " + e).isCloseTo(od, offset(CLOSED_FORM));
      assertThat(j.get("se").get(i).asDouble()).isCloseTo(Math.max(0, -od), offset(CLOSED_FORM));
    }
    JsonNode occ = j.get("occupations");
    assertThat(occ.get("P0").asDouble()).isEqualTo(0.0625);
    assertThat(occ.get("P1").asDouble()).isEqualTo(0.375);
    assertThat(occ.get("P2").asDouble()).isEqualTo(0.5625);
  }

  @Test
  void spectrumAtAFluenceGoesThroughTheRabiMap() throws Exception {
    // J = J_s x with <N> = 2 sin^2(sqrt(x/2)): x = pi^2/8 gives <N> = 2 sin^2(pi/4) = 1.
    double x = Math.PI * Math.PI / 8;
    JsonNode j = json("spectrum", "--model", "SIMPLE_4LS", "--set", "fluence=" + (0.2 * x), "--json");
    assertThat(j.get("N").asDouble()).isCloseTo(1.0, offset(1e-14));
  }

  @Test
  void badInputIsExit2NamingTheFieldValueAndWhatIsAllowed() {
    String[][] cases = {
        {"--set N", "(0, n_max]", "spectrum", "--model", "SIMPLE_3LS", "--set", "N=2.5"},
        {"--set N", "(0, n_max]", "spectrum", "--model", "SIMPLE_3LS", "--set", "N=0"},
        {"--set N", "exactly one", "spectrum", "--model", "SIMPLE_3LS"},
        {"--set fwhm_em", "positive", "threshold", "--model", "SIMPLE_3LS", "--set", "fwhm_em=-5meV"},
        {"--set statistics", "binomial, poisson", "threshold", "--model", "SIMPLE_3LS", "--set", "statistics=gauss"},
        {"--set fluence", "pi pulse", "spectrum", "--model", "SIMPLE_3LS", "--set", "fluence=1.0"},
        {"--set n_max", "<= 2", "threshold", "--model", "SIMPLE_3LS", "--set", "n_max=3"},
        {"--set stokes", "meV", "threshold", "--model", "SIMPLE_3LS", "--set", "stokes=10/s"},
        {"--set esa_ratio", "no unit", "threshold", "--model", "SIMPLE_3LS", "--set", "esa_ratio=1meV"},
        {"--set pump", "pump", "point", "--model", "SIMPLE_3LS"},
        {"--set foo", "allowed", "point", "--model", "SIMPLE_3LS", "--set", "foo=1"},
        {"--energies", "lo < hi", "spectrum", "--model", "SIMPLE_2LS", "--set", "N=1", "--energies", "2:1:0.1"},
        {"--model", "Simple Models only", "spectrum", "--model", "CIM", "--set", "N=1"},
        {"--detunings", "_d", "point", "--model", "SIMPLE_2LS", "--set", "pump=1", "--detunings", "x.txt"},
    };
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 2, c.length);
      CliTest.Result r = CliTest.run(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).contains("(field " + c[0] + ")").contains(c[1])
          .doesNotContain("Exception");
      assertThat(r.out()).as("nothing on stdout").isEmpty();
    }
  }
}
