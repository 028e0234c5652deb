package org.qdlaser.pipeline.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable columnar table: a name and ordered, equally long, uniquely named columns of
 * doubles, longs, booleans or (non-null) strings. Column arrays are copied in and out.
 *
 * @param name table name (stored in the Arrow schema metadata)
 * @param columns columns in order
 */
public record Table(String name, List<Table.Column> columns) {

  /** The value kind of a column. */
  public enum Kind {
    DOUBLE,
    LONG,
    BOOLEAN,
    STRING,
    /** A fixed-size list of doubles per row (e.g. a state vector), its items optionally named. */
    DOUBLE_LIST
  }

  /** One named column. */
  public sealed interface Column permits DoubleColumn, LongColumn, BooleanColumn, StringColumn, DoubleListColumn {
    String name();

    Kind kind();

    /** Number of values (rows). */
    int size();
  }

  public Table {
    requireName(name, "table name");
    columns = List.copyOf(Objects.requireNonNull(columns, "columns of table " + name));
    Set<String> seen = new HashSet<>();
    int rows = -1;
    for (Column c : columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("table " + name + " has two columns named '" + c.name() + "'");
      }
      if (rows < 0) {
        rows = c.size();
      } else if (c.size() != rows) {
        throw new IllegalArgumentException(
            "table " + name + ": column '" + c.name() + "' has " + c.size() + " rows but column '" + columns.get(0).name() + "' has "
                + rows);
      }
    }
  }

  /** A builder for a table named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Number of rows (0 for a table without columns). */
  public int rowCount() {
    return columns.isEmpty() ? 0 : columns.get(0).size();
  }

  /** Column names in order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /**
   * The column named {@code columnName}.
   *
   * @throws IllegalArgumentException naming the table and its columns if absent
   */
  public Column column(String columnName) {
    for (Column c : columns) {
      if (c.name().equals(columnName)) {
        return c;
      }
    }
    throw new IllegalArgumentException("table " + name + " has no column '" + columnName + "' (columns: " + columnNames() + ")");
  }

  /** A copy of the values of double column {@code columnName}. */
  public double[] doubles(String columnName) {
    return typed(columnName, DoubleColumn.class).values();
  }

  /** A copy of the values of long column {@code columnName}. */
  public long[] longs(String columnName) {
    return typed(columnName, LongColumn.class).values();
  }

  /** A copy of the values of boolean column {@code columnName}. */
  public boolean[] booleans(String columnName) {
    return typed(columnName, BooleanColumn.class).values();
  }

  /** A copy of the values of string column {@code columnName}. */
  public String[] strings(String columnName) {
    return typed(columnName, StringColumn.class).values();
  }

  /** The list column {@code columnName}. */
  public DoubleListColumn doubleList(String columnName) {
    return typed(columnName, DoubleListColumn.class);
  }

  private <C extends Column> C typed(String columnName, Class<C> type) {
    Column c = column(columnName);
    if (!type.isInstance(c)) {
      throw new IllegalArgumentException("column '" + columnName + "' of table " + name + " holds " + c.kind() + ", not "
          + type.getSimpleName());
    }
    return type.cast(c);
  }

  private static String requireName(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, got " + (s == null ? "null" : "'" + s + "'"));
    }
    return s;
  }

  /** A column of doubles (NaN and infinities allowed). */
  public record DoubleColumn(String name, double[] values) implements Column {
    public DoubleColumn {
      requireName(name, "column name");
      values = Objects.requireNonNull(values, "values of column " + name).clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    public double get(int row) {
      return values[row];
    }

    @Override
    public Kind kind() {
      return Kind.DOUBLE;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DoubleColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "DoubleColumn[" + name + ", " + values.length + " rows]";
    }
  }

  /** A column of 64-bit signed integers. */
  public record LongColumn(String name, long[] values) implements Column {
    public LongColumn {
      requireName(name, "column name");
      values = Objects.requireNonNull(values, "values of column " + name).clone();
    }

    @Override
    public long[] values() {
      return values.clone();
    }

    public long get(int row) {
      return values[row];
    }

    @Override
    public Kind kind() {
      return Kind.LONG;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof LongColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "LongColumn[" + name + ", " + values.length + " rows]";
    }
  }

  /** A column of booleans. */
  public record BooleanColumn(String name, boolean[] values) implements Column {
    public BooleanColumn {
      requireName(name, "column name");
      values = Objects.requireNonNull(values, "values of column " + name).clone();
    }

    @Override
    public boolean[] values() {
      return values.clone();
    }

    public boolean get(int row) {
      return values[row];
    }

    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BooleanColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "BooleanColumn[" + name + ", " + values.length + " rows]";
    }
  }

  /** A column of non-null strings. */
  public record StringColumn(String name, String[] values) implements Column {
    public StringColumn {
      requireName(name, "column name");
      values = Objects.requireNonNull(values, "values of column " + name).clone();
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          throw new IllegalArgumentException("string column '" + name + "' has a null value at row " + i);
        }
      }
    }

    @Override
    public String[] values() {
      return values.clone();
    }

    public String get(int row) {
      return values[row];
    }

    @Override
    public Kind kind() {
      return Kind.STRING;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StringColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "StringColumn[" + name + ", " + values.length + " rows]";
    }
  }

  /**
   * A column holding a list of {@code width} doubles per row, stored flat and row-major (row i is
   * {@code values[i * width .. (i + 1) * width)}), with the names of the list's items (empty: unnamed).
   */
  public record DoubleListColumn(String name, int width, double[] values, List<String> itemNames) implements Column {
    public DoubleListColumn {
      requireName(name, "column name");
      if (width < 1) {
        throw new IllegalArgumentException("list column '" + name + "' needs width >= 1, got " + width);
      }
      values = Objects.requireNonNull(values, "values of column " + name).clone();
      if (values.length % width != 0) {
        throw new IllegalArgumentException("list column '" + name + "' has " + values.length + " values, not a multiple of "
            + width);
      }
      itemNames = List.copyOf(itemNames);
      if (!itemNames.isEmpty() && itemNames.size() != width) {
        throw new IllegalArgumentException("list column '" + name + "' has " + itemNames.size() + " item names for width " + width);
      }
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** Row {@code row}'s list (a copy). */
    public double[] row(int row) {
      return Arrays.copyOfRange(values, row * width, (row + 1) * width);
    }

    @Override
    public Kind kind() {
      return Kind.DOUBLE_LIST;
    }

    @Override
    public int size() {
      return values.length / width;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DoubleListColumn c && c.name.equals(name) && c.width == width && Arrays.equals(c.values, values)
          && c.itemNames.equals(itemNames);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "DoubleListColumn[" + name + ", " + size() + " rows of " + width + "]";
    }
  }

  /** Collects columns in order; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder add(Column column) {
      columns.add(Objects.requireNonNull(column, "column"));
      return this;
    }

    public Builder addDouble(String columnName, double... values) {
      return add(new DoubleColumn(columnName, values));
    }

    public Builder addLong(String columnName, long... values) {
      return add(new LongColumn(columnName, values));
    }

    public Builder addBoolean(String columnName, boolean... values) {
      return add(new BooleanColumn(columnName, values));
    }

    public Builder addString(String columnName, String... values) {
      return add(new StringColumn(columnName, values));
    }

    /** @throws IllegalArgumentException on duplicate names or unequal column lengths */
    public Table build() {
      return new Table(name, columns);
    }
  }
}
