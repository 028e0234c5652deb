package org.qdlaser.pipeline.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ranges and values the paper's text states for its figures, against the manifests that reproduce them
 * (issue 15: "where the caption or text states a range, our figures' ranges should cover it"). Each check quotes
 * the statement; the statements the text does not make (Fig. 1's g range, Fig. 2's gamma_c range, Fig. 7's pump
 * range, Fig. 11's time window) are listed in docs/golden.md, "Axis ranges against the paper's text".
 */
class PaperRangesTest {
  static final Path MANIFESTS = Path.of("..", "manifests");
  /** Table I's pump, s^-1: Figs. 4, 5, 8, 11 ("r = 2 x 10^14 s^-1"), the right end of Fig. 3's _d curves. */
  static final double TABLE_I_PUMP = 2e14;
  /** Table I's gamma_c, s^-1 (Fig. 2's scan must contain it: "All other parameters are as in Table I"). */
  static final double TABLE_I_GAMMA_C = 1e10;

  static JsonNode manifest(String name) throws IOException {
    return new YAMLMapper().readTree(MANIFESTS.resolve(name).toFile());
  }

  /** A rate as written ("2e14/s" in s^-1, or normalised to gamma_nr = 1e9 s^-1, the manifests' unit). */
  static double perSecond(JsonNode v) {
    String t = v.asText().trim();
    return t.endsWith("/s") ? Double.parseDouble(t.substring(0, t.length() - 2)) : Double.parseDouble(t) * 1e9;
  }

  static List<Double> numbers(JsonNode list) {
    List<Double> out = new ArrayList<>();
    list.forEach(x -> out.add(x.asDouble()));
    return out;
  }

  @Test
  void fig3DisperseCurvesEndAtTableIPump() throws IOException {
    // Fig. 4 caption: "at pump r = 2 x 10^14 s^-1 for sample S3. This is the rightmost point in the CIM(d) and TPM_IF(d)
    // curves in Fig. 3"
    assertThat(perSecond(manifest("fig3-amplitude-S1-S10.yaml").at("/branch/from"))).isEqualTo(TABLE_I_PUMP);
    assertThat(perSecond(manifest("fig3d-sweep-S3.yaml").at("/sweep/from"))).isEqualTo(TABLE_I_PUMP);
    // Figs. 3 and 7 (identical dots, "the same as in Fig. 3 ... for different values of N"): the pump range reaches it
    assertThat(perSecond(manifest("fig7-branches-N25.yaml").at("/branch/from"))).isGreaterThanOrEqualTo(TABLE_I_PUMP);
    assertThat(perSecond(manifest("fig7-branches-N500.yaml").at("/branch/from"))).isGreaterThanOrEqualTo(TABLE_I_PUMP);
  }

  @Test
  void activationFiguresAtTableIPump() throws IOException {
    // Fig. 4 caption "at pump r = 2 x 10^14 s^-1"; Fig. 5 caption "except for r = 2 x 10^14 s^-1"; Fig. 11 caption
    // "at pump r = 2 x 10^14 s^-1"; Fig. 8 "All other parameters are as in Table I"
    assertThat(perSecond(manifest("fig4-activation-S3.yaml").at("/activation/pump"))).isEqualTo(TABLE_I_PUMP);
    assertThat(perSecond(manifest("fig5-6-9-10-activation-widths.yaml").at("/activation/pump"))).isEqualTo(TABLE_I_PUMP);
    assertThat(perSecond(manifest("fig8-activation-widths-S3.yaml").at("/activation/pump"))).isEqualTo(TABLE_I_PUMP);
    assertThat(perSecond(manifest("fig11-field-oscillation-S3.yaml").at("/oscillation/pump"))).isEqualTo(TABLE_I_PUMP);
  }

  @Test
  void widthsOfFigs6To10() throws IOException {
    // Sec. IV (Fig. 6), App. H (Fig. 10): "ten batches of N = 50 QDs sampled from distributions with widths
    // w_QD = [0.2, 0.5, 1.0, 2.0]gamma"; Fig. 8 caption: "w_QD = [0.2, 0.5, 1.0, 2.0]gamma ... Sample: S3"
    JsonNode fig5 = manifest("fig5-6-9-10-activation-widths.yaml");
    assertThat(numbers(fig5.at("/samples/w_qd"))).containsExactly(0.2, 0.5, 1.0, 2.0);
    assertThat(fig5.at("/samples/seed").asText()).isEqualTo("1..10");
    assertThat(fig5.at("/parameters/N").isMissingNode() ? 50 : fig5.at("/parameters/N").asInt()).isEqualTo(50);
    JsonNode fig8 = manifest("fig8-activation-widths-S3.yaml");
    JsonNode sample = fig8.at("/models/0/sample");
    assertThat(numbers(sample.get("w_qd"))).containsExactly(0.2, 0.5, 1.0, 2.0);
    assertThat(sample.get("seed").asInt()).isEqualTo(3);
    // App. F: "ten QDs with preassigned detuning +-k gamma, with k = 1, 2, ..., 5"
    assertThat(sample.get("tail").asInt()).isEqualTo(5);
  }

  @Test
  void fig1AndFig2Parameters() throws IOException {
    // Fig. 1 caption: "gamma_c = 10 (a) and gamma_c = 100 (b) ... N = 70, beta = 7 x 10^-4"
    for (String[] f : new String[][] {{"fig1a-threshold-vs-g-gc10.yaml", "1e10"}, {"fig1b-threshold-vs-g-gc100.yaml", "1e11"}}) {
      JsonNode m = manifest(f[0]);
      assertThat(perSecond(m.at("/parameters/gamma_c"))).as(f[0]).isEqualTo(Double.parseDouble(f[1]));
      assertThat(m.at("/parameters/N").asInt()).as(f[0]).isEqualTo(70);
      assertThat(m.at("/parameters/beta").asDouble()).as(f[0]).isEqualTo(7e-4);
    }
    // Fig. 2: "as a function of the cavity decay rate gamma_c"; "All other parameters are as in Table I": the scan
    // contains Table I's gamma_c, and reaches two decades below it ("increases as gamma_c decreases to zero")
    for (String f : List.of("fig2a-threshold-vs-gc-beta1.yaml", "fig2b-threshold-vs-gc-beta3.4e-6.yaml")) {
      JsonNode scan = manifest(f).at("/scan");
      assertThat(perSecond(scan.get("from"))).as(f).isLessThanOrEqualTo(TABLE_I_GAMMA_C / 100);
      assertThat(perSecond(scan.get("to"))).as(f).isGreaterThanOrEqualTo(TABLE_I_GAMMA_C);
    }
  }

  @Test
  void fig7AndReplyModels() throws IOException {
    // Fig. 7 caption: "the TPM (... mu = [0.0, 0.05, 0.1] ...) ... with N = 25 (a) and N = 500 (b)"
    for (String[] f : new String[][] {{"fig7-branches-N25.yaml", "25"}, {"fig7-branches-N500.yaml", "500"}}) {
      JsonNode m = manifest(f[0]);
      assertThat(m.at("/parameters/N").asInt()).as(f[0]).isEqualTo(Integer.parseInt(f[1]));
      List<Double> mus = new ArrayList<>();
      m.get("models").forEach(x -> {
        if (x.isObject() && "TPM".equals(x.path("model").asText())) {
          mus.add(x.at("/parameters/mu").asDouble());
        }
      });
      assertThat(mus).as(f[0]).containsExactly(0.0, 0.05, 0.1);
    }
    // the Reply's Fig. 1 caption: "Photon number versus pump for 40 QDs ... 90% (50%) of the QDs are identical"
    for (String f : List.of("reply-fig1-photons-N40.yaml", "reply-fig1-coupling-spread.yaml")) {
      assertThat(manifest(f).at("/parameters/N").asInt()).as(f).isEqualTo(40);
    }
  }
}
