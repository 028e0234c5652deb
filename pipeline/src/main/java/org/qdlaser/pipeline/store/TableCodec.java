package org.qdlaser.pipeline.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;

/**
 * Encodes {@link Table}s as Arrow IPC files and CSV.
 *
 * <p>Arrow: one record batch, non-nullable fields (DOUBLE → Float8, LONG → Int64, BOOLEAN →
 * Bool, STRING → Utf8), table name in the schema metadata under {@value #TABLE_NAME_KEY}. The
 * same table always encodes to the same bytes. Reading accepts any number of batches of those
 * four types without nulls.
 *
 * <p>CSV: UTF-8, {@code \n} line ends (also after the last row), a header line of column names;
 * doubles in shortest round-trip form ({@link CanonicalJson#formatDouble}) with the infinities and NaN
 * spelled as Table Schema's number type expects ({@code INF}, {@code -INF}, {@code NaN}: the run's
 * {@code datapackage.json} describes these files), booleans as
 * {@code true}/{@code false}; a list column as one column per item ({@code state.Re_b}, or {@code
 * state[0]} without item names); fields containing {@code , " \r \n}, leading/trailing blanks, or
 * empty strings are quoted with {@code "} doubled inside.
 */
public final class TableCodec {
  /** Schema metadata key holding the table name. */
  public static final String TABLE_NAME_KEY = "qdlaser.table.name";
  /** Field metadata key holding a list column's item names (a JSON array of strings). */
  public static final String ITEM_NAMES_KEY = "qdlaser.item_names";
  /** Table name used when an Arrow file carries none. */
  public static final String DEFAULT_TABLE_NAME = "table";

  private TableCodec() {}

  /** Field metadata key of a column's unit ({@code gamma_nr}, {@code s^-1}, {@code 1}, ...). */
  public static final String UNIT_KEY = "unit";
  /** Field metadata key of a column's description. */
  public static final String DESCRIPTION_KEY = "description";

  /** Arrow IPC file-format bytes of {@code table}; deterministic. */
  public static byte[] toArrowIpc(Table table) {
    return toArrowIpc(table, name -> Map.of());
  }

  /**
   * Arrow IPC file-format bytes of {@code table} with each column's field metadata from {@code
   * docs} (by column name: {@value #UNIT_KEY}, {@value #DESCRIPTION_KEY}; empty for none), so that
   * the file describes itself to any Arrow reader; deterministic.
   */
  public static byte[] toArrowIpc(Table table, java.util.function.Function<String, Map<String, String>> docs) {
    List<Field> fields = new ArrayList<>();
    for (Table.Column c : table.columns()) {
      fields.add(field(c, docs.apply(c.name())));
    }
    Map<String, String> metadata = new TreeMap<>();
    metadata.put(TABLE_NAME_KEY, table.name());
    Schema schema = new Schema(fields, metadata);
    int rows = table.rowCount();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      for (int i = 0; i < table.columns().size(); i++) {
        fill(root.getVector(i), table.columns().get(i), rows);
      }
      root.setRowCount(rows);
      try (ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(out))) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode table " + table.name() + " as Arrow IPC: " + e, e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes an Arrow IPC file.
   *
   * @throws IllegalArgumentException if the bytes are not an Arrow IPC file, a column has an
   *     unsupported type, or a value is null
   */
  public static Table fromArrowIpc(byte[] bytes) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(bytes), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      Schema schema = root.getSchema();
      String name = schema.getCustomMetadata() == null ? null : schema.getCustomMetadata().get(TABLE_NAME_KEY);
      if (name == null || name.isBlank()) {
        name = DEFAULT_TABLE_NAME;
      }
      List<ArrowColumnAccumulator> columns = new ArrayList<>();
      for (Field f : schema.getFields()) {
        columns.add(new ArrowColumnAccumulator(name, f));
      }
      while (reader.loadNextBatch()) {
        for (int i = 0; i < columns.size(); i++) {
          columns.get(i).append(root.getVector(i), root.getRowCount());
        }
      }
      Table.Builder builder = Table.builder(name);
      for (ArrowColumnAccumulator a : columns) {
        builder.add(a.build());
      }
      return builder.build();
    } catch (UnsupportedArrowContent e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot decode Arrow IPC file (" + bytes.length + " bytes): " + e, e);
    }
  }

  /** CSV bytes of {@code table} (see class doc). */
  public static byte[] toCsv(Table table) {
    StringBuilder sb = new StringBuilder();
    List<Table.Column> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) {
        sb.append(',');
      }
      if (columns.get(c) instanceof Table.DoubleListColumn l) {
        // One CSV column per item, named after it (state.Re_b, state.Im_b, ...), or by index.
        for (int i = 0; i < l.width(); i++) {
          appendCsvField(sb.append(i > 0 ? "," : ""), l.name() + (l.itemNames().isEmpty() ? "[" + i + "]" : "." + l.itemNames().get(i)));
        }
      } else {
        appendCsvField(sb, columns.get(c).name());
      }
    }
    sb.append('\n');
    for (int r = 0; r < table.rowCount(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          sb.append(',');
        }
        Table.Column col = columns.get(c);
        if (col instanceof Table.DoubleColumn d) {
          sb.append(csvDouble(d.get(r)));
        } else if (col instanceof Table.LongColumn l) {
          sb.append(l.get(r));
        } else if (col instanceof Table.BooleanColumn b) {
          sb.append(b.get(r));
        } else if (col instanceof Table.StringColumn s) {
          appendCsvField(sb, s.get(r));
        } else if (col instanceof Table.DoubleListColumn l) {
          double[] row = l.row(r);
          for (int i = 0; i < row.length; i++) {
            sb.append(i > 0 ? "," : "").append(csvDouble(row[i]));
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendCsvField(StringBuilder sb, String value) {
    boolean quote =
        value.isEmpty()
            || value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0
            || Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1));
    if (!quote) {
      sb.append(value);
      return;
    }
    sb.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  private static ArrowType arrowType(Table.Kind kind) {
    return switch (kind) {
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case LONG -> new ArrowType.Int(64, true);
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case STRING -> ArrowType.Utf8.INSTANCE;
      case DOUBLE_LIST -> throw new IllegalArgumentException("a list column's type has its width: see field()");
    };
  }

  /**
   * The Arrow field of a column: non-nullable; a list column is a fixed-size list of non-nullable
   * float64 items, its item names (if any) in the field metadata under {@value #ITEM_NAMES_KEY} as a
   * JSON array.
   */
  private static Field field(Table.Column c, Map<String, String> docs) {
    Map<String, String> metadata = new TreeMap<>(docs);
    if (c instanceof Table.DoubleListColumn l) {
      if (!l.itemNames().isEmpty()) {
        metadata.put(ITEM_NAMES_KEY, CanonicalJson.string(l.itemNames()));
      }
      Field item = new Field("item", FieldType.notNullable(arrowType(Table.Kind.DOUBLE)), null);
      return new Field(l.name(), new FieldType(false, new ArrowType.FixedSizeList(l.width()), null, metadata.isEmpty() ? null : metadata),
          List.of(item));
    }
    return new Field(c.name(), new FieldType(false, arrowType(c.kind()), null, metadata.isEmpty() ? null : metadata), null);
  }

  /**
   * A column of an Arrow file as its schema describes it.
   *
   * @param name column name
   * @param kind its kind
   * @param metadata its field metadata ({@value #UNIT_KEY}, {@value #DESCRIPTION_KEY}, {@value #ITEM_NAMES_KEY}, ...)
   */
  public record FieldInfo(String name, Table.Kind kind, Map<String, String> metadata) {
    public FieldInfo {
      metadata = Map.copyOf(metadata);
    }

    /** The unit, or null. */
    public String unit() {
      return metadata.get(UNIT_KEY);
    }

    /** The description, or null. */
    public String description() {
      return metadata.get(DESCRIPTION_KEY);
    }
  }

  /** The columns of an Arrow IPC file with their field metadata (the schema only; no data is decoded). */
  public static List<FieldInfo> fields(byte[] bytes) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(bytes), allocator)) {
      List<FieldInfo> out = new ArrayList<>();
      for (Field f : reader.getVectorSchemaRoot().getSchema().getFields()) {
        Table.Kind kind = switch (f.getType().getTypeID()) {
          case FloatingPoint -> Table.Kind.DOUBLE;
          case Int -> Table.Kind.LONG;
          case Bool -> Table.Kind.BOOLEAN;
          case Utf8 -> Table.Kind.STRING;
          case FixedSizeList -> Table.Kind.DOUBLE_LIST;
          default -> throw new UnsupportedArrowContent("column '" + f.getName() + "' has unsupported type " + f.getType());
        };
        out.add(new FieldInfo(f.getName(), kind, f.getMetadata() == null ? Map.of() : f.getMetadata()));
      }
      return out;
    } catch (UnsupportedArrowContent e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read the schema of an Arrow IPC file (" + bytes.length + " bytes): " + e, e);
    }
  }

  private static void fill(FieldVector vector, Table.Column column, int rows) {
    if (column instanceof Table.DoubleColumn d && vector instanceof Float8Vector v) {
      v.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        v.set(i, d.get(i));
      }
    } else if (column instanceof Table.LongColumn l && vector instanceof BigIntVector v) {
      v.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        v.set(i, l.get(i));
      }
    } else if (column instanceof Table.BooleanColumn b && vector instanceof BitVector v) {
      v.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        v.set(i, b.get(i) ? 1 : 0);
      }
    } else if (column instanceof Table.DoubleListColumn l && vector instanceof FixedSizeListVector v) {
      Float8Vector items = (Float8Vector) v.getDataVector();
      double[] values = l.values();
      items.allocateNew(values.length);
      for (int i = 0; i < values.length; i++) {
        items.set(i, values[i]);
      }
      items.setValueCount(values.length);
      for (int i = 0; i < rows; i++) {
        v.setNotNull(i);
      }
    } else if (column instanceof Table.StringColumn s && vector instanceof VarCharVector v) {
      byte[][] encoded = new byte[rows][];
      long total = 0;
      for (int i = 0; i < rows; i++) {
        encoded[i] = s.get(i).getBytes(StandardCharsets.UTF_8);
        total += encoded[i].length;
      }
      v.allocateNew(Math.max(total, 1), rows);
      for (int i = 0; i < rows; i++) {
        v.set(i, encoded[i]);
      }
    } else {
      throw new IllegalStateException("column '" + column.name() + "' of kind " + column.kind() + " got vector "
          + vector.getClass().getSimpleName());
    }
    vector.setValueCount(rows);
  }

  /**
   * A double as the CSV twins write it: Table Schema's {@code INF} / {@code -INF} for the infinities
   * (https://specs.frictionlessdata.io/table-schema/#number: "NaN", "INF", "-INF"; Java would write
   * "Infinity"), otherwise {@link CanonicalJson#formatDouble} (NaN as {@code NaN}).
   */
  public static String csvDouble(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "INF";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-INF";
    }
    return CanonicalJson.formatDouble(v);
  }

  /** A CSV number back: {@link #csvDouble}'s spellings and Java's ("Infinity"); throws NumberFormatException otherwise. */
  public static double parseCsvDouble(String s) {
    String t = s.strip();
    if (t.equalsIgnoreCase("INF") || t.equalsIgnoreCase("+INF")) {
      return Double.POSITIVE_INFINITY;
    }
    if (t.equalsIgnoreCase("-INF")) {
      return Double.NEGATIVE_INFINITY;
    }
    return Double.parseDouble(t);
  }
}
