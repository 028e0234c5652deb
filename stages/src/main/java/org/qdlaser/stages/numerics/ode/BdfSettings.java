package org.qdlaser.stages.numerics.ode;

import java.util.Arrays;

/**
 * Settings of {@link BdfIntegrator}. Immutable; the per-component array is cloned in and out.
 *
 * @param rtol relative tolerance, in (0, 1)
 * @param atol absolute tolerance (state units), positive; used for every component unless
 *     {@code atolPerComponent} is given
 * @param atolPerComponent per-component absolute tolerances (state units, each positive), or null;
 *     overrides {@code atol} and must have the system's dimension
 * @param initialStep first step size (time units); 0 selects it automatically
 * @param maxStep largest step size (time units); may be +infinity
 * @param maxSteps largest number of accepted steps per integration
 * @param maxOrder highest BDF order, 1..5
 * @param iterationMatrix linear algebra of the Newton iteration ({@link IterationMatrixKind#AUTO}:
 *     sparse when the system supplies a sparsity pattern)
 * @param stabilityLimitDetection lower the order when the history shows an oscillatory mode that the
 *     current order (3..5) does not damp (stability-limit detection, after Hindmarsh's STALD; see
 *     {@link BdfIntegrator}); off by default ({@link #DEFAULT_STABILITY_LIMIT_DETECTION})
 */
public record BdfSettings(
    double rtol,
    double atol,
    double[] atolPerComponent,
    double initialStep,
    double maxStep,
    long maxSteps,
    int maxOrder,
    IterationMatrixKind iterationMatrix,
    boolean stabilityLimitDetection) {

  /**
   * Stability-limit detection is off unless asked for: measured over the IVP Test Set sweep
   * (docs/decisions.md, "Stability-limit detection in the BDF").
   */
  public static final boolean DEFAULT_STABILITY_LIMIT_DETECTION = false;
  /** Default step budget: far above any sensible run, low enough to stop a runaway loop. */
  public static final long DEFAULT_MAX_STEPS = 1_000_000L;
  /** Highest order of a zero-stable BDF used here (orders 1-5; BDF6 has a tiny stability region). */
  public static final int MAX_ORDER = 5;

  public BdfSettings {
    if (!(rtol > 0 && rtol < 1)) {
      throw new IllegalArgumentException("rtol must be in (0, 1), got " + rtol);
    }
    if (!(atol > 0 && atol < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("atol must be positive and finite, got " + atol);
    }
    if (atolPerComponent != null) {
      if (atolPerComponent.length == 0) {
        throw new IllegalArgumentException("atolPerComponent must not be empty (use null for the scalar atol)");
      }
      atolPerComponent = atolPerComponent.clone();
      for (int i = 0; i < atolPerComponent.length; i++) {
        double a = atolPerComponent[i];
        if (!(a > 0 && a < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("atolPerComponent[" + i + "] must be positive and finite, got " + a);
        }
      }
    }
    if (!(initialStep >= 0 && initialStep < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("initialStep must be >= 0 (0 = automatic) and finite, got " + initialStep);
    }
    if (!(maxStep > 0)) {
      throw new IllegalArgumentException("maxStep must be positive, got " + maxStep);
    }
    if (initialStep > maxStep) {
      throw new IllegalArgumentException(
          "initialStep must not exceed maxStep, got initialStep=" + initialStep + ", maxStep=" + maxStep);
    }
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
    }
    if (maxOrder < 1 || maxOrder > MAX_ORDER) {
      throw new IllegalArgumentException("maxOrder must be in 1.." + MAX_ORDER + ", got " + maxOrder);
    }
    if (iterationMatrix == null) {
      throw new IllegalArgumentException("iterationMatrix must not be null (use AUTO)");
    }
  }

  /** Settings with the default stability-limit detection. */
  public BdfSettings(
      double rtol, double atol, double[] atolPerComponent, double initialStep, double maxStep, long maxSteps,
      int maxOrder, IterationMatrixKind iterationMatrix) {
    this(rtol, atol, atolPerComponent, initialStep, maxStep, maxSteps, maxOrder, iterationMatrix,
        DEFAULT_STABILITY_LIMIT_DETECTION);
  }

  /** Settings with {@link IterationMatrixKind#AUTO} linear algebra. */
  public BdfSettings(
      double rtol, double atol, double[] atolPerComponent, double initialStep, double maxStep, long maxSteps,
      int maxOrder) {
    this(rtol, atol, atolPerComponent, initialStep, maxStep, maxSteps, maxOrder, IterationMatrixKind.AUTO);
  }

  /**
   * Scalar tolerances, automatic initial step, no step limit, 1e6 steps, orders up to 5, automatic
   * choice of dense or sparse linear algebra.
   */
  public static BdfSettings of(double rtol, double atol) {
    return new BdfSettings(
        rtol, atol, null, 0.0, Double.POSITIVE_INFINITY, DEFAULT_MAX_STEPS, MAX_ORDER, IterationMatrixKind.AUTO);
  }

  /** A copy of the per-component tolerances, or null. */
  @Override
  public double[] atolPerComponent() {
    return atolPerComponent == null ? null : atolPerComponent.clone();
  }

  /** Absolute tolerance of component i (state units). */
  public double atol(int i) {
    return atolPerComponent == null ? atol : atolPerComponent[i];
  }

  public BdfSettings withRtol(double v) {
    return new BdfSettings(v, atol, atolPerComponent, initialStep, maxStep, maxSteps, maxOrder, iterationMatrix,
        stabilityLimitDetection);
  }

  public BdfSettings withAtol(double v) {
    return new BdfSettings(rtol, v, atolPerComponent, initialStep, maxStep, maxSteps, maxOrder, iterationMatrix,
        stabilityLimitDetection);
  }

  /** @param v per-component tolerances (copied), or null for the scalar atol */
  public BdfSettings withAtolPerComponent(double[] v) {
    return new BdfSettings(rtol, atol, v, initialStep, maxStep, maxSteps, maxOrder, iterationMatrix,
        stabilityLimitDetection);
  }

  public BdfSettings withInitialStep(double v) {
    return new BdfSettings(rtol, atol, atolPerComponent, v, maxStep, maxSteps, maxOrder, iterationMatrix,
        stabilityLimitDetection);
  }

  public BdfSettings withMaxStep(double v) {
    return new BdfSettings(rtol, atol, atolPerComponent, initialStep, v, maxSteps, maxOrder, iterationMatrix,
        stabilityLimitDetection);
  }

  public BdfSettings withMaxSteps(long v) {
    return new BdfSettings(rtol, atol, atolPerComponent, initialStep, maxStep, v, maxOrder, iterationMatrix,
        stabilityLimitDetection);
  }

  public BdfSettings withMaxOrder(int v) {
    return new BdfSettings(rtol, atol, atolPerComponent, initialStep, maxStep, maxSteps, v, iterationMatrix,
        stabilityLimitDetection);
  }

  /** @param v linear algebra of the Newton iteration, e.g. to force dense or sparse */
  public BdfSettings withIterationMatrix(IterationMatrixKind v) {
    return new BdfSettings(rtol, atol, atolPerComponent, initialStep, maxStep, maxSteps, maxOrder, v,
        stabilityLimitDetection);
  }

  /** @param v whether to lower the order at a detected stability limit (see {@link BdfIntegrator}) */
  public BdfSettings withStabilityLimitDetection(boolean v) {
    return new BdfSettings(rtol, atol, atolPerComponent, initialStep, maxStep, maxSteps, maxOrder, iterationMatrix, v);
  }

  // Value semantics for the array component (the record default compares references).
  @Override
  public boolean equals(Object o) {
    return o instanceof BdfSettings s
        && Double.compare(rtol, s.rtol) == 0
        && Double.compare(atol, s.atol) == 0
        && Arrays.equals(atolPerComponent, s.atolPerComponent)
        && Double.compare(initialStep, s.initialStep) == 0
        && Double.compare(maxStep, s.maxStep) == 0
        && maxSteps == s.maxSteps
        && maxOrder == s.maxOrder
        && iterationMatrix == s.iterationMatrix
        && stabilityLimitDetection == s.stabilityLimitDetection;
  }

  @Override
  public int hashCode() {
    int h = Double.hashCode(rtol);
    h = 31 * h + Double.hashCode(atol);
    h = 31 * h + Arrays.hashCode(atolPerComponent);
    h = 31 * h + Double.hashCode(initialStep);
    h = 31 * h + Double.hashCode(maxStep);
    h = 31 * h + Long.hashCode(maxSteps);
    h = 31 * h + maxOrder;
    h = 31 * h + iterationMatrix.hashCode();
    return 31 * h + Boolean.hashCode(stabilityLimitDetection);
  }

  @Override
  public String toString() {
    return "BdfSettings[rtol=" + rtol + ", atol=" + atol
        + ", atolPerComponent=" + Arrays.toString(atolPerComponent)
        + ", initialStep=" + initialStep + ", maxStep=" + maxStep
        + ", maxSteps=" + maxSteps + ", maxOrder=" + maxOrder + ", iterationMatrix=" + iterationMatrix
        + ", stabilityLimitDetection=" + stabilityLimitDetection + "]";
  }
}
