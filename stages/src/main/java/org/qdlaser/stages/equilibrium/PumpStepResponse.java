package org.qdlaser.stages.equilibrium;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;
import org.qdlaser.stages.numerics.linear.ShiftedHessenbergSolver;
import org.qdlaser.stages.physics.Model;

/**
 * The linear response of a steady state to a small pump step, mode by mode: after r -> r + dr at
 * t = 0 from the steady state of r, an observable x relaxes as x(t) - x_final = sum over the
 * eigenvalues lambda of c_lambda e^{lambda t}, each c_lambda proportional to dr. This says how much a
 * pump step excites a given mode, and so which of the spectrum's oscillations a transient shows
 * (docs/decisions.md, "Relaxation oscillations").
 *
 * <p>With M = J - omega A the rotating-frame Jacobian at the final state z and z' = dz/dr along the
 * steady states (M z' = -df/dr; for a lasing state the bordered system with the phase condition
 * Im b' = 0 and omega' among the unknowns), the start is z - z' dr and c_lambda = -dr Res_{s =
 * lambda} grad(x) . (s - M)^{-1} z'. The residue is epsilon grad(x) . (lambda + epsilon - M)^{-1} z'
 * (one step of inverse iteration) extrapolated to epsilon = 0 from epsilon = {@link #RESIDUE_OFFSET}
 * |lambda| and twice that (Richardson): error O((epsilon / distance to the next eigenvalue)^2) times
 * the other modes' amplitudes, plus the eigenvalue's own error over epsilon (its QR error, ~1e-12
 * |lambda|: 1e-6 relative). Observables are linear in the state (populations, photon number) or, for |b|, linearised
 * at the gauged state (Re b > 0, Im b = 0). Dense: M is reduced once to Hessenberg form and each complex
 * shift is an O(n^2) elimination (ShiftedHessenbergSolver).
 */
public final class PumpStepResponse {
  /** Offset of the resolvent from the eigenvalue, relative to |lambda|: see the class comment. */
  static final double RESIDUE_OFFSET = 1e-6;
  /**
   * grad . z' below this fraction of |grad|_1 |z'|_max is a steady value that does not move with the
   * pump: z' comes from an LU solve with a central-difference Jacobian, accurate to ~1e-10 of its
   * largest component in every component (the CIM's lasing population, clamped at threshold: 8.5e-15
   * per unit pump against <b+b>' = 2.7).
   */
  static final double CLAMPED = 1e-9;

  private final int n;
  private final double[][] m;
  private final double[] dzdr;
  /** The phase-mode border (A z and the row of Im b) for a lasing state, or null. */
  private final double[] az;
  private final int imB;

  /**
   * @param model the model at the final pump
   * @param z its steady state (gauged, Im b = 0, for a lasing state)
   * @param omega rotation frequency of the state (units of gamma_nr)
   * @param lasing whether z is a lasing state (then the phase condition closes the system)
   */
  public PumpStepResponse(Model model, double[] z, double omega, boolean lasing) {
    this.n = model.dimension();
    this.m = StabilityAnalyzer.rotatingJacobian(model, z, omega, 1.0);
    // df/dr: the right-hand sides are linear in r, so a unit difference is exact up to rounding.
    double[] f0 = new double[n];
    double[] f1 = new double[n];
    model.rhs(0.0, z, f0);
    model.withPump(model.pump() + 1.0).rhs(0.0, z, f1);
    if (lasing) {
      this.az = new double[n];
      model.layout().applyRotationGenerator(z, az);
      this.imB = model.layout().field("b").offset() + 1;
    } else {
      this.az = null;
      this.imB = -1;
    }
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      rhs[i] = -(f1[i] - f0[i]);
    }
    this.dzdr = solveBordered(rhs);
  }

  /**
   * Solves M u = v (non-lasing) or, for a lasing state, M u - mu A z = v with Im u_b = 0 (the phase
   * condition; mu absorbs the phase-mode part, invisible to phase-invariant observables). Returns u.
   */
  private double[] solveBordered(double[] v) {
    int dim = az != null ? n + 1 : n;
    double[][] a = new double[dim][dim];
    double[] rhs = new double[dim];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      rhs[i] = v[i];
    }
    if (az != null) {
      for (int i = 0; i < n; i++) {
        a[i][n] = -az[i];
      }
      a[n][imB] = 1.0;
    }
    RealVector sol = new LUDecomposition(new Array2DRowRealMatrix(a, false), 0.0).getSolver()
        .solve(new ArrayRealVector(rhs, false));
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = sol.getEntry(i);
    }
    return u;
  }

  /**
   * The mean relaxation time of an observable after a small pump step, integral over t of (x(t) -
   * x_final) divided by (x(0) - x_final) = -grad . M^{-1} z' / grad . z' (1/gamma_nr): for a single
   * exponential e^{-k t} it is 1/k; an oscillating response shortens it. NaN where the steady value
   * does not move with the pump ({@link #CLAMPED}: the CIM's clamped population).
   */
  public double meanRelaxationTime(double[] gradient) {
    double x0 = steadyDerivative(gradient);
    double g1 = 0;
    double zMax = 0;
    for (int i = 0; i < n; i++) {
      g1 += Math.abs(gradient[i]);
      zMax = Math.max(zMax, Math.abs(dzdr[i]));
    }
    double scale = g1 * zMax;
    if (!(Math.abs(x0) > CLAMPED * scale)) {
      return Double.NaN;
    }
    double[] u = solveBordered(dzdr);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += gradient[i] * u[i];
    }
    return -s / x0;
  }

  /** dz/dr along the steady states (a copy; state units per unit pump). */
  public double[] stateDerivative() {
    return dzdr.clone();
  }

  /** grad(x) . dz/dr: the change of the observable's steady value per unit pump. */
  public double steadyDerivative(double[] gradient) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += gradient[i] * dzdr[i];
    }
    return s;
  }

  /**
   * The mode lambda = re + i im in each observable with gradient {@code gradients[k]} (caller-owned):
   * the complex c_k with x_k(t) - x_final containing c_k e^{lambda t} (+ conj for a pair), per unit
   * pump step dr, as {re, im} per observable. For a step from r - dr to r the initial deviation is
   * -dr dz/dr; x(0) - x_final = -dr {@link #steadyDerivative}.
   */
  public double[][] modeAmplitudes(double re, double im, double[]... gradients) {
    // Richardson on the offset: c(eps) = c + K eps + O(eps^2), so 2 c(eps) - c(2 eps) = c + O(eps^2).
    double eps = RESIDUE_OFFSET * Math.hypot(re, im);
    double[][] c1 = residues(re + eps, im, eps, gradients);
    double[][] c2 = residues(re + 2 * eps, im, 2 * eps, gradients);
    double[][] out = new double[gradients.length][2];
    for (int k = 0; k < gradients.length; k++) {
      out[k][0] = 2 * c1[k][0] - c2[k][0];
      out[k][1] = 2 * c1[k][1] - c2[k][1];
    }
    return out;
  }

  /**
   * A cheaper estimate of {@link #modeAmplitudes} for screening: one solve at the offset {@link
   * #SCREEN_OFFSET} |lambda|, without extrapolation. Its first-order error, eps times the other
   * modes' amplitudes over their distance, is ~1e-9 of the largest amplitude; its error from the
   * eigenvalue's own error (~1e-15 |lambda| from QR) is ~1e-6 relative.
   */
  public double[][] screenAmplitudes(double re, double im, double[]... gradients) {
    double eps = SCREEN_OFFSET * Math.hypot(re, im);
    return residues(re + eps, im, eps, gradients);
  }

  /** Offset of the screening resolvent from the eigenvalue, relative to |lambda|. */
  static final double SCREEN_OFFSET = 1e-9;

  /** eps grad . (s - M)^{-1} (-dz/dr) at s = sR + i sI for each gradient. */
  private double[][] residues(double sR, double sI, double eps, double[][] gradients) {
    // One Hessenberg reduction of M serves every shift (O(n^2) per solve, ShiftedHessenbergSolver):
    // the relaxation search screens up to RelaxationOscillation.MAX_CANDIDATES eigenvalues, each a
    // dense 2n x 2n LU before (measured: 40 % of a CIM_d N = 50 point).
    if (resolvent == null) {
      resolvent = new ShiftedHessenbergSolver(m);
      double[] minusDzdr = new double[n];
      for (int i = 0; i < n; i++) {
        minusDzdr[i] = -dzdr[i];
      }
      startInBasis = resolvent.toHessenbergBasis(minusDzdr);
      yRe = new double[n];
      yIm = new double[n];
    }
    resolvent.solve(sR, sI, startInBasis, yRe, yIm);
    double[][] out = new double[gradients.length][2];
    for (int k = 0; k < gradients.length; k++) {
      double[] g = gradientsInBasis.computeIfAbsent(gradients[k], resolvent::toHessenbergBasis);
      double cR = 0;
      double cI = 0;
      for (int i = 0; i < n; i++) {
        cR += g[i] * yRe[i];
        cI += g[i] * yIm[i];
      }
      out[k][0] = eps * cR;
      out[k][1] = eps * cI;
    }
    return out;
  }

  // the resolvent's state, made on first use: Q^T (-dz/dr), Q^T grad per gradient array (by identity)
  private ShiftedHessenbergSolver resolvent;
  private double[] startInBasis;
  private double[] yRe;
  private double[] yIm;
  private final java.util.Map<double[], double[]> gradientsInBasis = new java.util.IdentityHashMap<>();

  /** Gradient of the mean upper population (a new array): linear in the state. */
  public static double[] populationGradient(Model model) {
    return linearGradient(model, model::upperPopulationMean);
  }

  /** Gradient of the photon number {@code <b+ b>} (a new array). */
  public static double[] photonGradient(Model model) {
    return linearGradient(model, model::photons);
  }

  private static double[] linearGradient(Model model, java.util.function.ToDoubleFunction<double[]> x) {
    int n = model.dimension();
    double[] y = new double[n];
    double x0 = x.applyAsDouble(y);
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1.0;
      g[i] = x.applyAsDouble(y) - x0;
      y[i] = 0.0;
    }
    return g;
  }
}
