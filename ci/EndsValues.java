import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * Compares the values of two integration "ends" tables bit for bit, whatever their layout: the layout
 * before the structure moves (one float64 column per unknown, y0..y{n-1} and ydot0..ydot{n-1}) and the
 * one after (two FixedSizeList columns, state and state_derivative) read into the same names. Used by
 * ci/ends-values to show that the one artifact change of the refactoring changed bytes, not values.
 */
public final class EndsValues {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ci/ends-values BEFORE.arrow AFTER.arrow");
      System.exit(2);
    }
    Map<String, String> a = read(Path.of(args[0]));
    Map<String, String> b = read(Path.of(args[1]));
    int shown = 0;
    for (String k : new java.util.TreeSet<>(union(a, b))) {
      if (!Objects.equals(a.get(k), b.get(k)) && shown++ < 20) {
        System.out.println(k + ": " + a.get(k) + " -> " + b.get(k));
      }
    }
    System.out.println((shown == 0 ? "identical values" : "DIFFERENT values") + " (" + a.size() + " before, "
        + b.size() + " after)");
    System.exit(shown == 0 ? 0 : 1);
  }

  private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  /** Every cell as batch/row/name -> value; doubles as their raw bits, list items named y{k} or ydot{k}. */
  private static Map<String, String> read(Path file) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (BufferAllocator al = new RootAllocator();
        ArrowFileReader r = new ArrowFileReader(Files.newByteChannel(file), al)) {
      int batch = 0;
      while (r.loadNextBatch()) {
        VectorSchemaRoot root = r.getVectorSchemaRoot();
        for (FieldVector v : root.getFieldVectors()) {
          for (int i = 0; i < root.getRowCount(); i++) {
            cell(out, batch + "/" + i + "/", v, i);
          }
        }
        batch++;
      }
    }
    return out;
  }

  private static void cell(Map<String, String> out, String row, FieldVector v, int i) {
    String n = v.getName();
    if (v instanceof FixedSizeListVector) {
      FixedSizeListVector l = (FixedSizeListVector) v;
      Float8Vector d = (Float8Vector) l.getDataVector();
      int w = l.getListSize();
      String base = n.equals("state") ? "y" : n.equals("state_derivative") ? "ydot" : n + "_";
      for (int k = 0; k < w; k++) {
        out.put(row + base + k, bits(d.get(i * w + k)));
      }
    } else {
      Object o = v.getObject(i);
      out.put(row + n, o instanceof Double ? bits((Double) o) : String.valueOf(o));
    }
  }

  private static String bits(double x) {
    return Long.toHexString(Double.doubleToRawLongBits(x));
  }
}
