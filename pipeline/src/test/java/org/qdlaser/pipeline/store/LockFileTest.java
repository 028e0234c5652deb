package org.qdlaser.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
  @TempDir Path dir;

  static String hex(char c) {
    return String.valueOf(c).repeat(64);
  }

  static LockFile sample() {
    ArtifactRef s = new ArtifactRef("samples/cim.arrow", hex('1'), 100);
    ArtifactRef i = new ArtifactRef("integration/cim.arrow", hex('2'), 2000);
    ArtifactRef c = new ArtifactRef("integration/cim.csv", hex('3'), 300);
    return LockFile.of(
        "demo",
        hex('f'),
        List.of(
            new LockFile.TaskEntry("integration", 1, hex('b'), List.of(c, i)),
            new LockFile.TaskEntry("sampling", 1, hex('a'), List.of(s))));
  }

  @Test
  void roundTripAndStableBytes() throws Exception {
    LockFile lock = sample();
    Path f = dir.resolve("lock.json");
    lock.write(f);
    byte[] first = Files.readAllBytes(f);
    LockFile back = LockFile.read(f);
    assertThat(back).isEqualTo(lock);
    back.write(f);
    assertThat(Files.readAllBytes(f)).isEqualTo(first);

    String text = Files.readString(f);
    assertThat(text).startsWith("{\n  \"artifacts\": {\n    \"integration/cim.arrow\": {").endsWith("}\n");
    assertThat(text.indexOf("\"manifestSha256\"")).isLessThan(text.indexOf("\"schema\": \"qdlaser/lock/v1\""));
    assertThat(back.tasks().get(hex('b')).artifacts()).extracting(ArtifactRef::path).containsExactly("integration/cim.arrow",
        "integration/cim.csv");
    assertThat(back.artifacts()).containsOnlyKeys("integration/cim.arrow", "integration/cim.csv", "samples/cim.arrow");
  }

  @Test
  void malformedFilesGiveClearErrors() throws Exception {
    Path f = dir.resolve("lock.json");
    assertThatThrownBy(() -> LockFile.read(f)).isInstanceOf(LockFileException.class).hasMessageContaining("lock.json")
        .hasMessageContaining("does not exist");

    Files.writeString(f, "{not json");
    assertThatThrownBy(() -> LockFile.read(f)).isInstanceOf(LockFileException.class).hasMessageContaining(f.toString())
        .hasMessageContaining("malformed");

    Files.writeString(f, "{\"schema\":\"qdlaser/lock/v0\"}");
    assertThatThrownBy(() -> LockFile.read(f)).isInstanceOf(LockFileException.class).hasMessageContaining("qdlaser/lock/v0");

    String good = new String(sample().toBytes(), java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(f, good.replace("\"samples/cim.arrow\"", "\"../cim.arrow\""));
    assertThatThrownBy(() -> LockFile.read(f)).isInstanceOf(LockFileException.class).hasMessageContaining("'../cim.arrow'");

    Files.writeString(f, good.replace("\"study\": \"demo\",", ""));
    assertThatThrownBy(() -> LockFile.read(f)).isInstanceOf(LockFileException.class).hasMessageContaining("study");
  }

  @Test
  void inconsistentTablesAreRejected() {
    ArtifactRef a = new ArtifactRef("x/a", hex('1'), 1);
    ArtifactRef other = new ArtifactRef("x/a", hex('2'), 1);
    Map<String, LockFile.TaskEntry> tasks = new TreeMap<>(Map.of(hex('a'), new LockFile.TaskEntry("s", 1, hex('a'), List.of(a))));
    assertThatThrownBy(() -> new LockFile(LockFile.SCHEMA, "demo", hex('f'), new TreeMap<>(tasks), new TreeMap<>(Map.of("x/a", other))))
        .hasMessageContaining("x/a");
    assertThatThrownBy(
            () -> LockFile.of("demo", hex('f'), List.of(new LockFile.TaskEntry("s", 1, hex('a'), List.of(a)), new LockFile.TaskEntry("t",
                1, hex('b'), List.of(other)))))
        .hasMessageContaining("x/a")
        .hasMessageContaining("different content");
  }
}
