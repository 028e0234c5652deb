package org.qdlaser.pipeline.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.manifest.ManifestParser;
import org.qdlaser.pipeline.manifest.StudyPlanner;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.plan.TaskSpec;

/** Longest-processing-time-first packing of model chains into shards. */
class ShardListTest {
  static List<ShardList.Item> items(double... costs) {
    List<ShardList.Item> out = new ArrayList<>();
    for (int i = 0; i < costs.length; i++) {
      out.add(new ShardList.Item("m" + i, costs[i]));
    }
    return out;
  }

  static double[] loads(List<List<ShardList.Item>> bins) {
    return bins.stream().mapToDouble(b -> b.stream().mapToDouble(ShardList.Item::cost).sum()).toArray();
  }

  @Test
  void lptPlacesTheLongestFirstOnTheLeastLoadedShard() {
    // Graham's example: 7,6,5,4,3,2,2 on 3 machines -> LPT loads 11, 9, 9 (optimum 10, 10, 9)
    List<List<ShardList.Item>> bins = ShardList.lpt(items(2, 7, 3, 6, 2, 5, 4), 3);
    assertThat(bins).hasSize(3);
    assertThat(bins.get(0)).extracting(ShardList.Item::name).containsExactly("m1", "m0", "m4");
    assertThat(bins.get(1)).extracting(ShardList.Item::name).containsExactly("m3", "m2");
    assertThat(bins.get(2)).extracting(ShardList.Item::name).containsExactly("m5", "m6");
    assertThat(loads(bins)).containsExactly(11, 9, 9);
  }

  @Test
  void lptIsWithinFourThirdsOfTheOptimumAndBeatsRoundRobinOnSkewedCosts() {
    double[] costs = new double[40];
    for (int i = 0; i < costs.length; i++) {
      costs[i] = i < 4 ? 100 : 1 + (i % 7); // four big TPM_d-like chains, many small ones
    }
    int k = 8;
    double total = java.util.Arrays.stream(costs).sum();
    double lower = Math.max(total / k, 100);
    double lpt = java.util.Arrays.stream(loads(ShardList.lpt(items(costs), k))).max().orElseThrow();
    assertThat(lpt).isLessThanOrEqualTo((4.0 / 3.0) * lower);
    double[] rr = new double[k];
    for (int i = 0; i < costs.length; i++) {
      rr[i % k] += costs[i];
    }
    assertThat(lpt).isLessThan(java.util.Arrays.stream(rr).max().orElseThrow());
  }

  @Test
  void lptIsDeterministicWithTiesByNameAndNeverMakesEmptyShards() {
    List<List<ShardList.Item>> bins = ShardList.lpt(items(1, 1, 1), 10);
    assertThat(bins).hasSize(3);
    assertThat(bins).allSatisfy(b -> assertThat(b).hasSize(1));
    assertThat(bins.get(0).get(0).name()).isEqualTo("m0");
    assertThat(ShardList.lpt(items(5, 3), 1)).singleElement().satisfies(b -> assertThat(b).hasSize(2));
    assertThatThrownBy(() -> ShardList.lpt(items(1), 0)).hasMessageContaining("shards").hasMessageContaining("0");
  }

  @Test
  void packKeepsEachModelChainTogetherAndLeavesTheReportToTheMerge() {
    var study = ManifestParser.parse("schema: qdlaser/manifest/v1\nstudy: s\nparameters: {N: 50}\n"
        + "models: [CIM, TPM_IF, TPM, {model: CIM_d, label: D, sample: {w_qd: 1, seed: 3}}]\n"
        + "sweep: {parameter: r, from: 2e13/s, to: 2e12/s, points: 5, spacing: log}\n");
    List<PlannedTask> plan = StudyPlanner.plan(study, new ReportContext("test", Map.of()));
    ShardList sl = ShardList.pack(plan, 2, "0".repeat(64));
    assertThat(sl.shards()).hasSize(2);
    List<String> all = new ArrayList<>();
    sl.shards().forEach(s -> all.addAll(s.tasks()));
    assertThat(all).doesNotContain("report/all").hasSize(plan.size() - 1).doesNotHaveDuplicates();
    for (ShardList.Shard s : sl.shards()) {
      for (String id : s.tasks()) {
        assertThat(s.labels()).contains(id.substring(id.indexOf('/') + 1));
      }
      // dependencies stay inside the shard, in order
      List<PlannedTask> tasks = sl.tasksOf(s.index(), plan);
      List<String> seen = new ArrayList<>();
      for (PlannedTask t : tasks) {
        assertThat(seen).containsAll(t.spec().dependsOn());
        seen.add(t.spec().id());
      }
    }
    // CIM_d with N = 50 is the costliest chain: alone on shard 0
    assertThat(sl.shards().get(0).labels()).containsExactly("D");
    assertThat(sl.shardOf("CIM")).isEqualTo(1);
  }

  @Test
  void costGrowsWithModelSizeAndPoints() {
    assertThat(TaskCost.perPoint("TPM_d", 50)).isGreaterThan(TaskCost.perPoint("TPM_IF_d", 50));
    assertThat(TaskCost.perPoint("TPM_IF_d", 50)).isGreaterThan(TaskCost.perPoint("CIM_d", 50));
    assertThat(TaskCost.perPoint("CIM_d", 50)).isGreaterThan(TaskCost.perPoint("CIM", 50));
    TaskSpec few = TaskSpec.of("integration", 1, "a", Map.of("model", "TPM", "N", 50, "pumps", new double[3]), List.of());
    TaskSpec many = TaskSpec.of("integration", 1, "a", Map.of("model", "TPM", "N", 50, "pumps", List.of(1, 2, 3, 4, 5, 6)), List.of());
    assertThat(TaskCost.chain(List.of(many))).isEqualTo(2 * TaskCost.chain(List.of(few)));
  }
}
