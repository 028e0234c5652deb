package org.qdlaser.pipeline.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.qdlaser.pipeline.plan.ModelRun;
import org.qdlaser.pipeline.plan.ReportContext;

/**
 * What every report shows about its study: title, description, the runs with their parameters,
 * and the code and machine in its provenance section. Part of each report task's parameters.
 *
 * @param study study name
 * @param title the page's title
 * @param description the page's description
 * @param analysis the analysis' manifest name
 * @param gammaNrPerSecond gamma_nr in s^-1
 * @param runs the model runs
 * @param context the code identity and environment named in the provenance section
 */
public record ReportHeader(
    @JsonProperty("study") String study,
    @JsonProperty("title") String title,
    @JsonProperty("description") String description,
    @JsonProperty("analysis") String analysis,
    @JsonProperty("gamma_nr_per_s") double gammaNrPerSecond,
    @JsonProperty("runs") List<ModelRun> runs,
    @JsonProperty("context") ReportContext context) {
  public ReportHeader {
    runs = List.copyOf(runs);
  }
}
