package org.qdlaser.pipeline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: pipeline -> stages. Inside stages, physics and numerics know nothing
 * of manifests, files or the CLI. Checked on the import lines of the sources.
 */
class DependencyDirectionTest {
  static final Path STAGES = Path.of("..", "stages", "src", "main", "java", "org", "qdlaser", "stages");

  static List<String> offending(Path dir, List<String> forbidden) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream()
                  .filter(l -> l.startsWith("import ") && forbidden.stream().anyMatch(l::contains))
                  .map(l -> dir.relativize(p) + ": " + l);
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

  @Test
  void physicsAndNumericsSeeNoFilesManifestsOrCli() {
    List<String> forbidden = List.of("java.io.File", "java.nio.file", "org.qdlaser.pipeline", "picocli",
        "com.fasterxml", "org.qdlaser.stages.integration", "org.qdlaser.stages.equilibrium", "org.qdlaser.stages.report");
    assertThat(offending(STAGES.resolve("physics"), forbidden)).isEmpty();
    assertThat(offending(STAGES.resolve("numerics"), forbidden)).isEmpty();
  }
}
