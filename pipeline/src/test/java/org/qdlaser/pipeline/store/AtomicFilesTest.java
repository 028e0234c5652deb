package org.qdlaser.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<Path> allFiles() throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void writesCreatingParentsAndLeavesNoTempFiles() throws Exception {
    Path target = dir.resolve("a/b/c.json");
    AtomicFiles.writeString(target, "{\"x\":1}\n");
    assertThat(Files.readString(target)).isEqualTo("{\"x\":1}\n");
    assertThat(allFiles()).containsExactly(target);
  }

  @Test
  void replacesExistingFile() throws Exception {
    Path target = dir.resolve("f.bin");
    AtomicFiles.write(target, new byte[] {1, 2, 3});
    AtomicFiles.write(target, new byte[] {9});
    assertThat(Files.readAllBytes(target)).containsExactly(9);
    assertThat(allFiles()).containsExactly(target);
  }

  @Test
  void failedWriteLeavesNoTempFileAndNoTarget() throws Exception {
    // Target is a non-empty directory: the final rename must fail.
    Path target = dir.resolve("occupied");
    Files.createDirectories(target.resolve("inside"));
    Files.writeString(target.resolve("inside/keep.txt"), "keep");
    assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("occupied");
    assertThat(allFiles()).containsExactly(target.resolve("inside/keep.txt"));
    assertThat(Files.isDirectory(target)).isTrue();
  }

  @Test
  void failureToCreateParentIsReported() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    Path target = blocker.resolve("child.txt");
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "y")).isInstanceOf(UncheckedIOException.class).hasMessageContaining("child.txt");
    assertThat(allFiles()).containsExactly(blocker);
  }
}
