package org.qdlaser.pipeline.slurm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.plan.TaskSpec;

/**
 * A per-chain cost estimate for shard packing, from the plan alone (model kind, N, number of pump
 * or scan points). Relative units: one pump point of an identical-dot model with ~10 unknowns is
 * about 1. Only the ratios matter, and only roughly: LPT packing with estimates within a factor
 * of two of the truth still balances shards far better than round-robin.
 */
public final class TaskCost {
  private TaskCost() {}

  /** Estimated cost of one model's chain of tasks (all with the same label). */
  public static double chain(Collection<TaskSpec> tasks) {
    String model = "CIM";
    int n = 1;
    int points = 1;
    for (TaskSpec t : tasks) {
      Map<String, Object> p = t.parameters();
      if (p.get("model") instanceof String m) {
        model = m;
      }
      if (p.get("N") instanceof Number num) {
        n = Math.max(1, num.intValue());
      }
      points = Math.max(points, length(p.get("pumps")));
      points = Math.max(points, 4 * length(p.get("scan_values")));
      if (p.containsKey("start_pump") && p.containsKey("lowest_pump")) {
        points = Math.max(points, 20); // a continued branch: ~20 pump points' worth of Newton steps
      }
      if (t.stage().equals("equilibrium") && p.containsKey("pump")) {
        points = Math.max(points, 10); // an activation curve: one transient with growing windows
      }
    }
    return points * perPoint(model, n);
  }

  /** Cost of one pump point: (unknowns / 10)^1.5, at least 1 (the sparse LU grows ~ n^1.5). */
  static double perPoint(String model, int n) {
    double unknowns = switch (model) {
      case "CIM" -> 5;
      case "TPM_IF" -> 14;
      case "TPM" -> 22;
      case "CIM_d" -> 2 + 3.0 * n;
      case "TPM_IF_d" -> 5 + 9.0 * n;
      case "TPM_d" -> 5 + 9.0 * n + 7.0 * n * n;
      default -> 10;
    };
    return Math.max(1.0, Math.pow(unknowns / 10.0, 1.5));
  }

  private static int length(Object v) {
    if (v instanceof double[] a) {
      return a.length;
    }
    if (v instanceof List<?> l) {
      return l.size();
    }
    return 0;
  }
}
