package org.qdlaser.stages.integration;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.IntegrationResult;
import org.qdlaser.stages.numerics.ode.StiffIntegrator;
import org.qdlaser.stages.numerics.ode.StopCondition;
import org.qdlaser.stages.physics.Model;

/**
 * The coherent field &lt;b&gt; in the lab (integration) frame along a time window (Fig. 11): real and
 * imaginary part at every accepted step of the integrator.
 *
 * @param time times since the start of the window (1/gamma_nr)
 * @param re Re &lt;b&gt;
 * @param im Im &lt;b&gt;
 */
public record FieldTrace(double[] time, double[] re, double[] im) {
  public FieldTrace {
    if (time.length != re.length || time.length != im.length || time.length < 2) {
      throw new IllegalArgumentException("field trace needs >= 2 points of equal length, got " + time.length + ", "
          + re.length + ", " + im.length);
    }
    time = time.clone();
    re = re.clone();
    im = im.clone();
  }

  @Override
  public double[] time() {
    return time.clone();
  }

  @Override
  public double[] re() {
    return re.clone();
  }

  @Override
  public double[] im() {
    return im.clone();
  }

  /** |&lt;b&gt;| at every point. */
  public double[] abs() {
    double[] a = new double[time.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.hypot(re[i], im[i]);
    }
    return a;
  }

  /**
   * Integrates {@code model} from {@code y0} over {@code duration} and records &lt;b&gt; at the start
   * and at every accepted step.
   */
  public static FieldTrace record(StiffIntegrator integrator, Model model, double[] y0, double duration) {
    if (!(duration > 0)) {
      throw new IllegalArgumentException("duration must be > 0, got " + duration);
    }
    int o = model.layout().field("b").offset();
    double[][] buf = {new double[256], new double[256], new double[256]};
    int[] n = {0};
    java.util.function.BiConsumer<Double, double[]> add = (t, y) -> {
      if (n[0] == buf[0].length) {
        for (int k = 0; k < 3; k++) {
          buf[k] = Arrays.copyOf(buf[k], 2 * n[0]);
        }
      }
      buf[0][n[0]] = t;
      buf[1][n[0]] = y[o];
      buf[2][n[0]] = y[o + 1];
      n[0]++;
    };
    add.accept(0.0, y0);
    IntegrationResult r = integrator.integrate(model, 0.0, y0, duration, (t, y, yDot) -> add.accept(t, y), StopCondition.NEVER);
    if (buf[0][n[0] - 1] < r.t()) {
      add.accept(r.t(), r.y());
    }
    return new FieldTrace(Arrays.copyOf(buf[0], n[0]), Arrays.copyOf(buf[1], n[0]), Arrays.copyOf(buf[2], n[0]));
  }
}
