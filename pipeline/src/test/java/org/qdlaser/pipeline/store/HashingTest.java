package org.qdlaser.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingTest {
  @TempDir Path dir;

  @Test
  void knownVector() {
    assertThat(Hashing.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Hashing.sha256Hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void streamingFileHashEqualsInMemoryHash() throws Exception {
    byte[] data = new byte[200_000 + 17];
    new Random(42).nextBytes(data);
    Path f = dir.resolve("big.bin");
    Files.write(f, data);
    assertThat(Hashing.sha256Hex(f)).isEqualTo(Hashing.sha256Hex(data));
  }

  @Test
  void missingFileIsNamed() {
    Path f = dir.resolve("nope.bin");
    assertThatThrownBy(() -> Hashing.sha256Hex(f)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("nope.bin");
  }

  @Test
  void validatesHex() {
    assertThat(Hashing.isSha256Hex("a".repeat(64))).isTrue();
    assertThat(Hashing.isSha256Hex("A".repeat(64))).isFalse();
    assertThatThrownBy(() -> Hashing.requireSha256Hex("xyz", "task key")).hasMessageContaining("task key").hasMessageContaining("'xyz'");
  }
}
