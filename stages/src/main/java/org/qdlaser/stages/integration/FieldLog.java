package org.qdlaser.stages.integration;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.physics.Model;

/**
 * |&lt;b&gt;| and the unwrapped phase of &lt;b&gt; at every accepted step of one or more consecutive
 * transient windows, on one time axis (each window's local time shifted by {@link #offset}). Gives
 * the relative drift rate d ln|b| / dt and the rotation frequency d arg b / dt over the end of the
 * record by least squares, which average out residual relaxation oscillations.
 */
public final class FieldLog implements StepObserver {
  private final int bOffset;
  private double offset;
  private double[] t = new double[256];
  private double[] lnB = new double[256];
  private double[] phase = new double[256];
  private int n;

  public FieldLog(Model model) {
    this.bOffset = model.layout().field("b").offset();
  }

  /** Time already integrated before the next window (its local time 0 maps to {@code offset}). */
  public void startWindow(double windowStart) {
    this.offset = windowStart;
  }

  @Override
  public void stepAccepted(double time, double[] y, double[] yDot) {
    double a = Math.hypot(y[bOffset], y[bOffset + 1]);
    if (!(a > 0)) {
      return; // no field: no phase, no log
    }
    if (n == t.length) {
      t = Arrays.copyOf(t, 2 * n);
      lnB = Arrays.copyOf(lnB, 2 * n);
      phase = Arrays.copyOf(phase, 2 * n);
    }
    double p = Math.atan2(y[bOffset + 1], y[bOffset]);
    if (n > 0) {
      // unwrap: steps are far shorter than a period (omega ~ 1..5, steps ~ 1e-2)
      p += 2 * Math.PI * Math.rint((phase[n - 1] - p) / (2 * Math.PI));
    }
    t[n] = offset + time;
    lnB[n] = Math.log(a);
    phase[n] = p;
    n++;
  }

  public int size() {
    return n;
  }

  /** Least-squares slope of ln|b| over the points with time >= {@code from}; NaN with fewer than 3. */
  public double driftRate(double from) {
    return slope(lnB, from);
  }

  /** Least-squares slope of the unwrapped phase of &lt;b&gt; over time >= {@code from}; NaN with fewer than 3. */
  public double frequency(double from) {
    return slope(phase, from);
  }

  private double slope(double[] v, double from) {
    int k = 0;
    double st = 0;
    double sv = 0;
    for (int i = 0; i < n; i++) {
      if (t[i] >= from) {
        st += t[i];
        sv += v[i];
        k++;
      }
    }
    if (k < 3) {
      return Double.NaN;
    }
    double mt = st / k;
    double mv = sv / k;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      if (t[i] >= from) {
        num += (t[i] - mt) * (v[i] - mv);
        den += (t[i] - mt) * (t[i] - mt);
      }
    }
    return den > 0 ? num / den : Double.NaN;
  }
}
