package org.qdlaser.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.report.HtmlReport;

/**
 * The report's validation table and disagreements: the golden checks run on the report task's
 * inputs and its own outputs, a failing check shows FAIL with expected, obtained and tolerance, a
 * missing artifact fails instead of hiding the other checks, and the spec's disagreements and the
 * checks' {@code disagrees} are listed.
 */
class ValidationTest {
  static final String SPEC = String.join("\n",
      "schema: qdlaser/golden/v1",
      "study: t",
      "values:",
      "  - {quantity: threshold, file: fitting/CIM.json, field: r_th, expected: 2334.1, rel: 1.0e-6,"
          + " source: {kind: analytic, formula: \"r_th = n_th (gamma_nr + 2 g^2/gamma_c)/(1 - n_th)\"}}",
      "  - {quantity: kind, file: fitting/CIM.json, field: kind, expected: fold,"
          + " source: {kind: paper, place: \"Sec. IV, Fig. 3\", quote: \"two lasing solutions\"}}",
      "  - {quantity: count, file: report/summary.json, field: n, expected: 0,"
          + " source: {kind: regression, text: \"our run\", disagrees: {place: \"Sec. IV, Fig. 6\", quote: \"four below\", reason: \"measured\"}}}",
      "  - {quantity: absent, file: fitting/none.json, field: x, expected: 1,"
          + " source: {kind: regression, text: \"our run\"}}",
      "disagreements:",
      "  - {errata: D9, place: \"Sec. II\", quote: \"converges\", ours: \"9785 vs 18691\", reason: \"structural\"}",
      "");

  @Test
  void showsEveryCheckWithItsSourceAndTheDisagreements() {
    ReportHeader h = new ReportHeader("t", "T", "d", "thresholds", 1e9, List.of(),
        new ReportContext("code", Map.of(), new TreeMap<>(Map.of("golden.yaml", SPEC))));
    TaskInputs in = new TaskInputs(Map.of("fitting/CIM.json", bytes("{\"r_th\": 2334.1, \"kind\": \"pitchfork\"}")));
    Map<String, byte[]> out = Map.of("report/summary.json", bytes("{\"n\": 0}"));
    HtmlReport.Builder html = HtmlReport.builder("T");
    Validation.add(html, h, in, out);
    String page = html.build().toHtml();

    String table = page.substring(page.indexOf("<table class=\"data\" id=\"validation\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(table.split("<tr>", -1)).hasSize(1 + 1 + 4); // before the header, the header, four checks
    assertThat(table).contains("<td>threshold [fitting/CIM.json#r_th]</td><td>2334.100000</td>")
        .contains("analytic: r_th = n_th").contains("<td>pass</td>");
    // the paper says fold, the artifact says pitchfork: FAIL, with the quote
    assertThat(table).contains("<td>fold</td><td>paper, Sec. IV, Fig. 3: &quot;two lasing solutions&quot;</td><td>pitchfork</td>"
        + "<td>exact</td><td>FAIL</td>");
    // read from the report's own outputs
    assertThat(table).contains("<td>count [report/summary.json#n]</td>");
    assertThat(table).contains("not available: no artifact fitting/none.json among the report&#39;s artifacts");
    assertThat(page).contains("4 checks, 2 pass, 2 fail; expected values from the paper: 1, analytic: 1, our reviewed runs (regression): 2");

    String dis = page.substring(page.indexOf("<table class=\"data\" id=\"disagreements\">"));
    assertThat(dis).contains("docs/errata.md D9").contains("Sec. II: &quot;converges&quot;").contains("9785 vs 18691")
        .contains("check: count").contains("Sec. IV, Fig. 6: &quot;four below&quot;").contains("measured");
  }

  @Test
  void nothingWithoutGoldenChecks() {
    ReportHeader h = new ReportHeader("t", "T", "d", "thresholds", 1e9, List.of(), new ReportContext("code", Map.of()));
    HtmlReport.Builder html = HtmlReport.builder("T");
    Validation.add(html, h, new TaskInputs(Map.of()), Map.of());
    assertThat(html.build().toHtml()).doesNotContain("validation").doesNotContain("Disagreements");
  }

  @Test
  void noDisagreementsSectionWhenThereAreNone() {
    String spec = "schema: qdlaser/golden/v1\nstudy: t\nvalues:\n  - {quantity: q, file: a.json, field: x, expected: 1,"
        + " source: {kind: regression, text: r}}\n";
    ReportHeader h = new ReportHeader("t", "T", "d", "thresholds", 1e9, List.of(),
        new ReportContext("code", Map.of(), new TreeMap<>(Map.of("golden.yaml", spec))));
    HtmlReport.Builder html = HtmlReport.builder("T");
    Validation.add(html, h, new TaskInputs(Map.of("a.json", bytes("{\"x\": 1}"))), Map.of());
    assertThat(html.build().toHtml()).contains("id=\"validation\"").contains("<td>pass</td>").doesNotContain("Disagreements");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
