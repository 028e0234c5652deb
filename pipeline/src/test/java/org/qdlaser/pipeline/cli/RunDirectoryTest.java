package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.CliTest.Result;
import org.qdlaser.pipeline.store.Hashing;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.RunDirectoryLock;

/**
 * The run directory under a hostile user (issue 16 items 7, 8, 9): the exclusive lock, a failed
 * rerun that keeps a lock that verifies, and {@code verify} on everything a run writes. Each test
 * is one of the reproducers, at the CLI.
 */
class RunDirectoryTest {
  /** One model, three pumps: five tasks, a couple of seconds. */
  static final String TINY = "schema: qdlaser/manifest/v1\nstudy: tiny\nparameters: {N: 50, beta: 1}\nmodels: [CIM]\n"
      + "sweep: {parameter: r, from: 2e13/s, to: 2e12/s, points: 3, spacing: log}\n";

  @TempDir static Path shared;
  static Path complete;

  /** One complete run, copied by each test that tampers with it. */
  @BeforeAll
  static void completeRun() throws Exception {
    Path manifest = shared.resolve("tiny.yaml");
    Files.writeString(manifest, TINY);
    complete = shared.resolve("complete");
    Result r = CliTest.run("run", manifest.toString(), "-o", complete.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  static Path copyOfRun(Path tmp) throws Exception {
    return copy(complete, tmp.resolve("run"));
  }

  /** A copy of the run directory {@code from} at {@code dir}. */
  static Path copy(Path from, Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = dir.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return dir;
  }

  static Result verify(Path dir, String... more) {
    String[] args = Stream.concat(Stream.of("verify", dir.toString()), Stream.of(more)).toArray(String[]::new);
    return CliTest.run(args);
  }

  @Test
  void aCompleteRunVerifiesStrictly(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Result r = verify(dir, "--strict");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
  }

  // ---- item 8: the run-directory lock

  @Test
  void aSecondRunIsRefusedNamingTheHolderPidAndStartTime(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Path manifest = tmp.resolve("tiny.yaml");
    Files.writeString(manifest, TINY);
    byte[] lock = Files.readAllBytes(dir.resolve(LockFile.FILE_NAME));
    try (RunDirectoryLock held = RunDirectoryLock.acquire(dir.resolve(".qdlaser/lock"), "run")) {
      Result second = CliTest.run("run", manifest.toString(), "-o", dir.toString(), "--force");
      assertThat(second.code()).isEqualTo(1);
      String started = ProcessHandle.current().info().startInstant().orElseThrow().toString();
      assertThat(second.err()).contains("run refused").contains("PID " + ProcessHandle.current().pid()).contains(started)
          .contains(".qdlaser/lock").doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(dir.resolve(LockFile.FILE_NAME)).as("the refused run wrote nothing").hasBinaryContent(lock);
    assertThat(CliTest.run("run", manifest.toString(), "-o", dir.toString()).code()).as("free again once released").isZero();
  }

  @Test
  void aStaleLockOfADeadProcessIsTakenOver(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Path manifest = tmp.resolve("tiny.yaml");
    Files.writeString(manifest, TINY);
    // What a SIGKILLed holder leaves: its name in the file, no OS lock (the kernel dropped it).
    Files.writeString(dir.resolve(".qdlaser/lock"),
        "{\"command\":\"run\",\"host\":\"vm\",\"pid\":2147483646,\"started_at\":\"2026-01-01T00:00:00Z\"}");
    Result r = CliTest.run("run", manifest.toString(), "-o", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("0 task(s) ran, 5 reused");
    assertThat(dir.resolve(".qdlaser/lock")).as("released: emptied").isEmptyFile();
  }

  // ---- item 7: a failed rerun keeps a lock that verifies; read-only reruns are tested in KillResumeTest

  @Test
  void aRerunThatFailsLateLeavesALockThatVerifiesAndTheNextRunRepairs(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    String oldManifestSha = Hashing.sha256Hex(dir.resolve("manifest.yaml"));
    Path changed = tmp.resolve("changed.yaml");
    Files.writeString(changed, TINY.replace("points: 3", "points: 4"));
    // The report cannot be written (a directory where index.html goes): the rerun fails in its last task,
    // after it replaced samples, integration, equilibrium and fitting artifacts with other content.
    Files.delete(dir.resolve("report/index.html"));
    Files.createDirectories(dir.resolve("report/index.html/blocker"));
    Result failed = CliTest.run("run", changed.toString(), "-o", dir.toString());
    assertThat(failed.code()).as(failed.out()).isEqualTo(1);
    assertThat(failed.err()).contains("index.html").doesNotContain("\tat ");

    LockFile standing = LockFile.read(dir.resolve(LockFile.FILE_NAME));
    assertThat(standing.manifestSha256()).isEqualTo(oldManifestSha);
    assertThat(standing.tasks().values()).as("every task whose artifacts the rerun replaced was withdrawn; sampling"
        + " (independent of the pumps) was reused").extracting(LockFile.TaskEntry::stage).containsExactly("sampling");
    Result v = verify(dir);
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.err()).contains("warning: ").contains("STRAY");
    assertThat(verify(dir, "--strict").code()).as("the new artifacts are not locked yet").isEqualTo(1);

    Files.delete(dir.resolve("report/index.html/blocker"));
    Files.delete(dir.resolve("report/index.html"));
    Result repaired = CliTest.run("run", changed.toString(), "-o", dir.toString());
    assertThat(repaired.code()).as(repaired.err()).isZero();
    assertThat(repaired.out()).contains("1 task(s) ran, 4 reused");
    Result strict = verify(dir, "--strict");
    assertThat(strict.code()).as(strict.err()).isZero();
  }

  @Test
  void aRerunWithIdenticalResultsWithdrawsNothing(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Path manifest = tmp.resolve("tiny.yaml");
    Files.writeString(manifest, TINY);
    byte[] lock = Files.readAllBytes(dir.resolve(LockFile.FILE_NAME));
    Files.delete(dir.resolve("report/index.html"));
    Files.createDirectories(dir.resolve("report/index.html/blocker"));
    Result failed = CliTest.run("run", manifest.toString(), "-o", dir.toString(), "--force");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(dir.resolve(LockFile.FILE_NAME)).as("deterministic artifacts: the lock still describes them all")
        .hasBinaryContent(lock);
  }

  // ---- item 9: verify checks what the lock does not list

  @Test
  void aChangedManifestCopyFailsVerify(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Files.writeString(dir.resolve("manifest.yaml"), TINY.replace("N: 50", "N: 7"));
    Result r = verify(dir);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("manifest.yaml: MANIFEST_CHANGED");
    Files.delete(dir.resolve("manifest.yaml"));
    assertThat(verify(dir).err()).contains("manifest.yaml: MANIFEST_MISSING");
  }

  @Test
  void aChangedOrMissingProvenanceFailsVerify(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    ObjectMapper m = new ObjectMapper();
    ObjectNode prov = (ObjectNode) m.readTree(dir.resolve("provenance.json").toFile());
    prov.put("hostname", "elsewhere");
    m.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("provenance.json").toFile(), prov);
    Result changed = verify(dir);
    assertThat(changed.code()).isEqualTo(1);
    assertThat(changed.err()).contains("provenance.json: PROVENANCE_CHANGED");

    prov.put("manifestSha256", "0".repeat(64));
    m.writeValue(dir.resolve("provenance.json").toFile(), prov);
    assertThat(verify(dir).err()).contains("PROVENANCE_INCONSISTENT").contains("manifestSha256 " + "0".repeat(64));

    Files.delete(dir.resolve("provenance.json"));
    Result missing = verify(dir);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("provenance.json: PROVENANCE_MISSING");
  }

  @Test
  void strayFilesWarnAndFailUnderStrict(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("equilibrium/extra.csv"), "x");
    Result lax = verify(dir);
    assertThat(lax.code()).isZero();
    assertThat(lax.err()).contains("warning: equilibrium/extra.csv: STRAY").contains("warning: notes.txt: STRAY");
    assertThat(lax.out()).contains("2 warning(s)");
    Result strict = verify(dir, "--strict");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains("equilibrium/extra.csv: STRAY").contains("notes.txt: STRAY");
  }

  @Test
  void anArtifactReplacedBySymlinkFailsVerifyAndARerunReplacesTheLink(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Path outside = tmp.resolve("outside.json");
    Files.copy(dir.resolve("fitting/CIM.json"), outside);
    Files.delete(dir.resolve("fitting/CIM.json"));
    Files.createSymbolicLink(dir.resolve("fitting/CIM.json"), outside);
    Files.createSymbolicLink(dir.resolve("elsewhere"), tmp);
    Result r = verify(dir);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("fitting/CIM.json: SYMLINK").contains("elsewhere: SYMLINK");

    Path manifest = tmp.resolve("tiny.yaml");
    Files.writeString(manifest, TINY);
    Result rerun = CliTest.run("run", manifest.toString(), "-o", dir.toString());
    assertThat(rerun.code()).as(rerun.err()).isZero();
    assertThat(rerun.out()).contains("1 task(s) ran, 4 reused");
    assertThat(Files.isSymbolicLink(dir.resolve("fitting/CIM.json"))).isFalse();
    Files.delete(dir.resolve("elsewhere"));
    assertThat(verify(dir, "--strict").code()).isZero();
  }

  @Test
  void aChangedTaskRecordFailsVerify(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    LockFile lock = LockFile.read(dir.resolve(LockFile.FILE_NAME));
    String key = lock.tasks().values().stream().filter(t -> t.stage().equals("fitting")).findFirst().orElseThrow().key();
    Path record = dir.resolve(".qdlaser/tasks/" + key + ".json");
    ObjectMapper m = new ObjectMapper();
    ObjectNode r = (ObjectNode) m.readTree(record.toFile());
    ((ObjectNode) r.get("artifacts").get(0)).put("sha256", "f".repeat(64));
    m.writeValue(record.toFile(), r);
    Result v = verify(dir);
    assertThat(v.code()).isEqualTo(1);
    assertThat(v.err()).contains(".qdlaser/tasks/" + key + ".json: RECORD_CHANGED");
    Files.writeString(record, "{");
    assertThat(verify(dir).err()).contains(key + ".json: RECORD_CHANGED (malformed");
  }

  @Test
  void aRunOfAnOlderQdlaserWithoutProvenanceDigestOnlyWarns(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    Files.delete(dir.resolve(".qdlaser/provenance.sha256"));
    Result r = verify(dir);
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("warning: provenance.json: PROVENANCE_UNSEALED");
  }

  @Test
  void aRunKilledWhileItCommitsLeavesADirectoryThatVerifiesWithAWarning(@TempDir Path tmp) throws Exception {
    Path dir = copyOfRun(tmp);
    // The state between the provenance and the lock writes of RunMerge.finish: the marker names the
    // new files; provenance.json is already the new one, lock.json and the manifest copy the old.
    ObjectMapper m = new ObjectMapper();
    ObjectNode prov = (ObjectNode) m.readTree(dir.resolve("provenance.json").toFile());
    prov.put("manifestSha256", "1".repeat(64));
    prov.putArray("tasks");
    byte[] newProvenance = m.writeValueAsBytes(prov);
    Files.write(dir.resolve("provenance.json"), newProvenance);
    Files.writeString(dir.resolve(".qdlaser/commit.json"), "{\"lockSha256\":\"" + "2".repeat(64) + "\",\"manifestSha256\":\""
        + "1".repeat(64) + "\",\"provenanceSha256\":\"" + Hashing.sha256Hex(newProvenance) + "\"}");
    Result v = verify(dir);
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.err()).contains("warning: .qdlaser/commit.json: COMMIT_INTERRUPTED");
    assertThat(verify(dir, "--strict").code()).isEqualTo(1);

    Path manifest = tmp.resolve("tiny.yaml");
    Files.writeString(manifest, TINY);
    assertThat(CliTest.run("run", manifest.toString(), "-o", dir.toString()).code()).isZero();
    assertThat(dir.resolve(".qdlaser/commit.json")).doesNotExist();
    Result strict = verify(dir, "--strict");
    assertThat(strict.code()).as(strict.err()).isZero();
  }
}
