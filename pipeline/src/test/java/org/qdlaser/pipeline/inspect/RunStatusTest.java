package org.qdlaser.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.exec.LocalExecutor;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.exec.RunMerge;
import org.qdlaser.pipeline.exec.TaskOutcome;
import org.qdlaser.pipeline.exec.TaskRunner;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.LockFile;

/** Status of a two-task plan (sampling -> integration) after runs with changed parameters, versions and inputs. */
class RunStatusTest {
  static final String SHA = "0".repeat(64);

  @TempDir Path dir;

  /** sampling/A writes its parameter N; integration/A copies its input and appends its own parameter. */
  static List<PlannedTask> plan(int n, int integrationVersion, double rtol, boolean integrationFails) {
    List<PlannedTask> plan = new ArrayList<>();
    plan.add(new PlannedTask(TaskSpec.of("sampling", 2, "A", Map.of("N", n), List.of()),
        in -> Map.of("samples/A.txt", ("N=" + n).getBytes(StandardCharsets.UTF_8))));
    plan.add(new PlannedTask(TaskSpec.of("integration", integrationVersion, "A", Map.of("solver", Map.of("rtol", rtol)),
        List.of("sampling/A")), in -> {
          if (integrationFails) {
            throw new IllegalStateException("integration fails (test)");
          }
          return Map.of("integration/A.txt", (new String(in.get("samples/A.txt"), StandardCharsets.UTF_8) + " rtol=" + rtol)
              .getBytes(StandardCharsets.UTF_8));
        }));
    return plan;
  }

  void run(List<PlannedTask> plan) throws Exception {
    LockFile previous = RunMerge.begin(dir);
    ProvenanceCollector prov = new ProvenanceCollector("demo", SHA, dir);
    Map<String, TaskOutcome> outcomes = new LocalExecutor(TaskRunner.local(new ArtifactStore(dir), previous, false, prov), 1).run(plan);
    RunMerge.finish(dir, "demo", SHA, null, outcomes, prov);
  }

  static RunStatus.Report status(List<PlannedTask> plan, Path dir) {
    return RunStatus.of(plan.stream().map(PlannedTask::spec).toList(), dir, null);
  }

  @Test
  void aFreshDirectoryHasEveryTaskMissingAndARunMakesThemUpToDate() throws Exception {
    RunStatus.Report before = status(plan(50, 6, 1e-6, false), dir);
    assertThat(before.tasks()).extracting(RunStatus.TaskState::state).containsOnly(RunStatus.State.MISSING);
    assertThat(before.tasks().get(0).reasons()).extracting(RunStatus.Reason::kind).containsExactly(RunStatus.ReasonKind.NEVER_COMPUTED);
    run(plan(50, 6, 1e-6, false));
    RunStatus.Report after = status(plan(50, 6, 1e-6, false), dir);
    assertThat(after.upToDate()).isTrue();
    assertThat(after.lock()).isEqualTo("lock.json");
  }

  @Test
  void aChangedParameterIsNamedByItsPathWithOldAndNewValueAndMakesDownstreamStale() throws Exception {
    run(plan(50, 6, 1e-6, false));
    RunStatus.Report r = status(plan(40, 6, 1e-6, false), dir);
    RunStatus.TaskState sampling = r.tasks().get(0);
    assertThat(sampling.state()).isEqualTo(RunStatus.State.STALE);
    assertThat(sampling.reasons()).singleElement().satisfies(reason -> {
      assertThat(reason.kind()).isEqualTo(RunStatus.ReasonKind.PARAMETER);
      assertThat(reason.path()).isEqualTo("parameters.N");
      assertThat(reason.oldValue()).isEqualTo("50");
      assertThat(reason.newValue()).isEqualTo("40");
    });
    RunStatus.TaskState integration = r.tasks().get(1);
    assertThat(integration.state()).isEqualTo(RunStatus.State.STALE);
    assertThat(integration.key()).isNull();
    assertThat(integration.reasons()).extracting(RunStatus.Reason::text).containsExactly("upstream sampling/A is stale");

    RunStatus.Report nested = status(plan(50, 6, 1e-8, false), dir);
    assertThat(nested.tasks().get(0).state()).isEqualTo(RunStatus.State.UP_TO_DATE);
    assertThat(nested.tasks().get(1).reasons()).extracting(RunStatus.Reason::text)
        .containsExactly("parameter parameters.solver.rtol: 1.0E-6 -> 1.0E-8");
  }

  @Test
  void aChangedManifestFieldIsAttributedToTheTaskParameterThatChangedTheSameWay() throws Exception {
    run(plan(50, 6, 1e-6, false));
    Files.writeString(dir.resolve("manifest.yaml"), "study: demo\nparameters:\n  N: 50\n  g: 70\n");
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree("study: demo\nparameters:\n  N: 40\n  g: 70\n");
    RunStatus.Report r = RunStatus.of(plan(40, 6, 1e-6, false).stream().map(PlannedTask::spec).toList(), dir, yaml);
    assertThat(r.manifestChanges()).extracting(Object::toString).containsExactly("parameters.N: 50 -> 40");
    assertThat(r.tasks().get(0).reasons().get(0).manifestField()).isEqualTo("parameters.N");
    assertThat(r.tasks().get(0).reasons().get(0).text()).isEqualTo("parameter parameters.N: 50 -> 40 (manifest field parameters.N)");
  }

  @Test
  void aChangedStageVersionIsNamed() throws Exception {
    run(plan(50, 6, 1e-6, false));
    RunStatus.Report r = status(plan(50, 7, 1e-6, false), dir);
    assertThat(r.tasks().get(0).state()).isEqualTo(RunStatus.State.UP_TO_DATE);
    assertThat(r.tasks().get(1).state()).isEqualTo(RunStatus.State.STALE);
    assertThat(r.tasks().get(1).reasons()).extracting(RunStatus.Reason::kind, RunStatus.Reason::oldValue, RunStatus.Reason::newValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(RunStatus.ReasonKind.STAGE_VERSION, "6", "7"));
    assertThat(r.tasks().get(1).reasons().get(0).text()).isEqualTo("stage integration version 6 -> 7");
  }

  @Test
  void aChangedUpstreamArtifactIsNamedWithBothHashes() throws Exception {
    run(plan(50, 6, 1e-6, false));
    String oldSample = org.qdlaser.pipeline.store.Hashing.sha256Hex("N=50".getBytes(StandardCharsets.UTF_8));
    // A run with N = 40 that fails in integration: sampling is recomputed (journal), integration is not.
    try {
      run(plan(40, 6, 1e-6, true));
    } catch (RuntimeException expected) {
      assertThat(expected).hasMessageContaining("integration fails");
    }
    RunStatus.Report r = status(plan(40, 6, 1e-6, false), dir);
    assertThat(r.lock()).as("the standing lock stays during a rerun (issue 16)").isEqualTo("lock.json");
    assertThat(r.tasks().get(0).state()).isEqualTo(RunStatus.State.UP_TO_DATE);
    RunStatus.TaskState integration = r.tasks().get(1);
    assertThat(integration.state()).isEqualTo(RunStatus.State.STALE);
    assertThat(integration.reasons()).singleElement().satisfies(reason -> {
      assertThat(reason.kind()).isEqualTo(RunStatus.ReasonKind.INPUT);
      assertThat(reason.path()).isEqualTo("samples/A.txt");
      assertThat(reason.oldValue()).isEqualTo(oldSample);
      assertThat(reason.newValue()).isEqualTo(org.qdlaser.pipeline.store.Hashing.sha256Hex("N=40".getBytes(StandardCharsets.UTF_8)));
      assertThat(reason.text()).startsWith("input samples/A.txt changed (sha256 " + oldSample.substring(0, 12) + " -> ");
    });
  }

  @Test
  void aTamperedArtifactMakesItsTaskStale() throws Exception {
    run(plan(50, 6, 1e-6, false));
    Files.writeString(dir.resolve("integration/A.txt"), "edited by hand");
    RunStatus.Report r = status(plan(50, 6, 1e-6, false), dir);
    assertThat(r.tasks().get(1).state()).isEqualTo(RunStatus.State.STALE);
    assertThat(r.tasks().get(1).reasons()).extracting(RunStatus.Reason::kind).containsExactly(RunStatus.ReasonKind.ARTIFACT);
    assertThat(Set.copyOf(r.tasks())).hasSize(2);
  }
}
