package org.qdlaser.pipeline.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options that plan a study exactly as {@code run} plans it (same task keys), for the commands
 * that inspect a plan without running it ({@code status}, {@code dag}).
 */
public final class PlanOptions {
  @Parameters(index = "0", paramLabel = "MANIFEST", description = "study manifest (YAML, schema qdlaser/manifest/v1)")
  Path manifest;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "run directory (default runs/<study>)")
  Path output;

  @Option(names = "--golden", paramLabel = "DIR",
      description = "golden data root, as given to run (the report task's key includes DIR/<study>/; default: golden)")
  Path golden = Path.of("golden");

  /** Reads, validates and plans the manifest; bad input is an InputException. */
  StudyPlan read() throws IOException {
    return StudyPlan.read(manifest, output, golden);
  }
}
