package org.qdlaser.stages.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.qdlaser.stages.report.HtmlBlocks.Block;
import org.qdlaser.stages.report.HtmlBlocks.Checksum;
import org.qdlaser.stages.report.HtmlBlocks.DataLink;
import org.qdlaser.stages.report.HtmlBlocks.DataLinks;
import org.qdlaser.stages.report.HtmlBlocks.Figure;
import org.qdlaser.stages.report.HtmlBlocks.KeyValue;
import org.qdlaser.stages.report.HtmlBlocks.Link;
import org.qdlaser.stages.report.HtmlBlocks.Links;
import org.qdlaser.stages.report.HtmlBlocks.Paragraph;
import org.qdlaser.stages.report.HtmlBlocks.Parameters;
import org.qdlaser.stages.report.HtmlBlocks.Table;

/**
 * A self-contained HTML5 report page ({@code index.html}): inline CSS, no external resources, no
 * JavaScript. Figures and data tables are referenced by relative paths (the pipeline writes them
 * beside the page).
 *
 * <p>Layout: title, study description, a table of contents, the sections in the order added (each
 * a heading followed by its blocks — paragraphs, figures, key/value parameter tables, data-table
 * links, numeric tables — in the order added), and a final "Provenance" section with a key/value
 * list and a "Checksums" table.
 *
 * <p>All text is HTML-escaped; control characters and unpaired surrogates become U+FFFD. Paths are
 * percent-encoded (UTF-8) and must be relative. The output is a pure function of the input (no
 * clock, no locale: numbers are formatted with {@link #formatNumber}), uses {@code \n} line ends,
 * and is also well-formed XML (void elements are written {@code <meta ... />}), so it can be
 * checked with an XML parser.
 *
 * <pre>{@code
 * String html = HtmlReport.builder("qdlaser: lasing thresholds")
 *     .description("Reproduction of Fig. 3 ...")
 *     .section(HtmlReport.Section.builder("Bifurcation diagram")
 *         .paragraph("Coherent field amplitude versus pump.")
 *         .figure("figures/fig3.png", "figures/fig3.svg", "|<b>| versus pump", "Fig. 3")
 *         .parameter("N", "50")
 *         .dataTable("CIM branch", "data/cim.arrow", "data/cim.csv")
 *         .table(HtmlBlocks.Table.builder("Thresholds").columns("model", "r_th / γ_nr")
 *             .row("CIM", 2.0).build())
 *         .build())
 *     .provenance("git commit", "0123abc")
 *     .checksum("figures/fig3.png", sha256Hex, 110635)
 *     .build()
 *     .toHtml();
 * }</pre>
 */
public record HtmlReport(String title, List<String> description, List<Section> sections, List<KeyValue> provenance,
    List<Checksum> checksums) {

  /** Placeholder for a missing (null) table cell. */
  public static final String MISSING = "—";

  public HtmlReport {
    Objects.requireNonNull(title, "title");
    description = List.copyOf(description);
    sections = List.copyOf(sections);
    provenance = List.copyOf(provenance);
    checksums = List.copyOf(checksums);
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** The page. */
  public String toHtml() {
    return HtmlWriter.write(title, description, sections, provenance, checksums);
  }

  /** The page as UTF-8 bytes. */
  public byte[] toUtf8() {
    return toHtml().getBytes(StandardCharsets.UTF_8);
  }

  /** A section: a heading and its blocks in order. */
  public record Section(String heading, List<Block> blocks) {
    public Section {
      Objects.requireNonNull(heading, "heading");
      blocks = List.copyOf(blocks);
    }

    public static Builder builder(String heading) {
      return new Builder(heading);
    }

    /**
     * Builds a section. Consecutive {@link #parameter} calls fill one parameter table and
     * consecutive {@link #dataTable} calls one link list.
     */
    public static final class Builder {
      private final String heading;
      private final List<Block> blocks = new ArrayList<>();
      private List<KeyValue> openParameters;
      private String openParametersCaption = "";
      private List<DataLink> openLinks;

      private Builder(String heading) {
        this.heading = Objects.requireNonNull(heading, "heading");
      }

      public Builder paragraph(String text) {
        return add(new Paragraph(text));
      }

      /** A figure; see {@link Figure}. */
      public Builder figure(String pngPath, String svgPath, String alt, String caption) {
        return add(new Figure(pngPath, svgPath, alt, caption));
      }

      /** Starts a new captioned parameter table (the following {@link #parameter}s fill it). */
      public Builder parameters(String caption) {
        flush();
        openParameters = new ArrayList<>();
        openParametersCaption = Objects.requireNonNull(caption, "caption");
        return this;
      }

      /** A row of the current parameter table (one is started if needed). */
      public Builder parameter(String key, String value) {
        KeyValue kv = new KeyValue(key, value);
        if (openParameters == null) {
          flush();
          openParameters = new ArrayList<>();
          openParametersCaption = "";
        }
        openParameters.add(kv);
        return this;
      }

      /** A link to a data table in Arrow and/or CSV form (either path may be {@code null}). */
      public Builder dataTable(String label, String arrowPath, String csvPath) {
        DataLink link = new DataLink(label, arrowPath, csvPath);
        if (openLinks == null) {
          flush();
          openLinks = new ArrayList<>();
        }
        openLinks.add(link);
        return this;
      }

      public Builder table(Table table) {
        return add(Objects.requireNonNull(table, "table"));
      }

      /** A list of links ({@link Link}). */
      public Builder links(List<Link> links) {
        return add(new Links(links));
      }

      public Section build() {
        flush();
        return new Section(heading, blocks);
      }

      private Builder add(Block b) {
        flush();
        blocks.add(b);
        return this;
      }

      private void flush() {
        if (openParameters != null) {
          if (!openParameters.isEmpty()) { // a caption without rows is dropped
            blocks.add(new Parameters(openParametersCaption, openParameters));
          }
          openParameters = null;
        }
        if (openLinks != null) {
          blocks.add(new DataLinks(openLinks));
          openLinks = null;
        }
      }
    }
  }

  /** Builds a report. */
  public static final class Builder {
    private final String title;
    private final List<String> description = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<KeyValue> provenance = new ArrayList<>();
    private final List<Checksum> checksums = new ArrayList<>();

    private Builder(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    /** A paragraph of the study description (call again for more paragraphs). */
    public Builder description(String paragraph) {
      description.add(Objects.requireNonNull(paragraph, "paragraph"));
      return this;
    }

    public Builder section(Section section) {
      sections.add(Objects.requireNonNull(section, "section"));
      return this;
    }

    /** A provenance entry (git commit, versions, JVM, OS, timings, ...), in call order. */
    public Builder provenance(String key, String value) {
      provenance.add(new KeyValue(key, value));
      return this;
    }

    /** A checksum row, in call order. */
    public Builder checksum(String path, String sha256, long sizeBytes) {
      checksums.add(new Checksum(path, sha256, sizeBytes));
      return this;
    }

    public HtmlReport build() {
      return new HtmlReport(title, description, sections, provenance, checksums);
    }
  }

  /** See {@link HtmlText#formatNumber}. */
  public static String formatNumber(double x) {
    return HtmlText.formatNumber(x);
  }

  /** See {@link HtmlText#escape}. */
  public static String escape(String s) {
    return HtmlText.escape(s);
  }
}
