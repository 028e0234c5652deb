package org.qdlaser.pipeline.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;

/**
 * The shards of a SLURM run ({@code .qdlaser/shards.json}, canonical JSON). A shard is a set of
 * whole per-model chains (sampling → integration → equilibrium → fitting of one label), so no
 * dependency crosses shards; the report, which needs every chain, runs in the merge. Chains are
 * packed longest-processing-time first on {@link TaskCost} estimates.
 *
 * @param schema {@value #SCHEMA}
 * @param planSha256 SHA-256 of the plan file's bytes the shards refer to
 * @param shards the shards, index 0..K-1
 */
public record ShardList(String schema, String planSha256, List<Shard> shards) {
  public static final String SCHEMA = "qdlaser/shards/v1";

  /**
   * One array task.
   *
   * @param index array index ({@code $SLURM_ARRAY_TASK_ID})
   * @param cost sum of its chains' estimated costs
   * @param labels its model labels, costliest first
   * @param tasks its task ids
   */
  public record Shard(int index, double cost, List<String> labels, List<String> tasks) {
    public Shard {
      labels = List.copyOf(labels);
      tasks = List.copyOf(tasks);
    }
  }

  /** A weighted item to pack. */
  public record Item(String name, double cost) {}

  public ShardList {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("shard list schema must be '" + SCHEMA + "', got '" + schema + "'");
    }
    Hashing.requireSha256Hex(planSha256, "shard list planSha256");
    shards = List.copyOf(shards);
  }

  /** Whether a task runs in the merge rather than in a shard: it consumes several chains. */
  public static boolean isMergeTask(TaskSpec spec) {
    return spec.stage().equals("report");
  }

  /**
   * Longest-processing-time-first packing: items by decreasing cost (ties by name) each go to the
   * bin with the least load (ties: lowest index). Uses min(bins, items) bins so none is empty.
   *
   * @return bins of item names, each in decreasing cost order
   */
  public static List<List<Item>> lpt(List<Item> items, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("shards must be >= 1, got " + bins);
    }
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingDouble(Item::cost).reversed().thenComparing(Item::name));
    int k = Math.max(1, Math.min(bins, sorted.size()));
    List<List<Item>> out = new ArrayList<>();
    double[] load = new double[k];
    for (int i = 0; i < k; i++) {
      out.add(new ArrayList<>());
    }
    for (Item it : sorted) {
      int best = 0;
      for (int b = 1; b < k; b++) {
        if (load[b] < load[best]) {
          best = b;
        }
      }
      out.get(best).add(it);
      load[best] += it.cost();
    }
    return out;
  }

  /**
   * Packs the plan's chains into at most {@code maxShards} shards.
   *
   * @throws IllegalStateException if a non-merge task depends on a task of another label
   */
  public static ShardList pack(List<PlannedTask> plan, int maxShards, String planSha256) {
    Map<String, List<TaskSpec>> chains = new LinkedHashMap<>();
    Map<String, String> labelOf = new LinkedHashMap<>();
    for (PlannedTask t : plan) {
      TaskSpec s = t.spec();
      if (isMergeTask(s)) {
        continue;
      }
      for (String d : s.dependsOn()) {
        if (!s.label().equals(labelOf.get(d))) {
          throw new IllegalStateException("task " + s.id() + " depends on " + d + " of another chain; it cannot run in a shard");
        }
      }
      labelOf.put(s.id(), s.label());
      chains.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(s);
    }
    List<Item> items = new ArrayList<>();
    chains.forEach((label, specs) -> items.add(new Item(label, TaskCost.chain(specs))));
    List<Shard> shards = new ArrayList<>();
    List<List<Item>> bins = lpt(items, maxShards);
    for (int i = 0; i < bins.size(); i++) {
      List<String> labels = bins.get(i).stream().map(Item::name).toList();
      List<String> tasks = new ArrayList<>();
      for (String l : labels) {
        chains.getOrDefault(l, List.of()).forEach(s -> tasks.add(s.id()));
      }
      shards.add(new Shard(i, bins.get(i).stream().mapToDouble(Item::cost).sum(), labels, tasks));
    }
    return new ShardList(SCHEMA, planSha256, shards);
  }

  /** The tasks of shard {@code index}, in the order of its labels (costliest chain first). */
  public List<PlannedTask> tasksOf(int index, List<PlannedTask> plan) {
    Shard shard = shards.get(index);
    Map<String, PlannedTask> byId = new LinkedHashMap<>();
    plan.forEach(t -> byId.put(t.spec().id(), t));
    List<PlannedTask> out = new ArrayList<>();
    for (String id : shard.tasks()) {
      out.add(Objects.requireNonNull(byId.get(id), () -> "shard " + index + " names task " + id + " that is not in the plan"));
    }
    return out;
  }

  /** The shard that runs the chain of {@code label}, or -1. */
  public int shardOf(String label) {
    for (Shard s : shards) {
      if (s.labels().contains(label)) {
        return s.index();
      }
    }
    return -1;
  }

  public void write(Path file) {
    AtomicFiles.write(file, CanonicalJson.prettyBytes(this));
  }

  public static ShardList read(Path file) {
    try {
      return CanonicalJson.mapper().readValue(Files.readAllBytes(file), ShardList.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shard list " + file + ": " + e.getMessage(), e);
    }
  }
}
