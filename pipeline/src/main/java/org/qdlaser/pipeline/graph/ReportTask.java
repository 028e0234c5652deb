package org.qdlaser.pipeline.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.Map;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.pipeline.tasks.StageTask;
import org.qdlaser.pipeline.tasks.StageVersions;

/** The report over all runs: figures, tables and the HTML page. */
enum ReportTask implements StageTask<ReportTask.Params> {
  TASK;

  /**
   * Everything the report shows: the whole study and the code and machine it names.
   *
   * @param study the study
   * @param context the code identity and environment shown in the provenance section
   */
  record Params(@JsonProperty("study") Study study, @JsonProperty("context") ReportContext context) {}

  @Override
  public String stage() {
    return "report";
  }

  @Override
  public int version() {
    return StageVersions.REPORT;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) throws IOException {
    return ReportBuilder.build(p.study(), p.context(), in);
  }
}
