package org.qdlaser.pipeline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, checked on the import lines (and a few constructor calls) of
 * the sources: pipeline -> stages one way; inside the pipeline, each package imports only the
 * packages below it; the science is reached through its facade and value types; nothing that
 * renders or encodes reads files.
 */
class DependencyDirectionTest {
  static final Path STAGES = Path.of("..", "stages", "src", "main", "java", "org", "qdlaser", "stages");
  static final Path PIPELINE = Path.of("src", "main", "java", "org", "qdlaser", "pipeline");
  static final Pattern PIPELINE_IMPORT = Pattern.compile("^import (?:static )?org\\.qdlaser\\.pipeline\\.(\\w+)\\.");

  /**
   * The pipeline's layers: the packages each package may import (besides itself). A package not
   * listed here is new: give it its place.
   */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("store", Set.of()),
      Map.entry("input", Set.of()),
      Map.entry("provenance", Set.of("store")),
      Map.entry("artifacts", Set.of("store")),
      Map.entry("plan", Set.of("store")),
      Map.entry("exec", Set.of("plan", "artifacts", "provenance", "store")),
      Map.entry("slurm", Set.of("exec", "plan", "provenance", "store")),
      Map.entry("tasks", Set.of("plan", "artifacts", "input", "store")),
      // report -> golden: the report's validation table runs the study's golden checks on its artifacts (golden
      // itself sees only input and store, so no cycle)
      Map.entry("report", Set.of("plan", "artifacts", "tasks", "golden", "store")),
      Map.entry("manifest", Set.of("plan", "tasks", "report", "input", "store")),
      Map.entry("golden", Set.of("input", "artifacts", "store")),
      Map.entry("archive", Set.of("provenance", "store")),
      Map.entry("inspect", Set.of("exec", "plan", "golden", "provenance", "store")),
      Map.entry("cli", Set.of("manifest", "exec", "slurm", "golden", "archive", "artifacts", "plan", "input", "provenance",
          "store", "inspect")));

  /** Constructions that belong to the stages.equilibrium.Equilibria facade (and the benchmarks) only. */
  static final List<String> SOLVER_ASSEMBLY = List.of("new PointSolver(", "new ThresholdFinder(", "new EquilibriumSolver(",
      "new Relaxer(", "Integrators.", "new LasingBranch(", "new WidthHomotopy(", "new BdfIntegrator(", "new NewtonSolver(",
      "new SparseLuSolver(");

  static List<String> offending(Path dir, List<String> forbidden) {
    return lines(dir, l -> l.startsWith("import ") && forbidden.stream().anyMatch(l::contains));
  }

  /** Lines of the sources below {@code dir} that match, as {@code file: line}. */
  static List<String> lines(Path dir, Predicate<String> match) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream().filter(match).map(l -> dir.relativize(p) + ": " + l.trim());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void stagesNeverImportPipeline() {
    assertThat(Files.isDirectory(STAGES)).isTrue();
    assertThat(offending(STAGES, List.of("org.qdlaser.pipeline"))).isEmpty();
  }

  /** The science, every package of it (the Simple Model and the diagnostics included), gets values and returns values. */
  @Test
  void stagesNeverSeeFilesManifestsOrTheCli() {
    List<String> forbidden = List.of("java.io.File", "java.io.RandomAccessFile", "java.nio.file", "picocli", "com.fasterxml");
    assertThat(offending(STAGES, forbidden)).isEmpty();
  }

  @Test
  void physicsAndNumericsSeeNoFilesManifestsOrCli() {
    List<String> forbidden = List.of("java.io.File", "java.nio.file", "org.qdlaser.pipeline", "picocli",
        "com.fasterxml", "org.qdlaser.stages.integration", "org.qdlaser.stages.equilibrium", "org.qdlaser.stages.report");
    assertThat(offending(STAGES.resolve("physics"), forbidden)).isEmpty();
    assertThat(offending(STAGES.resolve("numerics"), forbidden)).isEmpty();
  }

  @Test
  void thePipelineIsLayered() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(PIPELINE)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String pkg = dir.getFileName().toString();
        assertThat(ALLOWED).as("package pipeline." + pkg + " has a place in the layers").containsKey(pkg);
        for (String line : lines(dir, l -> PIPELINE_IMPORT.matcher(l).find())) {
          Matcher m = PIPELINE_IMPORT.matcher(line.substring(line.indexOf(": ") + 2));
          if (m.find() && !m.group(1).equals(pkg) && !ALLOWED.get(pkg).contains(m.group(1))) {
            violations.add("pipeline." + pkg + " -> pipeline." + m.group(1) + ": " + line);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** Solvers are assembled by the Equilibria facade: no pipeline code builds them or imports the numerics. */
  @Test
  void thePipelineReachesTheScienceThroughItsFacade() {
    assertThat(lines(PIPELINE, l -> SOLVER_ASSEMBLY.stream().anyMatch(l::contains))).isEmpty();
    // The CLI maps an integration failure (e.g. of a benchmark) to exit code 1: the one numerics type it names.
    assertThat(lines(PIPELINE, l -> l.startsWith("import org.qdlaser.stages.numerics.")
        && !l.equals("import org.qdlaser.stages.numerics.ode.IntegrationException;"))).isEmpty();
    List<String> internals = List.of("stages.equilibrium.PointSolver", "stages.equilibrium.ThresholdFinder",
        "stages.equilibrium.EquilibriumSolver", "stages.equilibrium.StabilityAnalyzer", "stages.equilibrium.RotatingFrame",
        "stages.equilibrium.AmplitudeBranch", "stages.integration.Integrators", "stages.integration.EquilibriumCriterion");
    assertThat(offending(PIPELINE, internals)).isEmpty();
  }

  /** Tasks use the facade, the result value types, the models and the fitting, sampling and Simple Model functions. */
  @Test
  void tasksUseTheFacadeAndValueTypesOnly() {
    List<String> allowed = List.of("org.qdlaser.stages.equilibrium.Equilibria;", "org.qdlaser.stages.equilibrium.Equilibrium;",
        "org.qdlaser.stages.equilibrium.EquilibriumException;", "org.qdlaser.stages.equilibrium.Threshold;",
        "org.qdlaser.stages.equilibrium.Verdict;", "org.qdlaser.stages.equilibrium.BranchPoint;",
        "org.qdlaser.stages.equilibrium.LasingBranch;", "org.qdlaser.stages.integration.Relaxation;",
        // the facade's result types of relaxation sweeps and pump steps (issue 19)
        "org.qdlaser.stages.equilibrium.RelaxationSweep;", "org.qdlaser.stages.equilibrium.PumpStepCheck;",
        "org.qdlaser.stages.integration.RelaxationSettings;", "org.qdlaser.stages.integration.Relaxer;",
        "org.qdlaser.stages.integration.TransientBudget;", "org.qdlaser.stages.integration.FieldTrace;",
        "org.qdlaser.stages.integration.ProgressListener;", "org.qdlaser.stages.physics.", "org.qdlaser.stages.fitting.",
        "org.qdlaser.stages.sampling.",
        // The Simple Model's figure analyses: pure functions of its parameters, like fitting and sampling.
        "org.qdlaser.stages.simple.");
    assertThat(lines(PIPELINE.resolve("tasks"), l -> l.startsWith("import org.qdlaser.stages.")
        && allowed.stream().noneMatch(l::contains))).isEmpty();
  }

  /** Rendering and encoding get their data as values and give bytes back: they never read or write files. */
  @Test
  void reportRenderingAndCodecsNeverTouchFiles() {
    List<String> files = List.of("java.nio.file", "java.io.File", "java.io.RandomAccessFile");
    assertThat(offending(STAGES.resolve("report"), files)).isEmpty();
    for (String pkg : List.of("report", "tasks", "artifacts", "plan", "manifest")) {
      assertThat(offending(PIPELINE.resolve(pkg), files)).as("pipeline." + pkg).isEmpty();
    }
  }
}
