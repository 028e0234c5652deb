import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** Side by side in one JVM: before and after classes in their own loaders, repeats interleaved. */
public class Driver {
  static URL[] urls(String classPath) throws Exception {
    String[] parts = classPath.split(":");
    URL[] out = new URL[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Path.of(parts[i]).toUri().toURL();
    }
    return out;
  }

  public static void main(String[] a) throws Exception {
    // a[1], a[2]: the class paths of the two versions (the harness compiled against each first).
    URL[] before = urls(a[1]);
    URL[] after = urls(a[2]);
    Class<?>[] probes = {new URLClassLoader(before, ClassLoader.getPlatformClassLoader()).loadClass("Probe"),
        new URLClassLoader(after, ClassLoader.getPlatformClassLoader()).loadClass("Probe")};
    int reps = Integer.parseInt(a[0]);
    String[] kinds = {"TPM", "TPM_IF", "TPM_IF_d", "TPM_d"};
    for (int n : new int[] {20, 40}) {
      for (String k : kinds) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        int dim = 0;
        Method[] setUp = new Method[2], time = new Method[2];
        for (int v = 0; v < 2; v++) {
          setUp[v] = probes[v].getMethod("setUp", String.class, int.class);
          time[v] = probes[v].getMethod("timeOnce", int.class);
          dim = (Integer) setUp[v].invoke(null, k, n);
        }
        int calls = Math.max(20, 2_000_000 / dim);
        for (int r = 0; r < reps; r++) {
          for (int v = 0; v < 2; v++) {
            int vv = (r % 2 == 0) ? v : 1 - v; // alternate which goes first
            best[vv] = Math.min(best[vv], (Double) time[vv].invoke(null, calls));
          }
        }
        System.out.printf("%-9s N=%d dim=%6d  before %10.1f ns  after %10.1f ns  after/before %.3f%n", k, n, dim, best[0], best[1],
            best[1] / best[0]);
      }
    }
  }
}
