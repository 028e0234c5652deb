package org.qdlaser.pipeline.artifacts;

import java.util.Map;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.integration.FieldTrace;

/**
 * {@code integration/<label>-field.arrow|csv}: &lt;b&gt; in the lab frame at every accepted step of
 * an integration (also copied into the report as {@code report/fig11-<label>.arrow|csv}).
 *
 * @param time time (1/gamma_nr)
 * @param timeNs time in ns
 * @param re Re &lt;b&gt;
 * @param im Im &lt;b&gt;
 * @param abs |&lt;b&gt;|
 */
public record FieldTable(double[] time, double[] timeNs, double[] re, double[] im, double[] abs) {
  public FieldTable {
    int n = time.length;
    if (timeNs.length != n || re.length != n || im.length != n || abs.length != n) {
      throw new IllegalArgumentException("field columns must have equal lengths");
    }
    time = time.clone();
    timeNs = timeNs.clone();
    re = re.clone();
    im = im.clone();
    abs = abs.clone();
  }

  /** The table of a field trace; time in ns from gamma_nr in s^-1. */
  public static FieldTable of(FieldTrace tr, double gammaNrPerSecond) {
    double[] ns = tr.time();
    for (int i = 0; i < ns.length; i++) {
      ns[i] = ns[i] / gammaNrPerSecond * 1e9;
    }
    return new FieldTable(tr.time(), ns, tr.re(), tr.im(), tr.abs());
  }

  @Override
  public double[] time() {
    return time.clone();
  }

  @Override
  public double[] timeNs() {
    return timeNs.clone();
  }

  @Override
  public double[] re() {
    return re.clone();
  }

  @Override
  public double[] im() {
    return im.clone();
  }

  @Override
  public double[] abs() {
    return abs.clone();
  }

  Table toTable() {
    return Table.builder("field").addDouble("time", time).addDouble("time_ns", timeNs).addDouble("re_b", re)
        .addDouble("im_b", im).addDouble("abs_b", abs).build();
  }

  /** The files at the given paths (the integration artifact, or its copy in the report). */
  public Map<String, byte[]> files(ArtifactPaths.TablePaths paths) {
    return TableFiles.of(paths, toTable());
  }

  public static FieldTable fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    return new FieldTable(t.doubles("time"), t.doubles("time_ns"), t.doubles("re_b"), t.doubles("im_b"), t.doubles("abs_b"));
  }
}
