package org.qdlaser.pipeline.tasks;

import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.SampleTable;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;

/** The model of a run from its parameters and the dots of its sampling artifact. */
final class RunModels {
  private RunModels() {}

  static Model of(String label, ModelParams p, TaskInputs in) {
    SampleTable sample = SampleTable.fromArrow(in.get(ArtifactPaths.sampleTable(label)));
    return Models.of(p.model(), p.laserParameters(), sample.detunings(), sample.couplings());
  }
}
