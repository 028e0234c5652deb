import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.qdlaser.stages.physics.*;

/** Hash of the raw bits of rhs over random states (mode "hash"), or timing minima (mode "time"). */
public class RhsBits {
  static Model model(ModelKind k, int n, long seed) {
    LaserParameters p = LaserParameters.tableI().withN(n);
    if (!k.polydisperse()) return Models.identical(k, p);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] det = new double[n], g = new double[n];
    for (int i = 0; i < n; i++) { det[i] = rnd.nextGaussian() * 0.5; g[i] = p.g() * (0.5 + rnd.nextDouble()); }
    return Models.of(k, p, det, g);
  }
  public static void main(String[] a) throws Exception {
    String mode = a[0];
    ModelKind[] kinds = {ModelKind.TPM, ModelKind.TPM_IF, ModelKind.TPM_IF_d, ModelKind.TPM_d};
    for (int n : new int[] {20, 40}) {
      for (ModelKind k : kinds) {
        Model m = model(k, n, 7);
        int dim = m.dimension();
        double[] y = new double[dim], d = new double[dim];
        SplittableRandom rnd = new SplittableRandom(1000 + n);
        if (mode.equals("hash")) {
          MessageDigest md = MessageDigest.getInstance("SHA-256");
          java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(8 * dim);
          for (int s = 0; s < 200; s++) {
            for (int i = 0; i < dim; i++) y[i] = (rnd.nextDouble() * 2 - 1) * Math.pow(10, rnd.nextInt(-3, 4));
            m.rhs(0.0, y, d);
            bb.clear();
            for (double v : d) bb.putLong(Double.doubleToRawLongBits(v));
            md.update(bb.array());
          }
          StringBuilder h = new StringBuilder();
          for (byte b : md.digest()) h.append(String.format("%02x", b));
          System.out.println(k + " N=" + n + " dim=" + dim + " sha256=" + h);
        } else {
          for (int i = 0; i < dim; i++) y[i] = (rnd.nextDouble() * 2 - 1) * 0.1;
          // calls per repeat so that one repeat is ~20-50 ms
          int calls = Math.max(50, 4_000_000 / dim);
          double best = Double.MAX_VALUE; double sink = 0;
          for (int rep = 0; rep < Integer.parseInt(a[1]); rep++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) { y[0] += 1e-12; m.rhs(0.0, y, d); sink += d[c % dim]; }
            best = Math.min(best, (System.nanoTime() - t0) / (double) calls);
          }
          System.out.printf("%s N=%d dim=%d min ns/rhs %.1f (sink %s)%n", k, n, dim, best, sink != 0);
        }
      }
    }
  }
}
