package org.qdlaser.pipeline.artifacts;

import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.equilibrium.PumpStepCheck;

/**
 * {@code integration/<label>-pump-step.arrow|csv}: a pump-step transient (time in 1/gamma_nr and in
 * ns), the mean upper population, the photon number, and the fitted curve (NaN outside the fit
 * window).
 */
public record PumpStepTable(double[] time, double[] timeNs, double[] upperPopulation, double[] photons, double[] fitted) {
  public PumpStepTable {
    time = time.clone();
    timeNs = timeNs.clone();
    upperPopulation = upperPopulation.clone();
    photons = photons.clone();
    fitted = fitted.clone();
  }

  @Override public double[] time() { return time.clone(); }
  @Override public double[] timeNs() { return timeNs.clone(); }
  @Override public double[] upperPopulation() { return upperPopulation.clone(); }
  @Override public double[] photons() { return photons.clone(); }
  @Override public double[] fitted() { return fitted.clone(); }

  public static PumpStepTable of(PumpStepCheck c, double gammaNrPerSecond) {
    double[] t = c.response().time();
    double[] ns = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      ns[i] = t[i] / gammaNrPerSecond * 1e9;
    }
    return new PumpStepTable(t, ns, c.response().upperPopulation(), c.response().photons(), c.fittedPopulation());
  }

  public Map<String, byte[]> files(String label) {
    Table t = Table.builder("pump_step").addDouble("time", time).addDouble("time_ns", timeNs)
        .addDouble("upper_population", upperPopulation).addDouble("photons", photons)
        .addDouble("fitted_upper_population", fitted).build();
    return TableFiles.of(ArtifactPaths.pumpStep(label), t);
  }

  public static PumpStepTable fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    return new PumpStepTable(t.doubles("time"), t.doubles("time_ns"), t.doubles("upper_population"), t.doubles("photons"),
        t.doubles("fitted_upper_population"));
  }
}
