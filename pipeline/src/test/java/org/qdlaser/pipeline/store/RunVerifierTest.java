package org.qdlaser.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunVerifierTest {
  @TempDir Path runDir;

  private List<ArtifactRef> populate() {
    ArtifactStore store = new ArtifactStore(runDir);
    ArtifactRef a = store.put("samples/cim.arrow", TableCodec.toArrowIpc(TableCodecTest.sample()));
    ArtifactRef b = store.put("fitting/cim.csv", "pump,x\n1.0,2.0\n".getBytes(StandardCharsets.UTF_8));
    ArtifactRef c = store.put("report/index.html", "<html></html>\n".getBytes(StandardCharsets.UTF_8));
    LockFile.of(
            "demo",
            "f".repeat(64),
            List.of(
                new LockFile.TaskEntry("sampling", 1, "a".repeat(64), List.of(a)),
                new LockFile.TaskEntry("fitting", 1, "b".repeat(64), List.of(b)),
                new LockFile.TaskEntry("report", 1, "c".repeat(64), List.of(c))))
        .write(runDir.resolve(LockFile.FILE_NAME));
    return List.of(a, b, c);
  }

  @Test
  void intactRunVerifies() {
    populate();
    assertThat(new RunVerifier().verify(runDir)).isEmpty();
  }

  @Test
  void detectsChangedByteAndDeletedFileNamingThem() throws Exception {
    List<ArtifactRef> refs = populate();
    Path arrow = runDir.resolve("samples/cim.arrow");
    byte[] bytes = Files.readAllBytes(arrow);
    bytes[bytes.length / 2] ^= 1;
    Files.write(arrow, bytes);
    Files.delete(runDir.resolve("report/index.html"));

    List<VerificationProblem> problems = new RunVerifier().verify(runDir);
    assertThat(problems).extracting(VerificationProblem::kind, VerificationProblem::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(VerificationProblem.Kind.MISSING, "report/index.html"),
            org.assertj.core.groups.Tuple.tuple(VerificationProblem.Kind.CHANGED, "samples/cim.arrow"));
    VerificationProblem changed = problems.get(1);
    assertThat(changed.expectedSha256()).isEqualTo(refs.get(0).sha256());
    assertThat(changed.actualSha256()).isEqualTo(Hashing.sha256Hex(bytes)).isNotEqualTo(changed.expectedSha256());
    assertThat(changed.expectedSize()).isEqualTo(changed.actualSize()).isEqualTo(bytes.length);
    assertThat(changed.message()).contains("samples/cim.arrow", "CHANGED", changed.expectedSha256(), changed.actualSha256());
    assertThat(problems.get(0).message()).contains("report/index.html", "MISSING");
  }

  @Test
  void detectsSizeChange() throws Exception {
    populate();
    Files.writeString(runDir.resolve("fitting/cim.csv"), "pump,x\n1.0,2.0\n3.0,4.0\n");
    List<VerificationProblem> problems = new RunVerifier().verify(runDir);
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(VerificationProblem.Kind.CHANGED);
      assertThat(p.actualSize()).isGreaterThan(p.expectedSize());
    });
  }

  @Test
  void missingOrBrokenLock() throws Exception {
    List<VerificationProblem> none = new RunVerifier().verify(runDir);
    assertThat(none).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(VerificationProblem.Kind.LOCK_MISSING);
      assertThat(p.message()).contains("lock.json");
    });
    Files.writeString(runDir.resolve("lock.json"), "[]");
    assertThat(new RunVerifier().verify(runDir)).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(VerificationProblem.Kind.LOCK_UNREADABLE);
      assertThat(p.message()).contains("lock.json", "not a JSON object");
    });
  }
}
