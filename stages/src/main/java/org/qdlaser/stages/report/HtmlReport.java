package org.qdlaser.stages.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

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
 *         .table(HtmlReport.Table.builder("Thresholds").columns("model", "r_th / γ_nr")
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

  /** One key/value row. */
  public record KeyValue(String key, String value) {
    public KeyValue {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, () -> "value of '" + key + "'");
    }
  }

  /** One output file: relative path, lower-case hex SHA-256, size. */
  public record Checksum(String path, String sha256, long sizeBytes) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Checksum {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, () -> "sha256 of '" + path + "'");
      sha256 = sha256.toLowerCase(Locale.ROOT);
      if (!HEX64.matcher(sha256).matches()) {
        throw new IllegalArgumentException(
            "sha256 of '" + path + "' must be 64 hex digits, got '" + sha256 + "'");
      }
      if (sizeBytes < 0) {
        throw new IllegalArgumentException(
            "sizeBytes of '" + path + "' must be >= 0, got " + sizeBytes);
      }
    }
  }

  /** A block of a section. */
  public sealed interface Block permits Paragraph, Figure, Parameters, DataLinks, Links, Table {}

  /** A paragraph of plain text. */
  public record Paragraph(String text) implements Block {
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A figure: the PNG shown inline, linked to the SVG.
   *
   * @param pngPath relative path of the PNG
   * @param svgPath relative path of the SVG, or {@code null} for none
   * @param alt alternative text
   * @param caption caption (may be empty)
   */
  public record Figure(String pngPath, String svgPath, String alt, String caption)
      implements Block {
    public Figure {
      checkRelativePath("pngPath", pngPath);
      if (svgPath != null) {
        checkRelativePath("svgPath", svgPath);
      }
      Objects.requireNonNull(alt, "alt");
      Objects.requireNonNull(caption, "caption");
    }
  }

  /** A key/value parameter table. */
  public record Parameters(String caption, List<KeyValue> entries) implements Block {
    public Parameters {
      Objects.requireNonNull(caption, "caption");
      entries = List.copyOf(entries);
    }
  }

  /**
   * Links to one data table in its formats.
   *
   * @param label what the table holds
   * @param arrowPath relative path of the Arrow IPC file, or {@code null}
   * @param csvPath relative path of the CSV file, or {@code null}
   */
  public record DataLink(String label, String arrowPath, String csvPath) {
    public DataLink {
      Objects.requireNonNull(label, "label");
      if (arrowPath == null && csvPath == null) {
        throw new IllegalArgumentException(
            "data table '" + label + "' needs an Arrow or a CSV path");
      }
      if (arrowPath != null) {
        checkRelativePath("arrowPath", arrowPath);
      }
      if (csvPath != null) {
        checkRelativePath("csvPath", csvPath);
      }
    }
  }

  /** A list of data-table links. */
  public record DataLinks(List<DataLink> links) implements Block {
    public DataLinks {
      links = List.copyOf(links);
    }
  }

  /** A link to another page or file of the run, relative to the page, with what it holds. */
  public record Link(String label, String href, String note) {
    public Link {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(note, "note");
      checkRelativePath("href", href);
    }
  }

  /** A list of links. */
  public record Links(List<Link> links) implements Block {
    public Links {
      links = List.copyOf(links);
    }
  }

  /** A table cell: display text, and whether it is right-aligned as a number. */
  public record Cell(String text, boolean numeric) {
    public Cell {
      Objects.requireNonNull(text, "text");
    }

    /**
     * The cell for a value: {@code null} → {@link #MISSING}; {@code Double}/{@code Float} → {@link
     * #formatNumber}; other numbers → their exact decimal form; anything else → {@code
     * String.valueOf} (not numeric).
     */
    public static Cell of(Object value) {
      return HtmlText.cell(value);
    }
  }

  /**
   * A table with column headers and rows of cells.
   *
   * @param id the element id (e.g. {@code validation}, for readers and checks that look the table
   *     up), or null
   */
  public record Table(String caption, List<String> columns, List<List<Cell>> rows, String id)
      implements Block {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    public Table(String caption, List<String> columns, List<List<Cell>> rows) {
      this(caption, columns, rows, null);
    }

    public Table {
      Objects.requireNonNull(caption, "caption");
      if (id != null && !ID.matcher(id).matches()) {
        throw new IllegalArgumentException("table id must match " + ID + ", got '" + id + "'");
      }
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("table '" + caption + "' needs at least one column");
      }
      List<List<Cell>> copy = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        List<Cell> row = List.copyOf(rows.get(r));
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              String.format(
                  "table '%s' row %d has %d cells but there are %d columns",
                  caption, r, row.size(), columns.size()));
        }
        copy.add(row);
      }
      rows = List.copyOf(copy);
    }

    public static Builder builder(String caption) {
      return new Builder(caption);
    }

    /** Builds a table row by row. */
    public static final class Builder {
      private final String caption;
      private List<String> columns = List.of();
      private final List<List<Cell>> rows = new ArrayList<>();
      private String id;

      private Builder(String caption) {
        this.caption = Objects.requireNonNull(caption, "caption");
      }

      public Builder columns(String... columns) {
        this.columns = List.of(columns);
        return this;
      }

      /** A row; each value is converted with {@link Cell#of}. */
      public Builder row(Object... values) {
        List<Cell> row = new ArrayList<>(values.length);
        for (Object v : values) {
          row.add(Cell.of(v));
        }
        rows.add(row);
        return this;
      }

      /** The element id (lower case letters, digits, hyphens). */
      public Builder id(String id) {
        this.id = id;
        return this;
      }

      public Table build() {
        return new Table(caption, columns, rows, id);
      }
    }
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

  static void checkRelativePath(String field, String path) {
    HtmlText.checkRelativePath(field, path);
  }
}
