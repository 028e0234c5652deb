package org.qdlaser.stages.equilibrium;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.qdlaser.stages.physics.Model;

/**
 * The spectra of the last steady state analysed on this thread, so that the stability verdict (made
 * when Newton polishes a state, {@link EquilibriumSolver}) and the relaxation analysis of the same
 * state ({@link RelaxationOscillation}) share their eigendecompositions instead of repeating them:
 * a {@code qdlaser point} computed the dense spectrum of the lasing state at the balanced step three
 * times (issue 14). A spectrum is a pure function of (model, state, omega, lasing, path, step
 * factor); the memo returns the very arrays computed, so the values are those of a fresh
 * computation bit for bit.
 *
 * <p>One entry per thread (the last state; a different state replaces it), the model held weakly
 * and compared by identity (models are immutable), the state by value. Callers must not modify the
 * returned arrays (the {@link StabilityAnalyzer.Eigenvalues} records are read only by convention).
 */
final class SpectrumMemo {
  private static final ThreadLocal<SpectrumMemo> LAST = ThreadLocal.withInitial(SpectrumMemo::new);

  private WeakReference<Model> model = new WeakReference<>(null);
  private double[] y = new double[0];
  private double omega;
  private boolean lasing;
  private final Map<String, Object> values = new HashMap<>();

  private SpectrumMemo() {}

  /**
   * The value of {@code compute} for this state and {@code what} (e.g. "dense 1.0"), computed once
   * per state on this thread.
   */
  @SuppressWarnings("unchecked")
  static <T> T get(Model model, double[] y, double omega, boolean lasing, String what, Supplier<T> compute) {
    SpectrumMemo m = LAST.get();
    if (m.model.get() != model || m.lasing != lasing || Double.doubleToLongBits(m.omega) != Double.doubleToLongBits(omega)
        || !Arrays.equals(m.y, y)) {
      m.model = new WeakReference<>(model);
      m.y = y.clone();
      m.omega = omega;
      m.lasing = lasing;
      m.values.clear();
    }
    Object v = m.values.get(what);
    if (v == null) {
      v = compute.get();
      m.values.put(what, v);
    }
    return (T) v;
  }

  /** Whether this thread's entry holds {@code what} for this state. */
  static boolean contains(Model model, double[] y, double omega, boolean lasing, String what) {
    SpectrumMemo m = LAST.get();
    return m.model.get() == model && m.lasing == lasing && Double.doubleToLongBits(m.omega) == Double.doubleToLongBits(omega)
        && Arrays.equals(m.y, y) && m.values.containsKey(what);
  }

  /** Forgets this thread's entry (tests: a fresh computation). */
  static void clear() {
    LAST.remove();
  }
}
