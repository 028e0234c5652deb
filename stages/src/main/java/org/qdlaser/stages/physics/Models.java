package org.qdlaser.stages.physics;

/** Factory of models by kind. */
public final class Models {
  private Models() {}

  /** An identical-dot model; IllegalArgumentException for the {@code _d} kinds. */
  public static Model identical(ModelKind kind, LaserParameters p) {
    return switch (kind) {
      case CIM -> new CimModel(p);
      case TPM_IF -> new TpmIfModel(p);
      case TPM -> new TpmModel(p);
      default -> throw new IllegalArgumentException(
          "model " + kind + " needs per-dot detunings; identical-dot models are CIM, TPM_IF, TPM");
    };
  }

  /** A polydisperse model; IllegalArgumentException for the identical-dot kinds. */
  public static Model disperse(ModelKind kind, DisperseParameters p) {
    return switch (kind) {
      case CIM_d -> new CimDisperseModel(p);
      case TPM_IF_d -> new TpmIfDisperseModel(p);
      case TPM_d -> new TpmDisperseModel(p);
      default -> throw new IllegalArgumentException(
          "model " + kind + " is an identical-dot model; polydisperse models are CIM_d, TPM_IF_d, TPM_d");
    };
  }

  /**
   * The model of one run from its parameters and its dots: a polydisperse model takes the per-dot
   * detunings and couplings (normalised); an identical-dot model checks that every dot has the
   * parameters' detuning and coupling.
   *
   * @throws IllegalArgumentException if an identical-dot model gets a sample that is not N identical dots
   */
  public static Model of(ModelKind kind, LaserParameters p, double[] detunings, double[] couplings) {
    if (kind.polydisperse()) {
      return disperse(kind, new DisperseParameters(p.gamma(), p.gammaC(), p.gammaNl(), p.gammaNr(), p.mu(), p.r(),
          detunings, couplings));
    }
    if (detunings.length != p.n()) {
      throw new IllegalArgumentException("the sample has " + detunings.length + " dots, the " + kind + " model N = " + p.n());
    }
    for (int i = 0; i < detunings.length; i++) {
      if (detunings[i] != p.deltaNu() || couplings[i] != p.g()) {
        throw new IllegalArgumentException("identical-dot model " + kind + " got a sample whose dot " + i + " differs");
      }
    }
    return identical(kind, p);
  }

  /**
   * Number of real unknowns of a polydisperse model with {@code n} dots, (A1) with the errata of
   * docs/errata.md: 3 + 5N (CIM_d), 5 + 9N (TPM_IF_d), 5 + 9N + 7N(N - 1) (TPM_d), without building
   * its layout.
   */
  public static int disperseDimension(ModelKind kind, int n) {
    return switch (kind) {
      case CIM_d -> 3 + 5 * n;
      case TPM_IF_d -> 5 + 9 * n;
      case TPM_d -> (int) Math.min(Integer.MAX_VALUE, 5L + 9L * n + 7L * n * (n - 1L));
      default -> throw new IllegalArgumentException("not a polydisperse model: " + kind);
    };
  }

  /**
   * A cheaper model whose lasing state is a good start for {@code m}'s: TPM_IF_d (the same dots
   * without two-dot correlations: 9N + 5 unknowns instead of ~7N^2) for TPM_d, CIM_d (5N + 3) for
   * TPM_IF_d; empty otherwise. Identical-dot models have none: they are cheap, and TPM_IF is
   * multistable at Fig. 1's parameters (see PointSolver.FIRST_WINDOW), so their start must stay
   * the paper's lasing initial state.
   */
  public static java.util.Optional<Model> seedModel(Model m) {
    if (m instanceof TpmDisperseModel t) {
      return java.util.Optional.of(new TpmIfDisperseModel(t.parameters()));
    }
    if (m instanceof TpmIfDisperseModel t) {
      return java.util.Optional.of(new CimDisperseModel(t.parameters()));
    }
    return java.util.Optional.empty();
  }

  /**
   * The polydisperse model of the same equations as an identical-dot model: every dot at the
   * model's detuning and coupling (TPM -> TPM_d, TPM_IF -> TPM_IF_d, CIM -> CIM_d; the exact reduction
   * of DESIGN.md); empty for polydisperse models.
   */
  public static java.util.Optional<Model> disperseTwin(Model m) {
    if (!(m instanceof AbstractIdenticalDotModel a)) {
      return java.util.Optional.empty();
    }
    ModelKind kind = switch (m.kind()) {
      case CIM -> ModelKind.CIM_d;
      case TPM_IF -> ModelKind.TPM_IF_d;
      case TPM -> ModelKind.TPM_d;
      default -> throw new IllegalStateException("identical-dot model of kind " + m.kind());
    };
    return java.util.Optional.of(disperse(kind, DisperseParameters.identical(a.parameters())));
  }

  /** The per-dot parameters of a polydisperse model; empty for identical-dot models. */
  public static java.util.Optional<DisperseParameters> disperseParameters(Model m) {
    return m instanceof DisperseModelBase d ? java.util.Optional.of(d.parameters()) : java.util.Optional.empty();
  }

  /** State {@code y} of {@code from} lifted to {@code to} by factorisation (see {@link #seedModel}). */
  public static double[] lift(Model from, double[] y, Model to) {
    if (from instanceof DisperseModelBase f && to instanceof DisperseModelBase t) {
      return t.liftedFrom(f, y);
    }
    throw new IllegalArgumentException("cannot lift a " + from.kind() + " state to " + to.kind());
  }
}
