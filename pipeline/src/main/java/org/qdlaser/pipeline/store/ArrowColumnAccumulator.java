package org.qdlaser.pipeline.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Gathers one column's values across the record batches of an Arrow IPC file ({@link
 * TableCodec#fromArrowIpc}) and checks that a {@link Table} can hold them: a supported type, no nulls,
 * item names a JSON array of strings.
 */
final class ArrowColumnAccumulator {
  private final String table;
  private final Field field;
  private final Table.Kind kind;
  private double[] doubles = new double[0];
  private long[] longs = new long[0];
  private boolean[] booleans = new boolean[0];
  private String[] strings = new String[0];
  private int width = 1;
  private int size;

  ArrowColumnAccumulator(String table, Field field) {
    this.table = table;
    this.field = field;
    ArrowType t = field.getType();
    if (t instanceof ArrowType.FloatingPoint fp && fp.getPrecision() == FloatingPointPrecision.DOUBLE) {
      kind = Table.Kind.DOUBLE;
    } else if (t instanceof ArrowType.Int i && i.getBitWidth() == 64 && i.getIsSigned()) {
      kind = Table.Kind.LONG;
    } else if (t instanceof ArrowType.Bool) {
      kind = Table.Kind.BOOLEAN;
    } else if (t instanceof ArrowType.Utf8) {
      kind = Table.Kind.STRING;
    } else if (t instanceof ArrowType.FixedSizeList list && field.getChildren().size() == 1
        && field.getChildren().get(0).getType() instanceof ArrowType.FloatingPoint fp
        && fp.getPrecision() == FloatingPointPrecision.DOUBLE) {
      kind = Table.Kind.DOUBLE_LIST;
      width = list.getListSize();
    } else {
      throw new UnsupportedArrowContent(
          "arrow table " + table + ": column '" + field.getName() + "' has unsupported type " + t
              + " (supported: float64, int64, bool, utf8)");
    }
  }

  void append(FieldVector vector, int rows) {
    int from = size;
    size += rows;
    switch (kind) {
      case DOUBLE -> doubles = Arrays.copyOf(doubles, size);
      case LONG -> longs = Arrays.copyOf(longs, size);
      case BOOLEAN -> booleans = Arrays.copyOf(booleans, size);
      case STRING -> strings = Arrays.copyOf(strings, size);
      case DOUBLE_LIST -> doubles = Arrays.copyOf(doubles, size * width);
      default -> throw new IllegalStateException("no storage for " + kind);
    }
    for (int i = 0; i < rows; i++) {
      if (vector.isNull(i)) {
        throw new UnsupportedArrowContent("arrow table " + table + ": column '" + field.getName() + "' is null at row " + (from + i)
            + " (nulls are not supported)");
      }
      switch (kind) {
        case DOUBLE -> doubles[from + i] = ((Float8Vector) vector).get(i);
        case LONG -> longs[from + i] = ((BigIntVector) vector).get(i);
        case BOOLEAN -> booleans[from + i] = ((BitVector) vector).get(i) != 0;
        case STRING -> strings[from + i] = new String(((VarCharVector) vector).get(i), StandardCharsets.UTF_8);
        case DOUBLE_LIST -> {
          Float8Vector items = (Float8Vector) ((FixedSizeListVector) vector).getDataVector();
          for (int k = 0; k < width; k++) {
            doubles[(from + i) * width + k] = items.get(i * width + k);
          }
        }
        default -> throw new IllegalStateException("no reader for " + kind);
      }
    }
  }

  Table.Column build() {
    String name = field.getName();
    return switch (kind) {
      case DOUBLE -> new Table.DoubleColumn(name, doubles);
      case LONG -> new Table.LongColumn(name, longs);
      case BOOLEAN -> new Table.BooleanColumn(name, booleans);
      case STRING -> new Table.StringColumn(name, strings);
      case DOUBLE_LIST -> new Table.DoubleListColumn(name, width, doubles, itemNames());
    };
  }

  private List<String> itemNames() {
    String names = field.getMetadata() == null ? null : field.getMetadata().get(TableCodec.ITEM_NAMES_KEY);
    if (names == null) {
      return List.of();
    }
    try {
      return Arrays.asList(CanonicalJson.mapper().readValue(names, String[].class));
    } catch (java.io.IOException e) {
      throw new UnsupportedArrowContent("arrow table " + table + ": column '" + field.getName() + "' has item names that are not a "
          + "JSON array of strings: " + e.getMessage());
    }
  }
}
