package org.qdlaser.pipeline.artifacts;

import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.sampling.Sample;

/**
 * {@code samples/<label>.arrow}: a run's dots, one row per dot: detuning and coupling (normalised).
 *
 * @param detunings per-dot detunings
 * @param couplings per-dot couplings
 */
public record SampleTable(double[] detunings, double[] couplings) {
  public SampleTable {
    if (detunings.length != couplings.length) {
      throw new IllegalArgumentException("sample columns must have equal lengths");
    }
    detunings = detunings.clone();
    couplings = couplings.clone();
  }

  public static SampleTable of(Sample s) {
    return new SampleTable(s.detunings(), s.couplings());
  }

  @Override
  public double[] detunings() {
    return detunings.clone();
  }

  @Override
  public double[] couplings() {
    return couplings.clone();
  }

  public byte[] toArrow() {
    long[] idx = new long[detunings.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return TableCodec.toArrowIpc(Table.builder("sample").addLong("dot", idx).addDouble("detuning", detunings)
        .addDouble("coupling", couplings).build());
  }

  public static SampleTable fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    return new SampleTable(t.doubles("detuning"), t.doubles("coupling"));
  }
}
