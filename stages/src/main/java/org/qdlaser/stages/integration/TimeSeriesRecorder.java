package org.qdlaser.stages.integration;

import java.util.Arrays;
import org.qdlaser.stages.numerics.ode.StepObserver;
import org.qdlaser.stages.physics.Model;

/** Records observables every {@code stride}-th accepted step into grow-only arrays. */
final class TimeSeriesRecorder implements StepObserver {
  private final int stride;
  private Model model;
  private double pump;
  private double t0;
  private long counter;
  private int size;
  private double[] p = new double[1024];
  private double[] t = new double[1024];
  private double[] b = new double[1024];
  private double[] ph = new double[1024];
  private double[] cc = new double[1024];
  private double[] bb = new double[1024];

  TimeSeriesRecorder(int stride) {
    if (stride < 1) {
      throw new IllegalArgumentException("record stride must be >= 1, got " + stride);
    }
    this.stride = stride;
  }

  /** Starts a new segment; the first step of every segment is recorded. */
  void startSegment(Model m, double pumpValue, double startTime, double[] y0) {
    this.model = m;
    this.pump = pumpValue;
    this.t0 = startTime;
    this.counter = 0;
    add(startTime, y0);
  }

  @Override
  public void stepAccepted(double time, double[] y, double[] yDot) {
    if (++counter % stride == 0) {
      add(time, y);
    }
  }

  void finishSegment(double time, double[] y) {
    if (counter % stride != 0) {
      add(time, y);
    }
  }

  private void add(double time, double[] y) {
    if (size == t.length) {
      int cap = size * 2;
      p = Arrays.copyOf(p, cap);
      t = Arrays.copyOf(t, cap);
      b = Arrays.copyOf(b, cap);
      ph = Arrays.copyOf(ph, cap);
      cc = Arrays.copyOf(cc, cap);
      bb = Arrays.copyOf(bb, cap);
    }
    p[size] = pump;
    t[size] = time - t0;
    b[size] = model.fieldAmplitude(y);
    ph[size] = model.photons(y);
    cc[size] = model.upperPopulationMean(y);
    bb[size] = model.bbAmplitude(y);
    size++;
  }

  TimeSeries toTimeSeries() {
    return new TimeSeries(
        Arrays.copyOf(p, size), Arrays.copyOf(t, size), Arrays.copyOf(b, size),
        Arrays.copyOf(ph, size), Arrays.copyOf(cc, size), Arrays.copyOf(bb, size));
  }
}
