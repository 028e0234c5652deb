package org.qdlaser.stages.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
public final class HtmlReport {

  /** Placeholder for a missing (null) table cell. */
  public static final String MISSING = "—";

  private final String title;
  private final List<String> description;
  private final List<Section> sections;
  private final List<KeyValue> provenance;
  private final List<Checksum> checksums;

  private HtmlReport(Builder b) {
    title = b.title;
    description = List.copyOf(b.description);
    sections = List.copyOf(b.sections);
    provenance = List.copyOf(b.provenance);
    checksums = List.copyOf(b.checksums);
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  public String title() {
    return title;
  }

  public List<Section> sections() {
    return sections;
  }

  /** The page. */
  public String toHtml() {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n");
    h.raw("<html lang=\"en\">\n<head>\n");
    h.raw("<meta charset=\"utf-8\" />\n");
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    h.raw("<title>").text(title).raw("</title>\n");
    h.raw("<style>\n").raw(CSS).raw("</style>\n");
    h.raw("</head>\n<body>\n<header>\n");
    h.raw("<h1>").text(title).raw("</h1>\n");
    for (String p : description) {
      h.raw("<p class=\"description\">").text(p).raw("</p>\n");
    }
    h.raw("</header>\n");

    h.raw("<nav>\n<h2>Contents</h2>\n<ol>\n");
    for (int i = 0; i < sections.size(); i++) {
      h.raw("<li><a href=\"#").raw(sectionId(i)).raw("\">");
      h.text(sections.get(i).heading()).raw("</a></li>\n");
    }
    h.raw("<li><a href=\"#provenance\">Provenance</a></li>\n</ol>\n</nav>\n");

    h.raw("<main>\n");
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      h.raw("<section id=\"").raw(sectionId(i)).raw("\">\n");
      h.raw("<h2>").text(s.heading()).raw("</h2>\n");
      for (Block block : s.blocks()) {
        writeBlock(h, block);
      }
      h.raw("</section>\n");
    }
    writeProvenance(h);
    h.raw("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The page as UTF-8 bytes. */
  public byte[] toUtf8() {
    return toHtml().getBytes(StandardCharsets.UTF_8);
  }

  private static String sectionId(int i) {
    return "section-" + (i + 1);
  }

  private static void writeBlock(Html h, Block block) {
    if (block instanceof Paragraph p) {
      h.raw("<p>").text(p.text()).raw("</p>\n");
    } else if (block instanceof Figure f) {
      h.raw("<figure>\n");
      if (f.svgPath() != null) {
        h.raw("<a href=\"").path(f.svgPath()).raw("\">");
      }
      h.raw("<img src=\"").path(f.pngPath()).raw("\" alt=\"").text(f.alt()).raw("\" />");
      if (f.svgPath() != null) {
        h.raw("</a>");
      }
      h.raw("\n<figcaption>").text(f.caption());
      if (f.svgPath() != null) {
        h.raw(f.caption().isEmpty() ? "" : " ");
        h.raw("<a href=\"").path(f.svgPath()).raw("\">[SVG]</a>");
      }
      h.raw(" <a href=\"").path(f.pngPath()).raw("\">[PNG]</a>");
      h.raw("</figcaption>\n</figure>\n");
    } else if (block instanceof Parameters p) {
      h.raw("<table class=\"kv\">\n");
      if (!p.caption().isEmpty()) {
        h.raw("<caption>").text(p.caption()).raw("</caption>\n");
      }
      h.raw("<tbody>\n");
      for (KeyValue kv : p.entries()) {
        h.raw("<tr><th scope=\"row\">").text(kv.key()).raw("</th><td>").text(kv.value());
        h.raw("</td></tr>\n");
      }
      h.raw("</tbody>\n</table>\n");
    } else if (block instanceof DataLinks d) {
      h.raw("<ul class=\"data\">\n");
      for (DataLink link : d.links()) {
        h.raw("<li>").text(link.label()).raw(":");
        if (link.arrowPath() != null) {
          h.raw(" <a href=\"").path(link.arrowPath()).raw("\">Arrow <code>");
          h.text(link.arrowPath()).raw("</code></a>");
        }
        if (link.csvPath() != null) {
          h.raw(" <a href=\"").path(link.csvPath()).raw("\">CSV <code>");
          h.text(link.csvPath()).raw("</code></a>");
        }
        h.raw("</li>\n");
      }
      h.raw("</ul>\n");
    } else if (block instanceof Table t) {
      writeTable(h, t);
    } else {
      throw new IllegalStateException("unknown block " + block.getClass());
    }
  }

  private static void writeTable(Html h, Table t) {
    h.raw("<table class=\"data\">\n");
    if (!t.caption().isEmpty()) {
      h.raw("<caption>").text(t.caption()).raw("</caption>\n");
    }
    h.raw("<thead>\n<tr>");
    for (String col : t.columns()) {
      h.raw("<th scope=\"col\">").text(col).raw("</th>");
    }
    h.raw("</tr>\n</thead>\n<tbody>\n");
    for (List<Cell> row : t.rows()) {
      h.raw("<tr>");
      for (Cell c : row) {
        h.raw(c.numeric() ? "<td class=\"num\">" : "<td>").text(c.text()).raw("</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
  }

  private void writeProvenance(Html h) {
    h.raw("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
    if (provenance.isEmpty()) {
      h.raw("<p>No provenance recorded.</p>\n");
    } else {
      h.raw("<dl class=\"provenance\">\n");
      for (KeyValue kv : provenance) {
        h.raw("<dt>").text(kv.key()).raw("</dt><dd>").text(kv.value()).raw("</dd>\n");
      }
      h.raw("</dl>\n");
    }
    h.raw("<h3>Checksums</h3>\n");
    if (checksums.isEmpty()) {
      h.raw("<p>No checksums recorded.</p>\n");
    } else {
      h.raw("<table class=\"data checksums\">\n<thead>\n<tr><th scope=\"col\">path</th>");
      h.raw("<th scope=\"col\">sha256</th><th scope=\"col\">size (bytes)</th></tr>\n");
      h.raw("</thead>\n<tbody>\n");
      for (Checksum c : checksums) {
        h.raw("<tr><td><code>").text(c.path()).raw("</code></td><td><code>").text(c.sha256());
        h.raw("</code></td><td class=\"num\">").text(Long.toString(c.sizeBytes()));
        h.raw("</td></tr>\n");
      }
      h.raw("</tbody>\n</table>\n");
    }
    h.raw("</section>\n");
  }

  private static final String CSS =
      String.join(
          "\n",
          "body { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"DejaVu Sans\","
              + " sans-serif; color: #111; background: #fff; max-width: 72rem; margin: 0 auto;"
              + " padding: 1rem 1.5rem 3rem; line-height: 1.5; }",
          "h1 { font-size: 1.8rem; margin: 0.5rem 0; }",
          "h2 { font-size: 1.35rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem;"
              + " margin-top: 2rem; }",
          "h3 { font-size: 1.1rem; margin-top: 1.5rem; }",
          "nav ol { margin: 0; }",
          "figure { margin: 1rem 0; }",
          "figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }",
          "figcaption { font-size: 0.95rem; color: #333; }",
          "table { border-collapse: collapse; margin: 1rem 0; }",
          "caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }",
          "th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left;"
              + " vertical-align: top; }",
          "thead th { background: #f0f0f0; }",
          "table.kv th { background: #f7f7f7; font-weight: 600; }",
          "td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
          "code { font-family: \"DejaVu Sans Mono\", Menlo, Consolas, monospace;"
              + " font-size: 0.9em; }",
          "table.checksums code { word-break: break-all; }",
          "dl.provenance { display: grid; grid-template-columns: max-content auto;"
              + " gap: 0.2rem 1rem; }",
          "dl.provenance dt { font-weight: 600; }",
          "dl.provenance dd { margin: 0; }",
          "@media print { nav { display: none; } }",
          "");

  // ---------------------------------------------------------------------------------------------
  // Model

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
  public sealed interface Block permits Paragraph, Figure, Parameters, DataLinks, Table {}

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
      if (value == null) {
        return new Cell(MISSING, false);
      }
      if (value instanceof Double || value instanceof Float) {
        return new Cell(formatNumber(((Number) value).doubleValue()), true);
      }
      if (value instanceof BigDecimal d) {
        return new Cell(d.toPlainString(), true);
      }
      if (value instanceof Integer
          || value instanceof Long
          || value instanceof Short
          || value instanceof Byte
          || value instanceof BigInteger) {
        return new Cell(value.toString(), true);
      }
      if (value instanceof Cell c) {
        return c;
      }
      return new Cell(String.valueOf(value), false);
    }
  }

  /** A table with column headers and rows of cells. */
  public record Table(String caption, List<String> columns, List<List<Cell>> rows)
      implements Block {
    public Table {
      Objects.requireNonNull(caption, "caption");
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

      public Table build() {
        return new Table(caption, columns, rows);
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
      return new HtmlReport(this);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  /**
   * Locale-independent number text with 6 significant digits: plain for 1e-4 &le; |x| &lt; 1e6
   * ({@code "0.00123457"}, {@code "123457"}, {@code "2.5"}), otherwise scientific ({@code
   * "1.23457e+08"}, {@code "-3e-07"}); {@code "0"}, {@code "NaN"}, {@code "Infinity"}, {@code
   * "-Infinity"}.
   */
  public static String formatNumber(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(x).round(new MathContext(6, RoundingMode.HALF_EVEN));
    double a = Math.abs(d.doubleValue());
    if (a >= 1e-4 && a < 1e6) {
      return d.stripTrailingZeros().toPlainString();
    }
    int exponent = d.precision() - d.scale() - 1;
    BigDecimal mantissa = d.movePointLeft(exponent);
    String exp = String.format(Locale.ROOT, "%+03d", exponent);
    return mantissa.stripTrailingZeros().toPlainString() + "e" + exp;
  }

  /**
   * HTML-escapes text for element content and quoted attribute values: {@code & < > " '}; C0/C1
   * control characters other than tab, LF and CR, and unpaired surrogates, become U+FFFD.
   */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    appendEscaped(sb, s);
    return sb.toString();
  }

  private static void appendEscaped(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\t', '\n' -> sb.append(c);
        case '\r' -> sb.append('\n');
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)
              || c < 0x20
              || (c >= 0x7F && c <= 0x9F)
              || c == 0xFFFE
              || c == 0xFFFF) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
  }

  private static final Pattern SCHEME =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

  /** Requires a non-blank relative path with '/' separators (no scheme, no leading '/'). */
  static void checkRelativePath(String field, String path) {
    Objects.requireNonNull(path, field);
    if (path.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (path.startsWith("/") || path.indexOf('\\') >= 0 || SCHEME.matcher(path).matches()) {
      throw new IllegalArgumentException(
          field + " must be a relative path with '/' separators, got '" + path + "'");
    }
  }

  /**
   * Percent-encodes a relative path for an {@code href}/{@code src}: UTF-8 bytes outside the
   * unreserved set, {@code /} and {@code !$()*+,;=:@} are encoded: among others space, {@code &},
   * {@code '}, {@code %}, and {@code ?}/{@code #} so that file names are never read as query or
   * fragment.
   */
  static String encodePath(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/!$()*+,;=:@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Small HTML writer. */
  private static final class Html {
    private final StringBuilder sb = new StringBuilder(16 * 1024);

    Html raw(String s) {
      sb.append(s);
      return this;
    }

    Html text(String s) {
      appendEscaped(sb, s);
      return this;
    }

    Html path(String p) {
      sb.append(encodePath(p)); // only URL-safe ASCII without '&', '<', '"', '\'': no escaping
      return this;
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  @Override
  public String toString() {
    return "HtmlReport[title=" + title + ", sections=" + sections.size() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HtmlReport r
        && title.equals(r.title)
        && description.equals(r.description)
        && sections.equals(r.sections)
        && provenance.equals(r.provenance)
        && checksums.equals(r.checksums);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {title, description, sections, provenance, checksums});
  }
}
