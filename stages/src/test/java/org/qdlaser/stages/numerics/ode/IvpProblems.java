package org.qdlaser.stages.numerics.ode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qdlaser.stages.SharedReference;
import org.qdlaser.stages.numerics.testproblems.Hires;
import org.qdlaser.stages.numerics.testproblems.Oregonator;
import org.qdlaser.stages.numerics.testproblems.Rober;
import org.qdlaser.stages.numerics.testproblems.StiffTestProblems;
import org.qdlaser.stages.numerics.testproblems.VanDerPol;

/**
 * Reference data of shared/reference/ivp-testset.json (Test Set for IVP Solvers, Bari) and
 * shortcuts to the problems' systems, which live in main code ({@code numerics.testproblems}).
 */
public final class IvpProblems {
  private IvpProblems() {}

  /** One problem of the reference file: interval, initial state and reference solution at t1. */
  public record Problem(String name, double t0, double t1, double[] y0, double[] reference) {
    public double[] y0Copy() {
      return y0.clone();
    }
  }

  public static Problem load(String name) throws IOException {
    Path file = SharedReference.reference("ivp-testset.json");
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    for (JsonNode p : root.get("problems")) {
      if (p.get("name").asText().equals(name)) {
        return new Problem(
            name, p.get("t0").asDouble(), p.get("t1").asDouble(), doubles(p.get("y0")), doubles(p.get("reference")));
      }
    }
    throw new IllegalArgumentException("problem " + name + " not in " + file);
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  /** The problem's system from main code ({@link StiffTestProblems}). */
  public static OdeSystem system(String name) {
    return StiffTestProblems.get(name).system();
  }

  public static OdeSystem rober() {
    return new Rober();
  }

  public static OdeSystem hires() {
    return new Hires();
  }

  public static OdeSystem vdpol(double eps) {
    return new VanDerPol(eps);
  }

  public static OdeSystem orego() {
    return new Oregonator();
  }

  /** The same right-hand side with the Jacobian hidden, to force finite differences. */
  public static OdeSystem withoutJacobian(OdeSystem s) {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return s.dimension();
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        s.rhs(t, y, f);
      }
    };
  }
}
