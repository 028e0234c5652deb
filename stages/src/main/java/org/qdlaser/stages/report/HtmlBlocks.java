package org.qdlaser.stages.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The content of a report page: the blocks a section holds (paragraphs, figures, parameter tables,
 * data-table links, links, numeric tables with their cells) and the provenance rows, each a
 * validated value. {@link HtmlReport} is the page that arranges them in sections; {@link
 * HtmlWriter} renders them. Not instantiable: the values are its nested records.
 */
public final class HtmlBlocks {
  private HtmlBlocks() {}

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
      HtmlText.checkRelativePath("pngPath", pngPath);
      if (svgPath != null) {
        HtmlText.checkRelativePath("svgPath", svgPath);
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
        HtmlText.checkRelativePath("arrowPath", arrowPath);
      }
      if (csvPath != null) {
        HtmlText.checkRelativePath("csvPath", csvPath);
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
      HtmlText.checkRelativePath("href", href);
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
     * The cell for a value: {@code null} → {@link HtmlReport#MISSING}; {@code Double}/{@code Float} → {@link
     * HtmlReport#formatNumber}; other numbers → their exact decimal form; anything else → {@code
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

}
