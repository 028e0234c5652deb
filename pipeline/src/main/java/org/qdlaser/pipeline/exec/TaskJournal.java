package org.qdlaser.pipeline.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion records of single tasks, one file per task key ({@code .qdlaser/tasks/<key>.json}).
 * A task's record is written atomically after all its artifacts, so it is the task's commit
 * marker: a task killed before it (preemption, a failed shard, a killed node) has no record and
 * is recomputed; artifacts written before the kill are complete files (atomic writes) that the
 * rerun overwrites. Thread-safe; records of different keys never collide.
 */
public final class TaskJournal {
  private static final Logger LOG = LoggerFactory.getLogger(TaskJournal.class);
  public static final String SCHEMA = "qdlaser/task/v1";

  /**
   * One completed task.
   *
   * @param schema {@value #SCHEMA}
   * @param key the task key
   * @param taskId {@code stage/label}
   * @param runId the run (plan) that computed it
   * @param artifacts its output artifacts
   * @param record its provenance (executor, job id, host, times)
   */
  public record Entry(String schema, String key, String taskId, String runId, List<ArtifactRef> artifacts, TaskRecord record) {
    public Entry {
      if (!SCHEMA.equals(schema)) {
        throw new IllegalArgumentException("task record schema must be '" + SCHEMA + "', got '" + schema + "'");
      }
      Hashing.requireSha256Hex(key, "task record key");
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(runId, "runId");
      artifacts = List.copyOf(artifacts);
      Objects.requireNonNull(record, "record");
    }
  }

  private final Path dir;

  /** @param dir the journal folder (created on first write) */
  public TaskJournal(Path dir) {
    this.dir = Objects.requireNonNull(dir, "journal dir");
  }

  /** The journal of a run directory. */
  public static TaskJournal of(Path runDir) {
    return new TaskJournal(RunLayout.journalDir(runDir));
  }

  /** The record of {@code key}, empty if there is none or it is unreadable (logged at DEBUG). */
  public Optional<Entry> read(String key) {
    Path file = dir.resolve(Hashing.requireSha256Hex(key, "task key") + ".json");
    try {
      Entry e = CanonicalJson.mapper().readValue(Files.readAllBytes(file), Entry.class);
      if (!key.equals(e.key())) {
        LOG.debug("ignoring task record {}: it holds key {}", file, e.key());
        return Optional.empty();
      }
      return Optional.of(e);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.debug("ignoring unreadable task record {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** Atomically writes the record of one completed task. */
  public void write(Entry entry) {
    AtomicFiles.write(dir.resolve(entry.key() + ".json"), CanonicalJson.prettyBytes(entry));
  }

  /** Deletes the records of keys not in {@code keep} (after a merge: the lock is the reference). */
  public int retainOnly(Set<String> keep) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String key = name.substring(0, name.length() - ".json".length());
        if (!keep.contains(key)) {
          Files.deleteIfExists(f);
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune task records in " + dir + ": " + e, e);
    }
    LOG.debug("pruned {} task record(s) not in the lock from {}", removed, dir);
    return removed;
  }
}
