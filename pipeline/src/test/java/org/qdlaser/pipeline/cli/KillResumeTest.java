package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.CliTest.Result;
import org.qdlaser.pipeline.store.Hashing;
import org.qdlaser.pipeline.store.LockFile;

/**
 * Runs killed with SIGKILL in each stage, in separate JVMs (issue 16): resumed, the directory
 * verifies strictly and its lock equals an uninterrupted run's; a killed {@code --force} rerun and
 * a killed rerun of a changed manifest leave a lock that verifies before any resume; a second
 * process is refused while the first holds the run directory, and a dead holder's lock is taken
 * over; a read-only complete run is "nothing to do". The kill moments are random with a logged
 * seed ({@code -Dqdlaser.killSeed=S} replays them).
 */
class KillResumeTest {
  static final String TINY = RunDirectoryTest.TINY;
  /** Tasks of TINY: sampling, integration, equilibrium, fitting, report. */
  static final int TASKS = 5;
  /** Random extra delay after a task completes before the kill, so the kill lands inside the next task. */
  static final int MAX_JITTER_MS = 60;
  static final long PROCESS_TIMEOUT_S = 120;

  @TempDir static Path shared;
  static Path manifest;
  static Path reference;
  static byte[] referenceLock;
  static Random random;

  @BeforeAll
  static void uninterruptedRun() throws Exception {
    manifest = shared.resolve("tiny.yaml");
    Files.writeString(manifest, TINY);
    reference = shared.resolve("reference");
    Result r = CliTest.run("run", manifest.toString(), "-o", reference.toString());
    assertThat(r.code()).as(r.err()).isZero();
    referenceLock = Files.readAllBytes(reference.resolve(LockFile.FILE_NAME));
    long seed = Long.getLong("qdlaser.killSeed", System.nanoTime());
    System.out.println("KillResumeTest seed " + seed + " (replay with -Dqdlaser.killSeed=" + seed + ")");
    random = new Random(seed);
  }

  static List<String> cli(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Djava.awt.headless=true",
        // quick start-up: the runs are short, the JIT's top tier would not pay off
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static Process start(Path log, List<String> cmd) throws IOException {
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Task records written at or after {@code since}: tasks completed by the run under way. */
  static long recordsSince(Path dir, FileTime since) throws IOException {
    Path tasks = dir.resolve(".qdlaser/tasks");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(tasks)) {
      return files.filter(f -> f.toString().endsWith(".json")).filter(f -> {
        try {
          return Files.getLastModifiedTime(f).compareTo(since) >= 0;
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }

  /**
   * Starts {@code cmd}, waits until {@code completed} of its tasks are done, waits a random jitter
   * and SIGKILLs it. Returns a description of the moment (for messages).
   */
  static String killAfter(Path dir, int completed, Path log, List<String> cmd) throws Exception {
    FileTime since = FileTime.fromMillis(System.currentTimeMillis());
    Process p = start(log, cmd);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_S);
    while (p.isAlive() && recordsSince(dir, since) < completed && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    int jitter = random.nextInt(MAX_JITTER_MS);
    Thread.sleep(jitter);
    boolean finished = !p.isAlive();
    p.destroyForcibly(); // SIGKILL on POSIX
    assertThat(p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
    return "killed after " + completed + " task(s) + " + jitter + " ms" + (finished ? " (it had already finished)" : "")
        + ", log: " + Files.readString(log, StandardCharsets.UTF_8);
  }

  static void resumeAndCompare(Path dir, String moment) throws Exception {
    Result resumed = CliTest.run("run", manifest.toString(), "-o", dir.toString());
    assertThat(resumed.code()).as(moment + "\n" + resumed.err()).isZero();
    Result v = CliTest.run("verify", dir.toString(), "--strict");
    assertThat(v.code()).as(moment + "\n" + v.err()).isZero();
    assertThat(dir.resolve(LockFile.FILE_NAME)).as(moment).hasBinaryContent(referenceLock);
  }

  @Test
  void aRunKilledInEachStageResumesToTheUninterruptedLock(@TempDir Path tmp) throws Exception {
    for (int completed = 0; completed < TASKS; completed++) {
      Path dir = tmp.resolve("run-" + completed);
      String moment = killAfter(dir, completed, tmp.resolve("log-" + completed), cli("run", manifest.toString(), "-o", dir.toString()));
      resumeAndCompare(dir, moment);
    }
  }

  @Test
  void aKilledForceRerunLeavesALockThatVerifiesAndResumes(@TempDir Path tmp) throws Exception {
    for (int i = 0; i < 2; i++) {
      Path dir = RunDirectoryTest.copy(reference, tmp.resolve("run-" + i));
      int completed = random.nextInt(TASKS);
      String moment = killAfter(dir, completed, tmp.resolve("log-" + i),
          cli("run", manifest.toString(), "-o", dir.toString(), "--force"));
      Result v = CliTest.run("verify", dir.toString());
      assertThat(v.code()).as("before any resume: " + moment + "\n" + v.err()).isZero();
      resumeAndCompare(dir, moment);
    }
  }

  @Test
  void aKilledRerunOfAChangedManifestLeavesALockThatVerifies(@TempDir Path tmp) throws Exception {
    Path changed = tmp.resolve("changed.yaml");
    Files.writeString(changed, TINY.replace("points: 3", "points: 4"));
    Path dir = RunDirectoryTest.copy(reference, tmp.resolve("run"));
    int completed = 1 + random.nextInt(TASKS - 1);
    String moment = killAfter(dir, completed, tmp.resolve("log"), cli("run", changed.toString(), "-o", dir.toString()));
    Result v = CliTest.run("verify", dir.toString());
    assertThat(v.code()).as("before any resume: " + moment + "\n" + v.err()).isZero();
    assertThat(LockFile.read(dir.resolve(LockFile.FILE_NAME)).manifestSha256()).as("the old lock, or the new one if it finished")
        .isIn(LockFile.read(reference.resolve(LockFile.FILE_NAME)).manifestSha256(), Hashing.sha256Hex(changed));
    Result resumed = CliTest.run("run", changed.toString(), "-o", dir.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(CliTest.run("verify", dir.toString(), "--strict").code()).isZero();
  }

  @Test
  void aSecondProcessIsRefusedAndADeadHoldersLockIsTakenOver(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    Process first = start(tmp.resolve("log"), cli("run", manifest.toString(), "-o", dir.toString()));
    try {
      Path lockFile = dir.resolve(".qdlaser/lock");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_S);
      while (first.isAlive() && (!Files.exists(lockFile) || Files.size(lockFile) == 0) && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      assumeTrue(first.isAlive(), "the first run finished before the second started");
      Result second = CliTest.run("run", manifest.toString(), "-o", dir.toString(), "--force");
      assertThat(second.code()).isEqualTo(1);
      assertThat(second.err()).contains("PID " + first.pid()).contains("started "
          + first.info().startInstant().map(Object::toString).orElse("")).doesNotContain("\tat ");
    } finally {
      first.destroyForcibly();
      first.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS);
    }
    assertThat(Files.readString(dir.resolve(".qdlaser/lock"))).as("the killed holder's name stays").contains("" + first.pid());
    resumeAndCompare(dir, "resumed over the lock of a killed holder");
  }

  /** Runs {@code cmd} with {@code dir} mounted read-only in a private mount namespace ({@code unshare}). */
  static Result readOnly(Path dir, Path log, List<String> cmd) throws Exception {
    List<String> wrapped = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && shift && exec \"$@\"",
        dir.toString(), "-"));
    wrapped.addAll(cmd);
    Process p = new ProcessBuilder(wrapped).redirectOutput(log.toFile()).redirectError(log.resolveSibling(log.getFileName() + ".err")
        .toFile()).start();
    assertThat(p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), Files.readString(log), Files.readString(log.resolveSibling(log.getFileName() + ".err")));
  }

  @Test
  void aPlainRerunOfACompleteRunOnAReadOnlyFileSystemHasNothingToDo(@TempDir Path tmp) throws Exception {
    Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount --bind -o ro /tmp /tmp").redirectErrorStream(true).start();
    assumeTrue(probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0, "no unprivileged mount namespaces here");
    Path dir = RunDirectoryTest.copy(reference, tmp.resolve("run"));
    Result plain = readOnly(dir, tmp.resolve("plain"), cli("run", manifest.toString(), "-o", dir.toString()));
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("nothing to do").contains("all 5 tasks are up to date");

    Result forced = readOnly(dir, tmp.resolve("forced"), cli("run", manifest.toString(), "-o", dir.toString(), "--force"));
    assertThat(forced.code()).isEqualTo(1);
    assertThat(forced.err()).contains("cannot be written").contains("--force").doesNotContain("\tat ");

    Path changed = tmp.resolve("changed.yaml");
    Files.writeString(changed, TINY.replace("points: 3", "points: 4"));
    Result stale = readOnly(dir, tmp.resolve("stale"), cli("run", changed.toString(), "-o", dir.toString()));
    assertThat(stale.code()).isEqualTo(1);
    assertThat(stale.err()).contains("cannot be written").contains("not up to date").contains("lock.json is of another manifest");
    assertThat(dir.resolve(LockFile.FILE_NAME)).hasBinaryContent(referenceLock);
  }
}
