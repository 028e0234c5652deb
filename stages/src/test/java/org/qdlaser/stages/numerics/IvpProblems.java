package org.qdlaser.stages.numerics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.qdlaser.stages.SharedReference;

/**
 * The stiff problems of shared/reference/ivp-testset.json (Test Set for IVP Solvers, Bari) as
 * OdeSystems, written from the equations in that file, and its reference data.
 */
final class IvpProblems {
  private IvpProblems() {}

  /** One problem of the reference file: interval, initial state and reference solution at t1. */
  record Problem(String name, double t0, double t1, double[] y0, double[] reference) {
    double[] y0Copy() {
      return y0.clone();
    }
  }

  static Problem load(String name) throws IOException {
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

  static OdeSystem system(String name) {
    switch (name) {
      case "ROBER":
        return rober();
      case "HIRES":
        return hires();
      case "VDPOL":
        return vdpol(1e-6);
      case "OREGO":
        return orego();
      default:
        throw new IllegalArgumentException("unknown problem " + name);
    }
  }

  /** Robertson's chemical kinetics, analytic Jacobian. */
  static OdeSystem rober() {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 3;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
        f[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
        f[2] = 3e7 * y[1] * y[1];
      }

      @Override
      public boolean hasJacobian() {
        return true;
      }

      @Override
      public void jacobian(double t, double[] y, double[] j) {
        j[0] = -0.04;
        j[1] = 1e4 * y[2];
        j[2] = 1e4 * y[1];
        j[3] = 0.04;
        j[4] = -1e4 * y[2] - 6e7 * y[1];
        j[5] = -1e4 * y[1];
        j[6] = 0.0;
        j[7] = 6e7 * y[1];
        j[8] = 0.0;
      }
    };
  }

  /** HIRES photomorphogenesis model (8 equations), analytic Jacobian. */
  static OdeSystem hires() {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 8;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
        f[1] = 1.71 * y[0] - 8.75 * y[1];
        f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
        f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
        f[4] = -1.745 * y[4] + 0.43 * (y[5] + y[6]);
        f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
        f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
        f[7] = -f[6];
      }

      @Override
      public boolean hasJacobian() {
        return true;
      }

      @Override
      public void jacobian(double t, double[] y, double[] j) {
        final int n = 8;
        Arrays.fill(j, 0, n * n, 0.0);
        j[0] = -1.71;
        j[1] = 0.43;
        j[2] = 8.32;
        j[n] = 1.71;
        j[n + 1] = -8.75;
        j[2 * n + 2] = -10.03;
        j[2 * n + 3] = 0.43;
        j[2 * n + 4] = 0.035;
        j[3 * n + 1] = 8.32;
        j[3 * n + 2] = 1.71;
        j[3 * n + 3] = -1.12;
        j[4 * n + 4] = -1.745;
        j[4 * n + 5] = 0.43;
        j[4 * n + 6] = 0.43;
        j[5 * n + 3] = 0.69;
        j[5 * n + 4] = 1.71;
        j[5 * n + 5] = -280 * y[7] - 0.43;
        j[5 * n + 6] = 0.69;
        j[5 * n + 7] = -280 * y[5];
        j[6 * n + 5] = 280 * y[7];
        j[6 * n + 6] = -1.81;
        j[6 * n + 7] = 280 * y[5];
        j[7 * n + 5] = -280 * y[7];
        j[7 * n + 6] = 1.81;
        j[7 * n + 7] = -280 * y[5];
      }
    };
  }

  /** Van der Pol oscillator y1'' = ((1 - y1^2) y1' - y1)/eps; no Jacobian (finite differences). */
  static OdeSystem vdpol(double eps) {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = y[1];
        f[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / eps;
      }
    };
  }

  /** Oregonator (Belousov-Zhabotinskii); no Jacobian (finite differences). */
  static OdeSystem orego() {
    return new OdeSystem() {
      @Override
      public int dimension() {
        return 3;
      }

      @Override
      public void rhs(double t, double[] y, double[] f) {
        f[0] = 77.27 * (y[1] + y[0] * (1 - 8.375e-6 * y[0] - y[1]));
        f[1] = (y[2] - (1 + y[0]) * y[1]) / 77.27;
        f[2] = 0.161 * (y[0] - y[2]);
      }
    };
  }

  /** The same right-hand side with the Jacobian hidden, to force finite differences. */
  static OdeSystem withoutJacobian(OdeSystem s) {
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
