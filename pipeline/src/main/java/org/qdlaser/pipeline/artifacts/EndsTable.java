package org.qdlaser.pipeline.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.integration.Relaxation;

/**
 * {@code integration/<label>-ends.arrow}: the end of every transient of a sweep, one row per pump in
 * sweep order: the pump, how the transient ended, and the state and its time derivative there.
 */
public final class EndsTable {
  private EndsTable() {}

  /** The ends of a sweep of a model with {@code dimension} real unknowns. */
  public static byte[] toArrow(int dimension, List<Relaxation> ends) {
    int n = ends.size();
    double[] pump = new double[n];
    double[] duration = new double[n];
    boolean[] reached = new boolean[n];
    double[] maxRate = new double[n];
    long[] steps = new long[n];
    long[] rhs = new long[n];
    double[][] y = new double[dimension][n];
    double[][] yDot = new double[dimension][n];
    for (int i = 0; i < n; i++) {
      Relaxation r = ends.get(i);
      pump[i] = r.pump();
      duration[i] = r.duration();
      reached[i] = r.reachedCriterion();
      maxRate[i] = r.maxRate();
      steps[i] = r.steps();
      rhs[i] = r.rhsEvaluations();
      double[] s = r.state();
      double[] d = r.derivative();
      for (int k = 0; k < dimension; k++) {
        y[k][i] = s[k];
        yDot[k][i] = d[k];
      }
    }
    Table.Builder b = Table.builder("relaxations")
        .addDouble("pump", pump).addDouble("duration", duration).addBoolean("reached_criterion", reached)
        .addDouble("max_rate", maxRate).addLong("steps", steps).addLong("rhs_evaluations", rhs);
    for (int k = 0; k < dimension; k++) {
      b.addDouble("y" + k, y[k]);
    }
    for (int k = 0; k < dimension; k++) {
      b.addDouble("ydot" + k, yDot[k]);
    }
    return TableCodec.toArrowIpc(b.build());
  }

  /** The ends in sweep order. */
  public static List<Relaxation> fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    int dim = (t.columns().size() - 6) / 2;
    int n = t.rowCount();
    double[][] y = new double[dim][];
    double[][] yDot = new double[dim][];
    for (int k = 0; k < dim; k++) {
      y[k] = t.doubles("y" + k);
      yDot[k] = t.doubles("ydot" + k);
    }
    double[] pump = t.doubles("pump");
    double[] duration = t.doubles("duration");
    boolean[] reached = t.booleans("reached_criterion");
    double[] maxRate = t.doubles("max_rate");
    long[] steps = t.longs("steps");
    long[] rhs = t.longs("rhs_evaluations");
    List<Relaxation> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double[] s = new double[dim];
      double[] d = new double[dim];
      for (int k = 0; k < dim; k++) {
        s[k] = y[k][i];
        d[k] = yDot[k][i];
      }
      out.add(new Relaxation(pump[i], duration[i], s, d, reached[i], maxRate[i], steps[i], rhs[i]));
    }
    return out;
  }

  /** The end at {@code pump} (exactly one of the sweep's pumps). */
  public static Relaxation at(List<Relaxation> ends, double pump) {
    for (Relaxation r : ends) {
      if (r.pump() == pump) {
        return r;
      }
    }
    throw new IllegalStateException("no transient end at pump r = " + pump + " (normalised) in the sweep's ends table");
  }
}
