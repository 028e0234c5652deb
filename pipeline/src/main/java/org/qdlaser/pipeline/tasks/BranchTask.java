package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.artifacts.ArtifactPaths;
import org.qdlaser.pipeline.artifacts.BranchFolds;
import org.qdlaser.pipeline.artifacts.BranchTable;
import org.qdlaser.pipeline.plan.StageTask;
import org.qdlaser.pipeline.plan.StageVersions;
import org.qdlaser.pipeline.plan.TaskInputs;
import org.qdlaser.stages.equilibrium.BranchPoint;
import org.qdlaser.stages.equilibrium.Equilibria;
import org.qdlaser.stages.equilibrium.LasingBranch;
import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.Parameter;
import org.qdlaser.stages.physics.ParameterFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lasing branch by continuation (Figs. 3 and 7): in the pump from a start pump down to the
 * lowest, or in another parameter between two values at a fixed pump; a polydisperse run starts
 * from its sample. The branch table, and its folds and stable end.
 */
public enum BranchTask implements StageTask<BranchTask.Params> {
  TASK;

  private static final Logger LOG = LoggerFactory.getLogger(BranchTask.class);

  /**
   * The key's fields keep the names they had before other parameters could be continued: a pump
   * branch has {@code start_pump} and {@code lowest_pump} only, any other {@code branch_parameter},
   * {@code branch_from}, {@code branch_to} and {@code branch_pump}.
   *
   * @param model the model
   * @param relaxation the integration settings (the start's transient, identical dots)
   * @param startPump pump branch: the start pump (normalised)
   * @param lowestPump pump branch: the lowest pump
   * @param branchParameter other branches: the continuation parameter
   * @param branchFrom its start value
   * @param branchTo its end value
   * @param branchPump the fixed pump
   * @param gammaNrPerSecond gamma_nr in s^-1 (omitted from the key when 1e9)
   * @param sampleWidth continuation in w_qd: the sample's nominal width (omitted from the key when 1, the sampling
   *     default; null otherwise)
   */
  public record Params(@JsonUnwrapped ModelParams model, @JsonProperty("relaxation") RelaxationParams relaxation,
      @JsonProperty("start_pump") @JsonInclude(JsonInclude.Include.NON_NULL) Double startPump,
      @JsonProperty("lowest_pump") @JsonInclude(JsonInclude.Include.NON_NULL) Double lowestPump,
      @JsonProperty("branch_parameter") @JsonInclude(JsonInclude.Include.NON_NULL) String branchParameter,
      @JsonProperty("branch_from") @JsonInclude(JsonInclude.Include.NON_NULL) Double branchFrom,
      @JsonProperty("branch_to") @JsonInclude(JsonInclude.Include.NON_NULL) Double branchTo,
      @JsonProperty("branch_pump") @JsonInclude(JsonInclude.Include.NON_NULL) Double branchPump,
      @JsonProperty("gamma_nr_per_s") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Units.DefaultGammaNr.class)
          double gammaNrPerSecond,
      @JsonProperty("sample_width") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultWidth.class)
          Double sampleWidth) {

    /** A branch in the pump from {@code from} down to {@code to}. */
    public static Params inPump(ModelParams model, RelaxationParams relaxation, double from, double to, double gammaNr) {
      return new Params(model, relaxation, from, to, null, null, null, null, gammaNr, null);
    }

    /** A branch in {@code parameter} from {@code from} to {@code to} at the fixed {@code pump}. */
    public static Params in(ModelParams model, RelaxationParams relaxation, String parameter, double from, double to,
        double pump, double gammaNr, double sampleWidth) {
      return new Params(model, relaxation, null, null, parameter, from, to, pump, gammaNr,
          parameter.equals(Parameter.W_QD.key()) ? sampleWidth : null);
    }

    /** The continuation parameter (r for the pump). */
    @JsonIgnore
    public String parameter() {
      return branchParameter == null ? Parameter.R.key() : branchParameter;
    }

    @JsonIgnore
    public double from() {
      return branchParameter == null ? startPump : branchFrom;
    }

    @JsonIgnore
    public double to() {
      return branchParameter == null ? lowestPump : branchTo;
    }
  }

  /** Jackson value filter: true (omit) for the sampling's default width 1. */
  public static final class DefaultWidth {
    @Override
    public boolean equals(Object o) {
      return o == null || (o instanceof Double d && d == 1.0);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  @Override
  public String stage() {
    return "equilibrium";
  }

  @Override
  public int version() {
    return StageVersions.EQUILIBRIUM;
  }

  @Override
  public Map<String, byte[]> run(String label, Params p, TaskInputs in) {
    String param = p.parameter();
    double from = p.from();
    double to = p.to();
    ParameterFamily family = family(label, p, in);
    Equilibria.Branch branch = Equilibria.of(p.relaxation().settings()).branch(family, from, to);
    LasingBranch.Result res = branch.result();
    if (!branch.note().isEmpty()) {
      // Recorded, not fatal: the report says which branch is missing and why.
      LOG.info("equilibrium/{}: {}", label, branch.note());
    }
    LasingBranch.StableEnd end = res.stableEnd();
    LOG.info("equilibrium/{}: {} branch points, {} folds; stable branch ends at {} = {} ({}, |b| = {})", label,
        res.points().size(), res.folds().size(), param, end.pump(), end.kind(), end.bAbs());
    double gnr = p.gammaNrPerSecond();
    List<BranchTable.Row> rows = new ArrayList<>();
    for (BranchPoint pt : res.points()) {
      rows.add(BranchTable.Row.of(pt, param, gnr));
    }
    List<BranchFolds.Fold> folds = new ArrayList<>();
    for (LasingBranch.Fold f : res.folds()) {
      folds.add(new BranchFolds.Fold(f.pump(), BranchFolds.inUnits(param, f.pump(), gnr), f.bAbs(), f.upperPopulation(),
          f.minimum() ? "fold (minimum of " + param + ")" : "fold (maximum of " + param + ")"));
    }
    BranchFolds.StableEnd threshold = new BranchFolds.StableEnd(nullIfNaN(end.pump()),
        nullIfNaN(BranchFolds.inUnits(param, end.pump(), gnr)), nullIfNaN(end.bAbs()), end.kind(),
        (to < from ? "low-" : "high-") + param + " end of the stable part of the branch (LasingBranch.StableEnd)");
    Map<String, byte[]> out = new LinkedHashMap<>(new BranchTable(param, rows).files(label));
    out.put(ArtifactPaths.folds(label),
        new BranchFolds(p.model().model().name(), param, folds, branch.note(), threshold).toJson());
    return out;
  }

  /** The family of models along the branch; a polydisperse run's from its sample. */
  private static ParameterFamily family(String label, Params p, TaskInputs in) {
    boolean disperse = p.model().model().polydisperse();
    Model model = disperse ? RunModels.of(label, p.model(), in) : Models.identical(p.model().model(), p.model().laserParameters());
    String param = p.parameter();
    if (param.equals(Parameter.R.key())) {
      return ParameterFamily.pump(model.withPump(p.from()));
    }
    if (param.equals(Parameter.W_QD.key())) {
      return ParameterFamily.nominalWidth(model.withPump(p.branchPump()), p.sampleWidth(), p.from());
    }
    return ParameterFamily.identical(param, p.model().model(),
        p.model().with(Parameter.of(param), p.from(), Double.NaN).withR(p.branchPump()));
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
