package org.qdlaser.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qdlaser.pipeline.golden.GoldenChecker;
import org.qdlaser.pipeline.golden.GoldenSpec;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.manifest.StudyPlanner;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.manifest.ManifestParser;
import org.qdlaser.pipeline.manifest.Study;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.ProvenanceCollector;
import org.qdlaser.pipeline.store.Hashing;
import org.slf4j.LoggerFactory;

/**
 * A manifest read, validated and planned exactly as {@code run} plans it (the same report
 * context, so the same task keys): shared by {@code run}, {@code status} and {@code dag}.
 *
 * @param manifestBytes the manifest file's bytes
 * @param manifestSha256 their hex SHA-256
 * @param study the validated study
 * @param runDir the run directory (absolute): {@code -o DIR}, else {@code runs/<study>}
 * @param provenance the run's provenance collector (code version found)
 * @param context what the report shows of code and machine
 * @param plan the tasks, in dependency order
 */
record StudyPlan(byte[] manifestBytes, String manifestSha256, Study study, Path runDir, ProvenanceCollector provenance,
    ReportContext context, List<PlannedTask> plan) {

  /**
   * Reads, validates and plans {@code manifest}; bad input is an {@link InputException}. The study's golden files
   * under {@code goldenRoot} go into the report task (its validation table), so they are part of its key.
   */
  static StudyPlan read(Path manifest, Path output, Path goldenRoot) throws IOException {
    return read(manifest, output, goldenRoot, true);
  }

  /**
   * As {@link #read(Path, Path, Path)}; without {@code codeIdentity} (a dry run: it prints task ids only) git is not
   * asked, the provenance is null and the report context says "(dry run)".
   */
  static StudyPlan read(Path manifest, Path output, Path goldenRoot, boolean codeIdentity) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(manifest);
    } catch (NoSuchFileException e) {
      throw new InputException("MANIFEST", "manifest file not found: " + manifest);
    }
    Study study = ManifestParser.parse(new String(bytes, StandardCharsets.UTF_8));
    Path runDir = (output != null ? output : Path.of("runs", study.name())).toAbsolutePath().normalize();
    String sha = Hashing.sha256Hex(bytes);
    ProvenanceCollector prov = codeIdentity
        ? new ProvenanceCollector(study.name(), sha, ProvenanceCollector.defaultCodeDir()) : null;
    Provenance.CodeVersion code = codeIdentity ? prov.code() : null;
    ReportContext context = new ReportContext(!codeIdentity ? "(dry run)"
        : code.gitCommit() + (Boolean.TRUE.equals(code.dirty()) ? " (uncommitted changes)" : "") + ", qdlaser "
            + VersionProvider.version(),
        environment(), goldenFiles(goldenRoot, study.name()));
    return new StudyPlan(bytes, sha, study, runDir, prov, context, StudyPlanner.plan(study, context));
  }

  /** The plan's specs, in dependency order. */
  List<TaskSpec> specs() {
    return plan.stream().map(PlannedTask::spec).toList();
  }

  /** The manifest as a YAML tree (it parsed as a study, so it is valid YAML). */
  JsonNode yaml() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(manifestBytes);
  }

  /** The study's golden files for the report's validation table (none when the study has no spec). */
  private static SortedMap<String, String> goldenFiles(Path goldenRoot, String study) {
    Path dir = goldenRoot.resolve(study);
    if (!Files.isRegularFile(dir.resolve(GoldenChecker.SPEC_FILE))) {
      LoggerFactory.getLogger(StudyPlan.class).info("no golden spec at {}: the report has no validation table",
          dir.resolve(GoldenChecker.SPEC_FILE));
      return new TreeMap<>();
    }
    return GoldenSpec.read(dir).files();
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>();
    env.put("JVM", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    env.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    return env;
  }
}
