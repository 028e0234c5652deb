package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar opens java.nio to Arrow by its manifest ({@code Add-Opens}), so that {@code java -jar}
 * without {@code --add-opens} (the {@code ./qdlaser} launcher's command line, whose class-data-sharing
 * archive then keeps the JDK's module graph; docs/decisions.md, "Start-up, sixth step") writes Arrow
 * tables: without it Arrow's MemoryUtil fails to initialise ("You must start Java with --add-opens").
 */
class JarManifestIT {
  @TempDir Path dir;

  @Test
  void theJarRunsAStudyThatWritesArrowTablesWithoutAddOpens() throws Exception {
    assumeTrue(Files.isRegularFile(SlurmIT.JAR), "no shaded jar " + SlurmIT.JAR + " (mvn package builds it)");
    Path manifest = dir.resolve("tiny.yaml");
    Files.writeString(manifest, RunDirectoryTest.TINY);
    Path out = dir.resolve("run");
    Path log = dir.resolve("log.txt");
    Process p = new ProcessBuilder(List.of(SlurmIT.JAVA, "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-jar",
        SlurmIT.JAR.toString(), "run", manifest.toString(), "-o", out.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the run ends within 2 minutes").isTrue();
    assertThat(p.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(f -> f.toString().endsWith(".arrow")).count()).as("Arrow tables written").isPositive();
    }
  }
}
