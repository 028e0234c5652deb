package org.qdlaser.pipeline.artifacts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.integration.Relaxation;

/**
 * {@code integration/<label>-ends.arrow}: the end of every transient of a sweep, one row per pump in
 * sweep order: the pump, how the transient ended, and the state and its time derivative there, each
 * as one fixed-size-list column ({@code state}, {@code state_derivative}) whose field metadata names
 * the state's components ({@code Re_b}, {@code Im_b}, {@code Bb}, ...; {@link TableCodec#ITEM_NAMES_KEY}).
 */
public final class EndsTable {
  static final String STATE = "state";
  static final String DERIVATIVE = "state_derivative";

  private EndsTable() {}

  /** The ends of a sweep of a model whose state components are named {@code stateNames}, in order. */
  public static byte[] toArrow(String[] stateNames, List<Relaxation> ends) {
    int n = ends.size();
    int dim = stateNames.length;
    double[] pump = new double[n];
    double[] duration = new double[n];
    boolean[] reached = new boolean[n];
    double[] maxRate = new double[n];
    long[] steps = new long[n];
    long[] rhs = new long[n];
    double[] y = new double[n * dim];
    double[] yDot = new double[n * dim];
    for (int i = 0; i < n; i++) {
      Relaxation r = ends.get(i);
      pump[i] = r.pump();
      duration[i] = r.duration();
      reached[i] = r.reachedCriterion();
      maxRate[i] = r.maxRate();
      steps[i] = r.steps();
      rhs[i] = r.rhsEvaluations();
      System.arraycopy(r.state(), 0, y, i * dim, dim);
      System.arraycopy(r.derivative(), 0, yDot, i * dim, dim);
    }
    List<String> names = Arrays.asList(stateNames);
    return TableCodec.toArrowIpc(Table.builder("relaxations")
        .addDouble("pump", pump).addDouble("duration", duration).addBoolean("reached_criterion", reached)
        .addDouble("max_rate", maxRate).addLong("steps", steps).addLong("rhs_evaluations", rhs)
        .add(new Table.DoubleListColumn(STATE, dim, y, names)).add(new Table.DoubleListColumn(DERIVATIVE, dim, yDot, names))
        .build());
  }

  /** The ends in sweep order. */
  public static List<Relaxation> fromArrow(byte[] bytes) {
    Table t = TableCodec.fromArrowIpc(bytes);
    Table.DoubleListColumn y = t.doubleList(STATE);
    Table.DoubleListColumn yDot = t.doubleList(DERIVATIVE);
    double[] pump = t.doubles("pump");
    double[] duration = t.doubles("duration");
    boolean[] reached = t.booleans("reached_criterion");
    double[] maxRate = t.doubles("max_rate");
    long[] steps = t.longs("steps");
    long[] rhs = t.longs("rhs_evaluations");
    List<Relaxation> out = new ArrayList<>(t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) {
      out.add(new Relaxation(pump[i], duration[i], y.row(i), yDot.row(i), reached[i], maxRate[i], steps[i], rhs[i]));
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
