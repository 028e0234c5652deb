package org.qdlaser.pipeline.report;

import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;

/**
 * A task of the report stage: every report task is in stage {@code report} at {@link
 * StageVersions#REPORT}, so a change of any report's output bumps that one version.
 *
 * @param <P> the parameters record (canonical JSON = the task key's parameters)
 */
public interface ReportTask<P> extends StageTask<P> {
  @Override
  default String stage() {
    return "report";
  }

  @Override
  default int version() {
    return StageVersions.REPORT;
  }
}
