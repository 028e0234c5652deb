package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user meets it: exit codes, JSON keys, run directories, reuse and verification. */
class CliTest {
  /** Analytic CIM threshold (DESIGN.md) at Table I with N = 50, to the finder's claimed accuracy. */
  static final double CIM_THRESHOLD = 0.5 * (1 + 1e5 / (50 * 4900.0)) * 981 / (1 - 0.5 * (1 + 1e5 / (50 * 4900.0)));

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  static final String SMALL =
      "schema: qdlaser/manifest/v1\nstudy: small\nparameters: {N: 50, beta: 1}\nmodels: [CIM, TPM_IF]\n"
          + "sweep: {parameter: r, from: 2e13/s, to: 2e12/s, points: 5, spacing: log}\n";

  @Test
  void runWritesLockProvenanceAndReportThenReusesAndVerifies(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    Path runDir = tmp.resolve("run");
    Result first = run("run", manifest.toString(), "-o", runDir.toString(), "--jobs", "2");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(runDir.resolve("lock.json")).isRegularFile();
    assertThat(runDir.resolve("provenance.json")).isRegularFile();
    assertThat(runDir.resolve("manifest.yaml")).hasContent(SMALL);
    for (String f : new String[] {"report/index.html", "report/bifurcation.png", "report/bifurcation.svg",
        "report/bifurcation.arrow", "report/bifurcation.csv", "integration/CIM-series.arrow", "equilibrium/TPM_IF.csv",
        "fitting/CIM.json", "samples/CIM.arrow"}) {
      assertThat(runDir.resolve(f)).as(f).isRegularFile();
    }
    assertThat(first.out()).contains("9 task(s) ran, 0 reused");
    JsonNode prov = new ObjectMapper().readTree(runDir.resolve("provenance.json").toFile());
    for (String k : new String[] {"manifestSha256", "code", "libraries", "jvm", "os", "availableProcessors", "tasks"}) {
      assertThat(prov.has(k)).as("provenance key " + k).isTrue();
    }
    byte[] lock1 = Files.readAllBytes(runDir.resolve("lock.json"));

    Result second = run("run", manifest.toString(), "-o", runDir.toString());
    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("0 task(s) ran, 9 reused");
    assertThat(Files.readAllBytes(runDir.resolve("lock.json"))).as("unchanged rerun, identical lock").isEqualTo(lock1);
    JsonNode prov2 = new ObjectMapper().readTree(runDir.resolve("provenance.json").toFile());
    prov2.get("tasks").forEach(t -> assertThat(t.get("status").asText()).isEqualTo("REUSED"));

    assertThat(run("verify", runDir.toString()).code()).isZero();
    Files.writeString(runDir.resolve("fitting/CIM.json"), "tampered");
    Files.delete(runDir.resolve("report/bifurcation.png"));
    Result bad = run("verify", runDir.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("fitting/CIM.json").contains("CHANGED").contains("report/bifurcation.png").contains("MISSING");

    Result third = run("run", manifest.toString(), "-o", runDir.toString());
    assertThat(third.code()).isZero();
    assertThat(third.out()).contains("2 task(s) ran, 7 reused");
    assertThat(run("verify", runDir.toString()).code()).isZero();

    Result forced = run("run", manifest.toString(), "-o", runDir.toString(), "--force");
    assertThat(forced.out()).contains("9 task(s) ran, 0 reused");
    assertThat(Files.readAllBytes(runDir.resolve("lock.json"))).as("deterministic artifacts").isEqualTo(lock1);
  }

  @Test
  void badManifestIsExit2NamingTheFieldAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("bad.yaml");
    Files.writeString(manifest, SMALL.replace("N: 50", "N: -3"));
    Path runDir = tmp.resolve("run");
    Result r = run("run", manifest.toString(), "-o", runDir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("parameters.N").contains("-3").doesNotContain("Exception");
    assertThat(runDir).doesNotExist();
    assertThat(run("run", tmp.resolve("missing.yaml").toString()).code()).isEqualTo(2);
    Result dry = run("run", tmp.resolve("x.yaml").toString(), "--dry-run");
    assertThat(dry.code()).isEqualTo(2);
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    Path runDir = tmp.resolve("run");
    Result r = run("run", manifest.toString(), "-o", runDir.toString(), "--dry-run");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("integration/CIM").contains("report/all");
    assertThat(runDir).doesNotExist();
  }

  @Test
  void pointPrintsTheContractKeys() throws Exception {
    Result r = run("point", "--model", "CIM", "--set", "N=50", "--set", "r=2e5", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (String k : new String[] {"model", "parameters", "lasing", "b_abs", "omega", "photons", "upper_population_mean",
        "stable", "residual"}) {
      assertThat(j.has(k)).as(k).isTrue();
    }
    assertThat(j.get("b_abs").asDouble()).isCloseTo(386.2858509, offset(386.2858509 * 1e-6));
    assertThat(j.get("photons").asDouble()).isCloseTo(147957.4235, offset(147957.4235 * 1e-6));
    assertThat(j.get("parameters").get("r").asDouble()).isEqualTo(2e5);
  }

  @Test
  void thresholdOfCimIsTheAnalyticPitchfork() throws Exception {
    Result r = run("threshold", "--model", "CIM", "--set", "N=50", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("kind").asText()).isEqualTo("pitchfork");
    assertThat(j.get("threshold_pump").asDouble()).isCloseTo(CIM_THRESHOLD, offset(1e-10 * CIM_THRESHOLD));
    assertThat(j.get("threshold_pump_per_s").asDouble()).isCloseTo(CIM_THRESHOLD * 1e9, offset(1e-10 * CIM_THRESHOLD * 1e9));
    for (String k : new String[] {"model", "parameters", "b_abs_at_threshold", "upper_population_at_threshold"}) {
      assertThat(j.has(k)).as(k).isTrue();
    }
  }

  /**
   * A model without a stable lasing state up to the search's ceiling (CIM, one dot with g = 1e8 s^-1:
   * the gain of one weakly coupled dot never reaches the cavity loss) is a result, "none up to the
   * ceiling", exit 0, not a failed computation (issue 13, item 4).
   */
  @Test
  void thresholdNoneUpToTheCeilingIsAResult() throws Exception {
    Result r = run("threshold", "--model", "CIM", "--set", "N=1", "--set", "g=1e8/s", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("verdict").asText()).isEqualTo("none");
    assertThat(j.get("threshold_pump").isNull()).isTrue();
    assertThat(j.get("none_up_to_per_s").asDouble()).isEqualTo(1e17);
    assertThat(j.get("evidence").asText()).startsWith("no stable lasing state of CIM");
  }

  @Test
  void badInputIsExit2WithTheFieldNamed() {
    Result r = run("point", "--model", "CIM", "--set", "gamma_c=-3", "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("gamma_c").contains("-3").doesNotContain("Exception");
    assertThat(run("point", "--model", "NOPE", "--json").code()).isEqualTo(2);
    assertThat(run("point", "--json").code()).isEqualTo(2);
    Result unknown = run("threshold", "--model", "TPM_e", "--json");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--model").contains("TPM_e");
    assertThat(run("verify", "/nonexistent/dir").code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void goldenCheckPassesOnTheRunAndFailsNamingTheQuantityWhenAValueChanges(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, SMALL);
    Path runDir = tmp.resolve("run");
    assertThat(run("run", manifest.toString(), "-o", runDir.toString()).code()).isZero();
    Path golden = tmp.resolve("golden");
    Files.createDirectories(golden.resolve("small"));
    Files.writeString(golden.resolve("small").resolve("golden.yaml"), String.join("\n",
        "schema: qdlaser/golden/v1", "study: small", "values:", "  - quantity: CIM threshold",
        "    file: fitting/CIM.json", "    field: exact_threshold_pump", "    expected: " + CIM_THRESHOLD,
        "    abs: 0", "    rel: 1.0e-9", "    source: {kind: analytic, formula: DESIGN.md CIM threshold formula}",
        "tables:", "  - quantity: bifurcation", "    file: report/bifurcation.csv", "    reference: bifurcation.csv",
        "    columns:", "      b_abs: {abs: 1.0e-6, rel: 1.0e-7}", "    source: {kind: regression, text: test run}", ""));
    assertThat(run("golden", "bless", runDir.toString(), "--golden", golden.toString()).code()).isZero();
    Result ok = run("golden", "check", runDir.toString(), "--golden", golden.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("2 passed, 0 failed");

    String fit = Files.readString(runDir.resolve("fitting/CIM.json"));
    Files.writeString(runDir.resolve("fitting/CIM.json"), fit.replaceAll("\"exact_threshold_pump\" ?: [0-9.E]+",
        "\"exact_threshold_pump\": 2400.0"));
    Result bad = run("golden", "check", runDir.toString(), "--golden", golden.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("FAIL CIM threshold").contains("2400").contains("fitting/CIM.json").contains("rel")
        .contains("expected 2334.103448", "obtained 2400.000000", "tolerance abs 0.000000000, rel 1.000000000e-09");
    assertThat(run("golden", "check", tmp.toString(), "--golden", golden.toString()).code()).isEqualTo(2);

    // A check whose source is not paper (quote + place), analytic (formula) or regression (text) is refused: exit 2, naming the field.
    Path spec = golden.resolve("small").resolve("golden.yaml");
    Files.writeString(spec, Files.readString(spec).replace("{kind: regression, text: test run}", "{kind: run, text: test run}"));
    Result refused = run("golden", "check", runDir.toString(), "--golden", golden.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("tables[0].source.kind");
  }

  @Test
  void pointOfPolydisperseDotsReportsFrequencyActivationAndSample(@TempDir Path tmp) throws Exception {
    Result r = run("point", "--model", "CIM_d", "--set", "w_qd=1", "--set", "seed=3", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("lasing").asBoolean()).isTrue();
    assertThat(j.get("verdict").asText()).isEqualTo("lasing");
    assertThat(j.has("unsettled")).isFalse();
    assertThat(j.get("activation").size()).isEqualTo(50);
    assertThat(Math.abs(j.get("omega").asDouble())).isGreaterThan(1e-3);
    assertThat(j.get("sample").get("detunings").size()).isEqualTo(50);
    // Eq. (2) twice: the unscaled a_L is Sec. IV's "maximum of |<v_l^+ c_l>|^2" (the fitted peak, within the
    // 5 % a Lorentzian through ten-odd scattered dots misses it by), the scaled one that over the largest value
    double maxActivation = 0;
    for (JsonNode a : j.get("activation")) {
      maxActivation = Math.max(maxActivation, a.asDouble());
    }
    JsonNode un = j.get("lorentzian");
    JsonNode sc = j.get("lorentzian_scaled");
    assertThat(un.get("a_L").asDouble()).isCloseTo(maxActivation, offset(0.05 * maxActivation));
    // least squares is equivariant under scaling the data: the two fits agree to the optimiser's tolerance
    assertThat(sc.get("a_L").asDouble()).isCloseTo(un.get("a_L").asDouble() / maxActivation, offset(1e-6));
    assertThat(sc.get("w_L").asDouble()).isCloseTo(un.get("w_L").asDouble(), offset(1e-6 * un.get("w_L").asDouble()));
    assertThat(un.get("r_squared").asDouble()).isEqualTo(sc.get("r_squared").asDouble(), offset(1e-9));
    // frequency pulling holds exactly in a CIM_d lasing state (to Newton's residual; measured 3e-15), gain clamped
    JsonNode fp = j.get("frequency_pulling");
    assertThat(fp.get("relative_difference").asDouble()).isLessThan(1e-6);
    assertThat(fp.get("gain_clamp_ratio").asDouble()).isCloseTo(1.0, offset(1e-6));
    // the CIM at Table I's pump lies outside the two-level bound |<v+c>|^2 <= n (1 - n) (docs/decisions.md)
    JsonNode b = j.get("physical_bounds");
    assertThat(b.get("satisfied").asBoolean()).isFalse();
    assertThat(b.get("dots").asInt()).isEqualTo(50);
    assertThat(b.get("dots_violating").asInt()).isBetween(1, 50);
    assertThat(b.get("worst_ratio").asDouble()).isGreaterThan(1.0);

    Path det = tmp.resolve("det.txt");
    Files.writeString(det, "# three dots\n0\n1000\n-1000\n");
    Result f = run("point", "--model", "CIM_d", "--detunings", det.toString(), "--json");
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(new ObjectMapper().readTree(f.out()).get("parameters").get("N").asInt()).isEqualTo(3);
    Files.writeString(det, "0\nabc\n");
    Result bad = run("point", "--model", "CIM_d", "--detunings", det.toString(), "--json");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--detunings").contains("line 2").contains("abc");
  }

  /**
   * `--from identical` (width homotopy) reaches the state of the default route, with its path from
   * zero width; both are Newton-polished, so they agree to the solver's accuracy (1e-8 relative).
   */
  @Test
  void pointFromIdenticalDotsReachesTheDefaultStateWithItsPath() throws Exception {
    Result seeded = run("point", "--model", "CIM_d", "--set", "w_qd=1", "--set", "seed=3", "--json");
    Result homotopy = run("point", "--model", "CIM_d", "--set", "w_qd=1", "--set", "seed=3", "--from", "identical", "--json");
    assertThat(homotopy.code()).as(homotopy.err()).isZero();
    JsonNode a = new ObjectMapper().readTree(seeded.out());
    JsonNode b = new ObjectMapper().readTree(homotopy.out());
    assertThat(b.get("b_abs").asDouble()).isCloseTo(a.get("b_abs").asDouble(), offset(1e-8 * a.get("b_abs").asDouble()));
    assertThat(b.get("omega").asDouble()).isCloseTo(a.get("omega").asDouble(), offset(1e-8 * Math.abs(a.get("omega").asDouble())));
    JsonNode path = b.get("path");
    assertThat(path.get(0).get("w_qd").asDouble()).isZero();
    assertThat(path.get(0).get("omega").asDouble()).isZero();
    assertThat(path.get(path.size() - 1).get("b_abs").asDouble()).isCloseTo(b.get("b_abs").asDouble(), offset(1e-6));
    // CIM's closure: the coherent intensity exceeds the photon number (docs/decisions.md).
    assertThat(b.get("incoherent_photons").asDouble()).isNegative();

    Result identical = run("point", "--model", "CIM", "--from", "identical", "--json");
    assertThat(identical.code()).isEqualTo(2);
    assertThat(identical.err()).contains("--from").contains("CIM");
    Result bogus = run("point", "--model", "CIM_d", "--set", "w_qd=1", "--from", "bogus", "--json");
    assertThat(bogus.code()).isEqualTo(2);
    assertThat(bogus.err()).contains("--from").contains("bogus");
  }

  /**
   * A small detuned sample that lases for thousands of time units and then loses its field (TPM_d,
   * N = 10, g = 160 so that N g^2 is near Table I's at N = 50, w_qd = 2 gamma, seed 1: non_lasing
   * after ~2,500 units, measured with the CLI). Its first {@link #SHORT} units are read twice: by the
   * paper's procedure (Eq. (A2) over growing windows) and by the default point with the long-time
   * limit at the same time (verdict unsettled, its drift and phase-velocity frequency). Two different
   * estimators of one co-rotating transient: they must agree.
   */
  static final String[] DRIFTING = {"--model", "TPM_d", "--set", "N=10", "--set", "g=160", "--set", "w_qd=2",
      "--set", "seed=1", "--json"};
  /** Time integrated in the CLI tests of the long transients (1/gamma_nr): seconds of CPU at N = 10. */
  static final String SHORT = "40";
  /**
   * |b| at the end by the two runs: the same integrator and tolerances (rtol 1e-6) on the same
   * transient, but the fate's checkpoints split the steps differently; measured 6e-7 relative at T = 100.
   */
  static final double SAME_TRANSIENT = 1e-4;
  /**
   * omega_inf of Eq. (A2) over [0, T] against the mean d arg b / dt over the last 10 % (the fate's
   * unsettled omega): the frequency drifts with |b|; measured 2e-6 relative at T = 100.
   */
  static final double SAME_FREQUENCY = 1e-4;

  @Test
  void paperProcedureReadsTheTransientTheLongTimeFateFollows() throws Exception {
    Result paper = run(with(DRIFTING, "--procedure", "paper", "--duration", SHORT));
    assertThat(paper.code()).as(paper.err()).isZero();
    JsonNode p = new ObjectMapper().readTree(paper.out());
    assertThat(p.get("procedure").asText()).isEqualTo("paper");
    assertThat(p.get("time_integrated").asDouble()).isCloseTo(40.0, offset(1e-9));
    for (String k : new String[] {"a_inf", "a_inf_spread", "a_inf_resolved", "omega_inf", "omega_inf_spread",
        "omega_inf_converged_3_digits", "b_abs_end", "windows", "steps", "sample"}) {
      assertThat(p.has(k)).as("key " + k).isTrue();
    }
    JsonNode w = p.get("windows");
    assertThat(w.size()).isEqualTo(5);
    assertThat(w.get(4).get("end").asDouble()).isLessThanOrEqualTo(40.0).isGreaterThan(39.0);
    assertThat(w.get(0).get("end").asDouble()).isCloseTo(w.get(4).get("end").asDouble() / 5, offset(1e-9));
    // omega_inf converged to 3 digits means a spread of at most half a unit of its third digit
    double omegaInf = p.get("omega_inf").asDouble();
    assertThat(p.get("omega_inf_converged_3_digits").asBoolean())
        .isEqualTo(p.get("omega_inf_spread").asDouble() <= 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(omegaInf))) - 2));

    Result fate = run(with(DRIFTING, "--long-time-limit", SHORT));
    assertThat(fate.code()).as(fate.err()).isZero();
    JsonNode f = new ObjectMapper().readTree(fate.out());
    assertThat(f.get("verdict").asText()).isEqualTo("unsettled");
    assertThat(f.get("time_integrated").asDouble()).isCloseTo(40.0, offset(1e-9));
    JsonNode u = f.get("unsettled");
    double bEnd = u.get("b_abs_end").asDouble();
    assertThat(bEnd).isGreaterThan(1.0);
    assertThat(p.get("b_abs_end").asDouble()).isCloseTo(bEnd, offset(SAME_TRANSIENT * bEnd));
    assertThat(Math.abs(omegaInf)).isCloseTo(Math.abs(u.get("omega").asDouble()), offset(SAME_FREQUENCY * Math.abs(omegaInf)));
    // the non-lasing state is also a steady state here; if reported, it is stable by its spectrum
    for (JsonNode o : f.get("other_stable_states")) {
      assertThat(o.get("rightmost_eigenvalue").asDouble()).isNegative();
    }
  }

  @Test
  void badProcedureOptionsAreExit2NamingTheOption() {
    String[][] cases = {
        {"--procedure", "bogus"}, {"--procedure", "paper", "--duration", "-1"}, {"--procedure", "paper", "--duration", "NaN"},
        {"--procedure", "paper", "--windows", "1"}, {"--long-time-limit", "0"}, {"--procedure", "paper", "--from", "identical"}};
    String[] named = {"--procedure", "--duration", "--duration", "--windows", "--long-time-limit", "--from"};
    for (int i = 0; i < cases.length; i++) {
      Result r = run(with(DRIFTING, cases[i]));
      assertThat(r.code()).as(String.join(" ", cases[i]) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).contains(named[i]).doesNotContain("Exception");
      assertThat(r.out()).isEmpty();
    }
    Result identical = run("point", "--model", "TPM", "--procedure", "paper", "--json");
    assertThat(identical.code()).isEqualTo(2);
    assertThat(identical.err()).contains("--procedure").contains("TPM");
    Result simple = run("point", "--model", "SIMPLE_4LS", "--procedure", "paper", "--json");
    assertThat(simple.code()).as(simple.err()).isEqualTo(2);
    assertThat(simple.err()).contains("--procedure").contains("SIMPLE_4LS");
  }

  static String[] with(String[] base, String... more) {
    String[] a = new String[base.length + more.length + 1];
    a[0] = "point";
    System.arraycopy(base, 0, a, 1, base.length);
    System.arraycopy(more, 0, a, 1 + base.length, more.length);
    return a;
  }

  /** ROBER at t = 1e11 (reference y3 = 0.99999997916...; ivp-testset.json), the 1e-3 at rtol 1e-6. */
  @Test
  void benchStiffPrintsTheContractKeysAndAnAccurateRoberState() throws Exception {
    Result r = run("bench", "stiff", "--problem", "rober", "--rtol", "1e-6", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (String k : new String[] {"problem", "rtol", "atol", "y", "steps", "rhs_evaluations", "jacobians",
        "factorizations", "wall_seconds"}) {
      assertThat(j.has(k)).as(k).isTrue();
    }
    JsonNode ref = new ObjectMapper().readTree(java.nio.file.Path.of("../../shared/reference/ivp-testset.json").toFile())
        .get("problems");
    JsonNode rober = null;
    for (JsonNode p : ref) {
      if (p.path("name").asText().equalsIgnoreCase("ROBER")) {
        rober = p;
      }
    }
    assertThat(rober).as("ROBER in ivp-testset.json").isNotNull();
    JsonNode yRef = rober.get("reference").isArray() ? rober.get("reference") : rober.get("reference").get("y");
    for (int i = 0; i < 3; i++) {
      double e = yRef.get(i).asDouble();
      assertThat(j.get("y").get(i).asDouble()).as("y" + (i + 1)).isCloseTo(e, offset(1e-3 * Math.abs(e)));
    }
    Result bad = run("bench", "stiff", "--problem", "nope", "--rtol", "1e-6", "--json");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--problem").contains("nope").contains("ROBER");
  }
}
