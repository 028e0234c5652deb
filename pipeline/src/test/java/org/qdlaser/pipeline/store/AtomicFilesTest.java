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
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "y")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("child.txt");
    assertThat(allFiles()).containsExactly(blocker);
  }

  @Test
  void streamedContentIsWrittenWhole() throws Exception {
    Path target = dir.resolve("s/big.bin");
    byte[] block = new byte[100_000];
    for (int i = 0; i < block.length; i++) {
      block[i] = (byte) (i * 31);
    }
    AtomicFiles.write(target, out -> {
      out.write(block);
      out.write(7);
      out.close(); // a writer that closes the stream must not break the fsync and rename
    });
    byte[] written = Files.readAllBytes(target);
    assertThat(written).hasSize(block.length + 1);
    assertThat(written[block.length]).isEqualTo((byte) 7);
    assertThat(allFiles()).containsExactly(target);
  }

  @Test
  void streamedContentThatFailsLeavesTheOldTargetAndNoTempFile() throws Exception {
    Path target = dir.resolve("old.txt");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write("half of the new".getBytes(StandardCharsets.UTF_8));
      throw new IllegalStateException("content failed half-way");
    })).isInstanceOf(IllegalStateException.class).hasMessage("content failed half-way");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(allFiles()).containsExactly(target);

    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      throw new java.io.IOException("disk full");
    })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("old.txt").hasMessageContaining("disk full");
    assertThat(allFiles()).containsExactly(target);
  }
}
