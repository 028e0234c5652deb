package org.qdlaser.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactStoreTest {
  @TempDir Path dir;

  @Test
  void putWritesAndReturnsVerifyingRef() throws Exception {
    ArtifactStore store = new ArtifactStore(dir.resolve("runs/demo"));
    byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
    ArtifactRef ref = store.put("samples/cim.arrow", bytes);
    assertThat(ref.path()).isEqualTo("samples/cim.arrow");
    assertThat(ref.size()).isEqualTo(5);
    assertThat(ref.sha256()).isEqualTo(Hashing.sha256Hex(bytes));
    assertThat(Files.readAllBytes(dir.resolve("runs/demo/samples/cim.arrow"))).isEqualTo(bytes);
    assertThat(store.verifies(ref)).isTrue();
    assertThat(store.describe("samples/cim.arrow")).isEqualTo(ref);
    assertThat(store.read("samples/cim.arrow")).isEqualTo(bytes);
    assertThat(store.exists("samples/cim.arrow")).isTrue();
  }

  @Test
  void verifiesDetectsChangedSameSizeAndMissing() throws Exception {
    ArtifactStore store = new ArtifactStore(dir);
    ArtifactRef ref = store.put("a/x.csv", "abc\n".getBytes(StandardCharsets.UTF_8));
    Files.writeString(store.resolve("a/x.csv"), "abd\n");
    assertThat(store.verifies(ref)).isFalse();
    Files.delete(store.resolve("a/x.csv"));
    assertThat(store.verifies(ref)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil", "a/../../evil", "/etc/passwd", "a\\b", "", "a//b", "./a", "C:/x", "a/.."})
  void rejectsPathsThatEscapeOrAreMalformed(String bad) {
    ArtifactStore store = new ArtifactStore(dir);
    assertThatThrownBy(() -> store.resolve(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
    assertThatThrownBy(() -> store.put(bad, new byte[1])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad
        + "'");
  }

  @Test
  void artifactRefValidates() {
    assertThatThrownBy(() -> new ArtifactRef("x", "nothex", 1)).hasMessageContaining("x");
    assertThatThrownBy(() -> new ArtifactRef("x", "0".repeat(64), -1)).hasMessageContaining("size of artifact x");
  }
}
