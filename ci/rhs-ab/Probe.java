import java.util.SplittableRandom;
import org.qdlaser.stages.physics.*;

/** Loaded once per code version (own class loader): times rhs calls of one model. */
public class Probe {
  static Model m; static double[] y, d; static double sink;
  public static int setUp(String kind, int n) {
    m = RhsBits.model(ModelKind.valueOf(kind), n, 7);
    int dim = m.dimension();
    y = new double[dim]; d = new double[dim];
    SplittableRandom rnd = new SplittableRandom(1000 + n);
    for (int i = 0; i < dim; i++) y[i] = (rnd.nextDouble() * 2 - 1) * 0.1;
    return dim;
  }
  public static double timeOnce(int calls) {
    long t0 = System.nanoTime();
    for (int c = 0; c < calls; c++) { y[0] += 1e-12; m.rhs(0.0, y, d); sink += d[c % d.length]; }
    return (System.nanoTime() - t0) / (double) calls;
  }
}
