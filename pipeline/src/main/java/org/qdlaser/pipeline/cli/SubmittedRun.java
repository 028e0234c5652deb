package org.qdlaser.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.qdlaser.pipeline.exec.Placement;
import org.qdlaser.pipeline.exec.RunMerge;
import org.qdlaser.pipeline.exec.TaskJournal;
import org.qdlaser.pipeline.exec.TaskRunner;
import org.qdlaser.pipeline.manifest.StudyPlanner;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.slurm.PlanFile;
import org.qdlaser.pipeline.store.ArtifactStore;

/**
 * A run submitted with {@code --executor slurm} as a shard ({@code run-shard}) and the merge
 * ({@code collect}) take it up: the plan file checked against the running jar and planned again
 * from the run directory's manifest, the provenance of this process, its placement, and the task
 * runner over the run directory with the plan's run id and force flag. The two commands differ
 * only in which tasks they may compute and what they say of a task no one computed.
 */
final class SubmittedRun {
  private final Path runDir;
  private final PlanFile planFile;
  private final List<PlannedTask> tasks;
  private final ProvenanceCollector provenance;
  private final Placement placement;

  private SubmittedRun(Path runDir, PlanFile planFile, List<PlannedTask> tasks, ProvenanceCollector provenance,
      Placement placement) {
    this.runDir = runDir;
    this.planFile = planFile;
    this.tasks = tasks;
    this.provenance = provenance;
    this.placement = placement;
  }

  /**
   * Takes up the run in {@code runDir} planned by {@code planFile}.
   *
   * @throws org.qdlaser.pipeline.exec.ExecutionFailure if the jar changed since submission or the
   *     plan no longer matches the manifest
   */
  static SubmittedRun open(Path runDir, PlanFile planFile) {
    planFile.checkSameJar();
    List<PlannedTask> tasks = planFile.replan(runDir, StudyPlanner::plan);
    ProvenanceCollector prov = new ProvenanceCollector(planFile.study(), planFile.manifestSha256(),
        ProvenanceCollector.defaultCodeDir());
    return new SubmittedRun(runDir, planFile, tasks, prov, Placement.fromEnvironment(prov.hostname()));
  }

  /**
   * The task runner of this process.
   *
   * @param mayCompute which tasks this process may compute; the others must already exist
   * @param missingHint explains a task that may not be computed here and has no artifacts
   */
  TaskRunner runner(Predicate<TaskSpec> mayCompute, Function<TaskSpec, String> missingHint) {
    return new TaskRunner(new ArtifactStore(runDir), RunMerge.previousLock(runDir), TaskJournal.of(runDir), planFile.force(),
        provenance, planFile.runId(), placement, mayCompute, missingHint);
  }

  PlanFile planFile() {
    return planFile;
  }

  /** Every task of the plan, in plan order. */
  List<PlannedTask> tasks() {
    return tasks;
  }

  ProvenanceCollector provenance() {
    return provenance;
  }

  Placement placement() {
    return placement;
  }
}
