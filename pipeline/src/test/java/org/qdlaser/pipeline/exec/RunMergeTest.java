package org.qdlaser.pipeline.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.store.LockFile;

/** Start and end of a run directory: the last lock stands during a run, killed writers' temp files go. */
class RunMergeTest {
  @Test
  void tempFilesOfKilledWritersAreRecognisedAndRemoved(@TempDir Path run) throws Exception {
    assertThat(RunMerge.isTempName(".CIM-series.arrow.1f3a9c0d2b4e6f70.tmp")).isTrue();
    assertThat(RunMerge.isTempName("CIM-series.arrow")).isFalse();
    assertThat(RunMerge.isTempName(".hidden")).isFalse();
    assertThat(RunMerge.isTempName("notes.tmp")).isFalse();
    Files.createDirectories(run.resolve("integration"));
    Files.writeString(run.resolve("integration/.CIM-series.arrow.00ff.tmp"), "partial");
    Files.writeString(run.resolve("integration/CIM-series.arrow"), "complete");
    assertThat(RunMerge.removeStaleTempFiles(run)).isEqualTo(1);
    assertThat(run.resolve("integration/.CIM-series.arrow.00ff.tmp")).doesNotExist();
    assertThat(run.resolve("integration/CIM-series.arrow")).exists();
  }

  @Test
  void beginReadsTheStandingLockAndWritesNothing(@TempDir Path run) throws Exception {
    assertThat(RunMerge.begin(run)).isNull();
    LockFile lock = LockFile.of("s", "a".repeat(64), java.util.List.of());
    lock.write(run.resolve(LockFile.FILE_NAME));
    byte[] bytes = Files.readAllBytes(run.resolve(LockFile.FILE_NAME));
    assertThat(RunMerge.begin(run)).isEqualTo(lock);
    assertThat(run.resolve(LockFile.FILE_NAME)).as("the lock stands during the run (issue 16 item 7)").hasBinaryContent(bytes);
    assertThat(RunMerge.begin(run)).isEqualTo(lock);
  }

  @Test
  void aLockSetAsideByAnOlderQdlaserIsStillReusedFrom(@TempDir Path run) throws Exception {
    LockFile lock = LockFile.of("s", "b".repeat(64), java.util.List.of());
    lock.write(RunLayout.previousLockFile(run));
    assertThat(RunMerge.begin(run)).isEqualTo(lock);
    Files.writeString(run.resolve(LockFile.FILE_NAME), "not json");
    assertThat(RunMerge.begin(run)).as("an unreadable lock.json falls back to the set-aside one").isEqualTo(lock);
  }
}
