package org.qdlaser.stages.equilibrium;

import java.util.Locale;
import org.qdlaser.stages.physics.Model;

/**
 * Verification run (not a test): the homotopy at fixed |b| of a TPM_d sample from mu = 1 ({@link
 * AmplitudeHomotopy}), printing the traced path in (mu, r) and the branch points visited at the target.
 * Usage: {@code HomotopyPathProbe N W SEED}.
 */
public final class HomotopyPathProbe {
  private HomotopyPathProbe() {}

  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]);
    double w = Double.parseDouble(a[1]);
    long seed = Long.parseLong(a[2]);
    Model m = ThresholdHomotopyBench.tpmD(n, w, seed);
    long c0 = ThresholdHomotopyBench.cpu();
    ThresholdStart start = ThresholdHomotopyBench.thresholdStart();
    var found = start.find(m, new double[] {m.pump()});
    start.tried().forEach(t -> System.out.println("tried: " + t));
    System.out.printf(Locale.ROOT, "S%d: %s, CPU %.1f s%n", seed,
        found.map(f -> "stable at r = " + f.pump() + ", |b| = " + f.bAbs()).orElse("none"),
        (ThresholdHomotopyBench.cpu() - c0) / 1e9);
  }
}
