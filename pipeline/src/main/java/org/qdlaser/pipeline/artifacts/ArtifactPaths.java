package org.qdlaser.pipeline.artifacts;

/**
 * Every artifact path of a run directory, relative to it: the one place where the layout of
 * {@code samples/}, {@code integration/}, {@code equilibrium/}, {@code fitting/} and {@code report/}
 * is spelled. Each model run's artifacts are named after its label ({@code <stage>/<label>.<ext>} or
 * {@code <stage>/<label>-<what>.<ext>}).
 */
public final class ArtifactPaths {
  /** The report's page. */
  public static final String REPORT_INDEX = "report/index.html";
  private static final String REPORT = "report/";
  /** The run's copy of its manifest (names the study). */
  public static final String MANIFEST = "manifest.yaml";

  private ArtifactPaths() {}

  /** An Arrow table and its CSV twin. */
  public record TablePaths(String stem) {
    public String arrow() {
      return stem + ".arrow";
    }

    public String csv() {
      return stem + ".csv";
    }
  }

  /** The per-dot detunings and couplings of a run (sampling). */
  public static String sampleTable(String label) {
    return sampleTables(label).arrow();
  }

  /** The sample table and its CSV twin. */
  public static TablePaths sampleTables(String label) {
    return new TablePaths("samples/" + label);
  }

  /** The sample statistics of a run (sampling), {@link SampleStats}. */
  public static String sampleStats(String label) {
    return "samples/" + label + ".json";
  }

  /** A sweep's recorded time series (integration). */
  public static String series(String label) {
    return seriesTables(label).arrow();
  }

  /** The time series and its CSV twin. */
  public static TablePaths seriesTables(String label) {
    return new TablePaths("integration/" + label + "-series");
  }

  /** A sweep's transient ends (integration), {@link EndsTable}. */
  public static String ends(String label) {
    return endsTables(label).arrow();
  }

  /** The transient ends and their CSV twin. */
  public static TablePaths endsTables(String label) {
    return new TablePaths("integration/" + label + "-ends");
  }

  /** The lab-frame field of an oscillation study (integration), {@link FieldTable}. */
  public static TablePaths field(String label) {
    return new TablePaths("integration/" + label + "-field");
  }

  /** The Newton state an oscillation study starts from (integration), {@link StateSummary}. */
  public static String startState(String label) {
    return "integration/" + label + "-state.json";
  }

  /** Relaxation oscillations and g2 along both branches (equilibrium), {@link RelaxationTable}. */
  public static TablePaths relaxation(String label) {
    return new TablePaths("equilibrium/" + label + "-relaxation");
  }

  /** What a relaxation sweep found and its analytic comparisons (equilibrium), {@link RelaxationSummary}. */
  public static String relaxationSummary(String label) {
    return "equilibrium/" + label + "-relaxation.json";
  }

  /** A pump-step transient and its fit (integration), {@link PumpStepTable}. */
  public static TablePaths pumpStep(String label) {
    return new TablePaths("integration/" + label + "-pump-step");
  }

  /** A pump-step fit against the spectrum (integration), {@link PumpStepSummary}. */
  public static String pumpStepSummary(String label) {
    return "integration/" + label + "-pump-step.json";
  }

  /** A sweep's polished equilibria (equilibrium), {@link EquilibriaTable}. */
  public static TablePaths equilibria(String label) {
    return new TablePaths("equilibrium/" + label);
  }

  /** A threshold curve (equilibrium), {@link ThresholdsTable}. */
  public static TablePaths thresholds(String label) {
    return new TablePaths("equilibrium/" + label + "-thresholds");
  }

  /** A continued lasing branch (equilibrium), {@link BranchTable}. */
  public static TablePaths branch(String label) {
    return new TablePaths("equilibrium/" + label + "-branch");
  }

  /** The folds and stable end of a branch (equilibrium), {@link BranchFolds}. */
  public static String folds(String label) {
    return "equilibrium/" + label + "-folds.json";
  }

  /** An activation curve (equilibrium), {@link ActivationTable}. */
  public static TablePaths activation(String label) {
    return new TablePaths("equilibrium/" + label + "-activation");
  }

  /** The Lorentzian fits of a polydisperse sweep's lasing states (equilibrium), {@link SweepActivationTable}. */
  public static TablePaths sweepActivation(String label) {
    return new TablePaths("equilibrium/" + label + "-activation-fits");
  }

  /** The state of an activation study's sample (equilibrium), {@link StateSummary}. */
  public static String activationState(String label) {
    return "equilibrium/" + label + "-state.json";
  }

  /** The threshold of an activation study's undecided sample (threshold stage), {@link SampleThreshold}. */
  public static String sampleThreshold(String label) {
    return "threshold/" + label + ".json";
  }

  /** A sweep's threshold bracket and exact threshold (fitting), {@link SweepFit}. */
  public static String sweepFit(String label) {
    return "fitting/" + label + ".json";
  }

  /** The Lorentzian fit of an activation curve (fitting), {@link LorentzianFit}. */
  public static String lorentzian(String label) {
    return "fitting/" + label + "-lorentzian.json";
  }

  /** The frequency fit of a recorded field (fitting), {@link OscillationSummary}. */
  public static String oscillationFit(String label) {
    return "fitting/" + label + "-oscillation.json";
  }

  /** {@code simple/<label>.json}: a Simple Model's thresholds (cw, SE, ASE) and its figure's scalars. */
  public static String simpleSummary(String label) {
    return "simple/" + label + ".json";
  }

  /** {@code simple/<label>-<table>}: one data table of a Simple Model figure. */
  public static TablePaths simpleTable(String label, String table) {
    return new TablePaths("simple/" + label + "-" + table);
  }

  /** A file of the report, by its name inside {@code report/}. */
  public static String report(String name) {
    return REPORT + name;
  }

  /** A table of the report, by its stem inside {@code report/}. */
  public static TablePaths reportTable(String stem) {
    return new TablePaths(REPORT + stem);
  }

  /** The link to an artifact from the report's page (which lives in {@code report/}). */
  public static String fromReport(String path) {
    return path.startsWith(REPORT) ? path.substring(REPORT.length()) : "../" + path;
  }

  /** The artifact {@code name} directly inside the run directory's folder {@code dir}. */
  public static String inDir(String dir, String name) {
    return dir + "/" + name;
  }

  /** Whether an artifact path belongs to the model run {@code label} ({@code <dir>/<label>.x} or {@code <dir>/<label>-x}). */
  public static boolean ofLabel(String path, String label) {
    return path.contains("/" + label + ".") || path.contains("/" + label + "-");
  }
}
