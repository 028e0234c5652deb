package org.qdlaser.pipeline.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qdlaser.pipeline.manifest.ManifestParser;
import org.qdlaser.pipeline.manifest.StudyPlanner;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.pipeline.store.Hashing;

/**
 * "Same inputs, same bytes" at the level of tasks: a task's artifacts do not depend on which tasks
 * ran before it on its worker thread. The case seen in a study run (docs/architecture.md: in 4d31002
 * {@code equilibrium/TPM_IF_d_w0.2_S2} of fig5-6-9-10 ended 4e-14 relative apart in a full and in a
 * two-sample run): TPM_IF_d, N = 50, w_QD = 0.2 gamma, r = 2e14 s^-1, sample S2 computed on a fresh
 * thread and on a thread that first computed other samples' states (the same sparse pattern). Measured on
 * main b145104 (branch repro): this task's bytes did not depend on these predecessors there either (nor on
 * TPM_IF_d's w_QD = 0.5, 1 samples or TPM_d's states before it), so the 4d31002 difference was not
 * reproduced at this level; the solve-level test that fails on main is {@code SolveHistoryTest}. This one
 * keeps the property the pipeline promises ("same inputs, same bytes") under test.
 */
class TaskHistoryTest {
  /** Two models, three samples: every TPM_IF_d state is a sparse Newton solve on one pattern. */
  static final String STUDY = String.join("\n", "schema: qdlaser/manifest/v1", "study: history",
      "parameters: {N: 50, beta: 1}", "units: {gamma_nr: 1e9/s}", "models: [CIM_d, TPM_IF_d]",
      "samples: {w_qd: 0.2, seed: 1..3}", "analysis: activation", "activation: {pump: 2e14/s}", "");
  static final String TARGET = "equilibrium/TPM_IF_d_w0.2_S2";

  @Test
  @Timeout(600)
  void aTaskWritesTheSameBytesAloneAndAfterOtherTasksOnItsThread() throws Exception {
    List<PlannedTask> plan = StudyPlanner.plan(ManifestParser.parse(STUDY), new ReportContext("test", Map.of()));
    Map<String, PlannedTask> byId = new HashMap<>();
    for (PlannedTask t : plan) {
      byId.put(t.spec().id(), t);
    }
    assertThat(byId).containsKey(TARGET);
    // Every task but the report, in plan order, on one thread: TARGET runs after S1's states (and S3's, if
    // planned before it) on that thread. Keeps each task's outputs for its dependants.
    Map<String, Map<String, byte[]>> outputs = new HashMap<>();
    List<String> predecessors = new ArrayList<>();
    onNewThread(() -> {
      for (PlannedTask t : plan) {
        if (t.spec().stage().equals("report")) {
          continue;
        }
        outputs.put(t.spec().id(), t.action().run(inputsOf(t, outputs)));
        if (outputs.containsKey(TARGET) && predecessors.isEmpty()) {
          predecessors.addAll(outputs.keySet());
        }
      }
      return null;
    });
    assertThat(predecessors).as("tasks before the target on its thread").anyMatch(id -> id.startsWith("equilibrium/TPM_IF_d_")
        && !id.equals(TARGET));
    PlannedTask target = byId.get(TARGET);
    TaskInputs in = inputsOf(target, outputs);
    Map<String, byte[]> alone = onNewThread(() -> target.action().run(in));
    // Again after the other TPM_IF_d samples, S3 first (an order the plan does not give).
    Map<String, byte[]> afterOthers = onNewThread(() -> {
      for (String other : List.of("equilibrium/TPM_IF_d_w0.2_S3", "equilibrium/TPM_IF_d_w0.2_S1")) {
        PlannedTask t = byId.get(other);
        t.action().run(inputsOf(t, outputs));
      }
      return target.action().run(in);
    });
    assertThat(hashes(alone)).isEqualTo(hashes(outputs.get(TARGET)));
    assertThat(hashes(afterOthers)).isEqualTo(hashes(alone));
  }

  /** The outputs of the task's direct dependencies (what {@link TaskRunner} reads for it). */
  static TaskInputs inputsOf(PlannedTask t, Map<String, Map<String, byte[]>> outputs) {
    Map<String, byte[]> in = new TreeMap<>();
    for (String d : t.spec().dependsOn()) {
      in.putAll(outputs.get(d));
    }
    return new TaskInputs(in);
  }

  static Map<String, String> hashes(Map<String, byte[]> files) {
    Map<String, String> h = new TreeMap<>();
    files.forEach((path, bytes) -> h.put(path, Hashing.sha256Hex(bytes)));
    return h;
  }

  /** Runs {@code work} on a new thread (fresh thread-local state), as a new worker thread would. */
  static <T> T onNewThread(Callable<T> work) throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      return one.submit(work).get();
    } finally {
      one.shutdownNow();
    }
  }
}
