package org.qdlaser.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.EquilibriaTable;
import org.qdlaser.pipeline.artifacts.SweepFit;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.report.BranchSeries;

/**
 * One run of a sweep study as its report reads it: the equilibria along the sweep and their fit
 * (bracket and exact threshold). Loaded once per report for the bifurcation diagram and every
 * photons_vs_pump figure.
 *
 * @param run the model run
 * @param equilibria its equilibria, in sweep order
 * @param fit its fit
 */
record SweepRun(ModelRun run, EquilibriaTable equilibria, SweepFit fit) {
  /** Every run of the study, in the header's order, from the report task's inputs. */
  static List<SweepRun> load(ReportHeader h, TaskInputs in) {
    List<SweepRun> runs = new ArrayList<>(h.runs().size());
    for (ModelRun run : h.runs()) {
      runs.add(new SweepRun(run, EquilibriaTable.fromArrow(in.get(ArtifactPaths.equilibria(run.label()).arrow())),
          SweepFit.fromJson(in.get(ArtifactPaths.sweepFit(run.label())))));
    }
    return runs;
  }

  String label() {
    return run.label();
  }

  /**
   * A sweep that passes a fold jumps between two branches (the lasing state disappears, the non-lasing one
   * is reached): no line is drawn between the last lasing and the first non-lasing state there. At a
   * pitchfork the lasing branch ends on the non-lasing one (|b| -> 0), so the line stays.
   */
  BranchSeries jumpsBroken(BranchSeries s) {
    boolean continuous = "pitchfork".equals(fit.exactThresholdKind());
    boolean[] jump = new boolean[equilibria.rows().size()];
    for (int i = 1; i < jump.length; i++) {
      jump[i] = !continuous && equilibria.rows().get(i).lasing() != equilibria.rows().get(i - 1).lasing();
    }
    return s.brokenBefore(jump);
  }
}
