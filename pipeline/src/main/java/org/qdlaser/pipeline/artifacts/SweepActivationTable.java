package org.qdlaser.pipeline.artifacts;

import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.stages.fitting.ActivationFit;

/**
 * {@code equilibrium/<label>-activation-fits.arrow|csv}: for a sweep of a polydisperse model, the
 * Lorentzian fit of Eq. (2) to the activation curve |&lt;v_l^+ c_l&gt;|^2 against Delta_nu_l / gamma of
 * each lasing state of the sweep, one row per lasing pump in sweep order (unscaled, Sec. IV: "a_L is
 * the maximum of |&lt;v_l^+ c_l&gt;|^2"; the scaled curve of Fig. 4 has the same w_L and R^2). The
 * paper (Sec. IV, before Fig. 5): w_L is "invariant with respect to pump values above the threshold".
 *
 * @param rows one per lasing state
 */
public record SweepActivationTable(List<Row> rows) {
  public SweepActivationTable {
    rows = List.copyOf(rows);
  }

  /**
   * @param pump pump (normalised)
   * @param pumpPerS pump in s^-1
   * @param fit the unscaled fit
   */
  public record Row(double pump, double pumpPerS, ActivationFit.Lorentzian fit) {}

  public Map<String, byte[]> files(String label) {
    int n = rows.size();
    double[] pump = new double[n];
    double[] pumpPerS = new double[n];
    double[] aL = new double[n];
    double[] wL = new double[n];
    double[] r2 = new double[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      pump[i] = r.pump();
      pumpPerS[i] = r.pumpPerS();
      aL[i] = r.fit().aL();
      wL[i] = r.fit().wL();
      r2[i] = r.fit().rSquared();
    }
    Table t = Table.builder("activation_fits").addDouble("pump", pump).addDouble("pump_per_s", pumpPerS)
        .addDouble("a_L", aL).addDouble("w_L", wL).addDouble("r_squared", r2).build();
    return TableFiles.of(ArtifactPaths.sweepActivation(label), t);
  }
}
