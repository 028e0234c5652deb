package org.qdlaser.pipeline.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qdlaser.pipeline.exec.TaskJournal;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's pages about the run itself, written after the run's lock and provenance: the
 * timeline ({@link Timeline#FILE_NAME}), the task graph ({@link Timeline#GRAPH_FILE}) and every
 * locked file with its checksum ({@link FilesPage#FILE_NAME}). They are not in the lock: the
 * timeline changes on every run, as {@code provenance.json} does.
 */
public final class RunPages {
  private static final Logger LOG = LoggerFactory.getLogger(RunPages.class);

  private RunPages() {}

  /** Writes both pages into {@code runDir/report/} from its {@code provenance.json} and task journal. */
  public static void write(Path runDir, List<TaskSpec> plan) throws IOException {
    Provenance p = CanonicalJson.mapper().readValue(runDir.resolve(Provenance.FILE_NAME).toFile(), Provenance.class);
    Map<String, TaskRecord> computed = new HashMap<>();
    for (TaskJournal.Entry e : TaskJournal.of(runDir).all()) {
      if (e.record().status() == TaskRecord.Status.RAN) {
        computed.put(e.key(), e.record());
      }
    }
    Path report = runDir.resolve("report");
    AtomicFiles.write(report.resolve(Timeline.GRAPH_FILE), new TaskGraph(plan).svg(null).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(report.resolve(Timeline.FILE_NAME), Timeline.html(p, computed).getBytes(StandardCharsets.UTF_8));
    LockFile lock = LockFile.read(runDir.resolve(LockFile.FILE_NAME));
    AtomicFiles.write(report.resolve(FilesPage.FILE_NAME), FilesPage.html(lock).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(runDir.resolve(DataPackage.FILE_NAME), CanonicalJson.prettyBytes(DataPackage.of(runDir, lock)));
    LOG.info("wrote {}, {} and {}", report.resolve(Timeline.FILE_NAME), Timeline.GRAPH_FILE, FilesPage.FILE_NAME);
  }
}
