package org.qdlaser.stages.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {

  private static final String SHA = "0123456789abcdef".repeat(4);
  private static final String EVIL = "<script>alert('x & y')</script>";

  static HtmlReport sample(String text) {
    return HtmlReport.builder("qdlaser report " + text)
        .description("Nanolaser threshold study. " + text)
        .section(
            HtmlReport.Section.builder("Bifurcation diagram " + text)
                .paragraph("Coherent field amplitude versus pump. " + text)
                .figure("figures/fig3.png", "figures/fig3.svg", "|<b>| vs pump", "Fig. 3 " + text)
                .parameter("N", "50")
                .parameter("note", text)
                .dataTable("CIM branch", "data/cim branch.arrow", "data/cim.csv")
                .dataTable("TPM branch", "data/tpm.arrow", null)
                .table(
                    HtmlBlocks.Table.builder("Thresholds")
                        .columns("model", "r_th / γ_nr", "|<b>|_th", "points")
                        .row("CIM", 2.0, 0.0, 41)
                        .row("TPM_IF", 7.999999999, 1.4142135623730951, 49L)
                        .row(text, Double.NaN, null, 0)
                        .build())
                .build())
        .provenance("git commit", "deadbeef")
        .provenance("JVM", "17.0.15")
        .provenance("timing", text)
        .checksum("figures/fig3.png", SHA.toUpperCase(), 110635)
        .build();
  }

  @Test
  void textIsEscapedEverywhere() {
    String html = sample(EVIL).toHtml();
    assertThat(html).doesNotContainIgnoringCase("<script");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt;");
    assertThat(html).contains("<title>qdlaser report &lt;script&gt;");
    assertThat(html).contains("alt=\"|&lt;b&gt;| vs pump\"");
    assertThat(html).contains("<th scope=\"col\">|&lt;b&gt;|_th</th>");
  }

  @Test
  void containsImageLinksAndTables() {
    String html = sample("x").toHtml();
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains("<a href=\"figures/fig3.svg\"><img src=\"figures/fig3.png\"")
        .contains("<a href=\"figures/fig3.svg\">[SVG]</a>")
        .contains("<tr><th scope=\"row\">N</th><td>50</td></tr>")
        .contains("<a href=\"data/cim%20branch.arrow\">Arrow <code>data/cim branch.arrow</code></a>")
        .contains("<a href=\"data/cim.csv\">CSV <code>data/cim.csv</code></a>")
        .contains("<caption>Thresholds</caption>")
        .contains(
            "<tr><td>TPM_IF</td><td class=\"num\">8</td><td class=\"num\">1.41421</td>"
                + "<td class=\"num\">49</td></tr>")
        .contains("<td class=\"num\">NaN</td><td>—</td>")
        .contains("<dt>git commit</dt><dd>deadbeef</dd>")
        .contains("<h3>Checksums</h3>")
        .contains("<td><code>" + SHA + "</code></td><td class=\"num\">110635</td>");
    assertThat(html.indexOf("id=\"provenance\"")).isGreaterThan(html.indexOf("id=\"section-1\""));
    assertThat(html).doesNotContain("http://", "https://", "<link", "<script", "@import");
  }

  @Test
  void outputIsWellFormedWithTheExpectedStructure() throws Exception {
    String html = sample(EVIL).toHtml();
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    Document doc =
        dbf.newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("html");
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getElementsByTagName("img").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("section").getLength()).isEqualTo(2);
    NodeList tables = doc.getElementsByTagName("table");
    assertThat(tables.getLength()).isEqualTo(3); // parameters, thresholds, checksums
    Element thresholds = (Element) tables.item(1);
    assertThat(thresholds.getElementsByTagName("tr").getLength()).isEqualTo(4);
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("qdlaser report " + EVIL);
  }

  @Test
  void sameInputGivesSameOutput() {
    assertThat(sample("a").toHtml()).isEqualTo(sample("a").toHtml());
    assertThat(sample("a")).isEqualTo(sample("a"));
    assertThat(sample("a").toUtf8()).isEqualTo(sample("a").toHtml().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void emptyReportStillHasProvenanceSection() {
    String html = HtmlReport.builder("t").build().toHtml();
    assertThat(html)
        .contains("<h2>Provenance</h2>\n<p>No provenance recorded.</p>")
        .contains("<p>No checksums recorded.</p>");
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreReplaced() {
    assertThat(HtmlReport.escape("a\u0000b\u0007c\uD800d\r\n😀")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\n\n😀");
  }

  @Test
  void invalidInputsAreRejectedWithClearMessages() {
    assertThatThrownBy(
            () -> HtmlBlocks.Table.builder("Thresholds").columns("a", "b").row("x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table 'Thresholds' row 0 has 1 cells but there are 2 columns");
    assertThatThrownBy(() -> HtmlReport.builder("t").checksum("f.png", "abc", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha256 of 'f.png' must be 64 hex digits");
    assertThatThrownBy(() -> HtmlReport.builder("t").checksum("f.png", SHA, -1))
        .hasMessageContaining("sizeBytes");
    assertThatThrownBy(
            () -> HtmlReport.Section.builder("s").figure("/abs/fig.png", null, "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pngPath must be a relative path");
    assertThatThrownBy(
            () -> HtmlReport.Section.builder("s").figure("f.png", "https://x/f.svg", "", ""))
        .hasMessageContaining("svgPath must be a relative path");
    assertThatThrownBy(() -> HtmlReport.Section.builder("s").dataTable("t", null, null))
        .hasMessageContaining("needs an Arrow or a CSV path");
  }

  @Test
  void pathsArePercentEncoded() {
    assertThat(HtmlWriter.encodePath("data/a b&c'#?%.csv"))
        .isEqualTo("data/a%20b%26c%27%23%3F%25.csv");
    assertThat(HtmlWriter.encodePath("figs/γ.png")).isEqualTo("figs/%CE%B3.png");
    assertThat(HtmlWriter.encodePath("../data/x-1_2.arrow")).isEqualTo("../data/x-1_2.arrow");
  }

  @Test
  void numbersAreFormattedWithoutLocale() {
    assertThat(HtmlReport.formatNumber(2.0)).isEqualTo("2");
    assertThat(HtmlReport.formatNumber(-0.0)).isEqualTo("0");
    assertThat(HtmlReport.formatNumber(1.4142135623730951)).isEqualTo("1.41421");
    assertThat(HtmlReport.formatNumber(123456.7)).isEqualTo("123457");
    assertThat(HtmlReport.formatNumber(999999.7)).isEqualTo("1e+06");
    assertThat(HtmlReport.formatNumber(1.2345678e8)).isEqualTo("1.23457e+08");
    assertThat(HtmlReport.formatNumber(-3e-7)).isEqualTo("-3e-07");
    assertThat(HtmlReport.formatNumber(0.00012345678)).isEqualTo("0.000123457");
    assertThat(HtmlReport.formatNumber(Double.NaN)).isEqualTo("NaN");
    assertThat(HtmlReport.formatNumber(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void consecutiveParametersShareOneTable() {
    HtmlReport.Section s =
        HtmlReport.Section.builder("s")
            .parameters("Model")
            .parameter("a", "1")
            .parameter("b", "2")
            .paragraph("p")
            .parameter("c", "3")
            .build();
    assertThat(s.blocks()).hasSize(3);
    assertThat(((HtmlBlocks.Parameters) s.blocks().get(0)).caption()).isEqualTo("Model");
    assertThat(((HtmlBlocks.Parameters) s.blocks().get(0)).entries()).hasSize(2);
    assertThat(((HtmlBlocks.Parameters) s.blocks().get(2)).caption()).isEmpty();
  }
}
