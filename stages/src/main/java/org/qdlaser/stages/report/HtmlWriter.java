package org.qdlaser.stages.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an {@link HtmlReport} as a self-contained HTML page (inline CSS, relative links): the
 * deterministic text of the page, escaping and URL encoding. The page model and its builders live
 * in {@link HtmlReport}.
 */
final class HtmlWriter {
  private HtmlWriter() {}

  /** The page of a report's parts. */
  static String write(String title, List<String> description, List<HtmlReport.Section> sections,
      List<HtmlBlocks.KeyValue> provenance, List<HtmlBlocks.Checksum> checksums) {
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
      HtmlReport.Section s = sections.get(i);
      h.raw("<section id=\"").raw(sectionId(i)).raw("\">\n");
      h.raw("<h2>").text(s.heading()).raw("</h2>\n");
      for (HtmlBlocks.Block block : s.blocks()) {
        writeBlock(h, block);
      }
      h.raw("</section>\n");
    }
    writeProvenance(h, provenance, checksums);
    h.raw("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String sectionId(int i) {
    return "section-" + (i + 1);
  }

  private static void writeBlock(Html h, HtmlBlocks.Block block) {
    if (block instanceof HtmlBlocks.Paragraph p) {
      h.raw("<p>").text(p.text()).raw("</p>\n");
    } else if (block instanceof HtmlBlocks.Figure f) {
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
    } else if (block instanceof HtmlBlocks.Parameters p) {
      h.raw("<table class=\"kv\">\n");
      if (!p.caption().isEmpty()) {
        h.raw("<caption>").text(p.caption()).raw("</caption>\n");
      }
      h.raw("<tbody>\n");
      for (HtmlBlocks.KeyValue kv : p.entries()) {
        h.raw("<tr><th scope=\"row\">").text(kv.key()).raw("</th><td>").text(kv.value());
        h.raw("</td></tr>\n");
      }
      h.raw("</tbody>\n</table>\n");
    } else if (block instanceof HtmlBlocks.DataLinks d) {
      h.raw("<ul class=\"data\">\n");
      for (HtmlBlocks.DataLink link : d.links()) {
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
    } else if (block instanceof HtmlBlocks.Links l) {
      h.raw("<ul class=\"links\">\n");
      for (HtmlBlocks.Link link : l.links()) {
        h.raw("<li><a href=\"").path(link.href()).raw("\">").text(link.label()).raw("</a>");
        if (!link.note().isEmpty()) {
          h.raw(": ").text(link.note());
        }
        h.raw("</li>\n");
      }
      h.raw("</ul>\n");
    } else if (block instanceof HtmlBlocks.Table t) {
      writeTable(h, t);
    } else {
      throw new IllegalStateException("unknown block " + block.getClass());
    }
  }

  private static void writeTable(Html h, HtmlBlocks.Table t) {
    h.raw(t.id() == null ? "<table class=\"data\">\n" : "<table class=\"data\" id=\"" + t.id() + "\">\n");
    if (!t.caption().isEmpty()) {
      h.raw("<caption>").text(t.caption()).raw("</caption>\n");
    }
    h.raw("<thead>\n<tr>");
    for (String col : t.columns()) {
      h.raw("<th scope=\"col\">").text(col).raw("</th>");
    }
    h.raw("</tr>\n</thead>\n<tbody>\n");
    for (List<HtmlBlocks.Cell> row : t.rows()) {
      h.raw("<tr>");
      for (HtmlBlocks.Cell c : row) {
        h.raw(c.numeric() ? "<td class=\"num\">" : "<td>").text(c.text()).raw("</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
  }

  private static void writeProvenance(Html h, List<HtmlBlocks.KeyValue> provenance, List<HtmlBlocks.Checksum> checksums) {
    h.raw("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
    if (provenance.isEmpty()) {
      h.raw("<p>No provenance recorded.</p>\n");
    } else {
      h.raw("<dl class=\"provenance\">\n");
      for (HtmlBlocks.KeyValue kv : provenance) {
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
      for (HtmlBlocks.Checksum c : checksums) {
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

  static void appendEscaped(StringBuilder sb, String s) {
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
}
