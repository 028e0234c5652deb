package org.qdlaser.pipeline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock of a run directory ({@value #FILE_NAME}): every task key and every artifact's
 * SHA-256 and size. Contains no timestamps, so an unchanged rerun rewrites identical bytes.
 * Written as pretty canonical JSON.
 *
 * @param schema always {@value #SCHEMA}
 * @param study study name
 * @param manifestSha256 hex SHA-256 of the manifest file's bytes
 * @param tasks tasks by key (sorted)
 * @param artifacts all artifacts of all tasks by run-relative path (sorted); each task's
 *     artifacts must appear here with the same hash and size
 */
public record LockFile(
    String schema, String study, String manifestSha256, SortedMap<String, TaskEntry> tasks, SortedMap<String, ArtifactRef> artifacts) {
  private static final Logger LOG = LoggerFactory.getLogger(LockFile.class);
  /** Schema identifier written to and required in every lock file. */
  public static final String SCHEMA = "qdlaser/lock/v1";
  /** File name inside the run directory. */
  public static final String FILE_NAME = "lock.json";
  /** The run directory's copy of the manifest, whose SHA-256 is {@code manifestSha256}. */
  public static final String MANIFEST_FILE = "manifest.yaml";

  /**
   * One task of the run.
   *
   * @param stage stage name
   * @param stageVersion stage version
   * @param key hex SHA-256 over the task's canonical JSON
   * @param artifacts the task's output artifacts, in path order
   */
  public record TaskEntry(String stage, int stageVersion, String key, List<ArtifactRef> artifacts) {
    public TaskEntry {
      if (stage == null || stage.isBlank()) {
        throw new IllegalArgumentException("lock task " + key + ": stage must not be blank");
      }
      Hashing.requireSha256Hex(key, "key of lock task " + stage);
      if (stageVersion < 0) {
        throw new IllegalArgumentException("lock task " + stage + " " + key + ": stageVersion must be >= 0, got " + stageVersion);
      }
      Objects.requireNonNull(artifacts, "artifacts of lock task " + stage + " " + key);
      artifacts = artifacts.stream().sorted(Comparator.comparing(ArtifactRef::path)).toList();
    }
  }

  public LockFile {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("lock schema must be '" + SCHEMA + "', got " + (schema == null ? "null" : "'" + schema + "'"));
    }
    if (study == null || study.isBlank()) {
      throw new IllegalArgumentException("lock study must not be blank, got " + (study == null ? "null" : "'" + study + "'"));
    }
    Hashing.requireSha256Hex(manifestSha256, "lock manifestSha256");
    tasks = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(tasks, "lock tasks")));
    artifacts = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(artifacts, "lock artifacts")));
    for (Map.Entry<String, TaskEntry> e : tasks.entrySet()) {
      TaskEntry t = Objects.requireNonNull(e.getValue(), "lock task " + e.getKey());
      if (!e.getKey().equals(t.key())) {
        throw new IllegalArgumentException("lock task listed under key " + e.getKey() + " has key " + t.key());
      }
      for (ArtifactRef a : t.artifacts()) {
        ArtifactRef listed = artifacts.get(a.path());
        if (!a.equals(listed)) {
          throw new IllegalArgumentException(
              "lock task " + t.stage() + " " + t.key() + " artifact " + a.path() + " (sha256 " + a.sha256() + ", " + a.size()
                  + " bytes) does not match the artifacts table: " + listed);
        }
      }
    }
    for (Map.Entry<String, ArtifactRef> e : artifacts.entrySet()) {
      ArtifactRef a = Objects.requireNonNull(e.getValue(), "lock artifact " + e.getKey());
      if (!e.getKey().equals(a.path())) {
        throw new IllegalArgumentException("lock artifact listed under path " + e.getKey() + " has path " + a.path());
      }
    }
  }

  /**
   * A lock over {@code tasks}; the artifacts table is built from their artifacts.
   *
   * @throws IllegalArgumentException on duplicate task keys, or when two tasks list the same
   *     path with different content
   */
  public static LockFile of(String study, String manifestSha256, Collection<TaskEntry> tasks) {
    SortedMap<String, TaskEntry> byKey = new TreeMap<>();
    SortedMap<String, ArtifactRef> byPath = new TreeMap<>();
    for (TaskEntry t : tasks) {
      if (byKey.put(t.key(), t) != null) {
        throw new IllegalArgumentException("lock: two tasks with key " + t.key() + " (stage " + t.stage() + ")");
      }
      for (ArtifactRef a : t.artifacts()) {
        ArtifactRef previous = byPath.putIfAbsent(a.path(), a);
        if (previous != null && !previous.equals(a)) {
          throw new IllegalArgumentException("lock: artifact " + a.path() + " listed twice with different content: " + previous + " vs "
              + a);
        }
      }
    }
    return new LockFile(SCHEMA, study, manifestSha256, byKey, byPath);
  }

  /** Pretty canonical JSON bytes of this lock. */
  public byte[] toBytes() {
    return CanonicalJson.prettyBytes(this);
  }

  /** Atomically writes this lock to {@code file} (normally {@code runDir/lock.json}). */
  public void write(Path file) {
    AtomicFiles.write(file, toBytes());
    LOG.info("wrote {} ({} tasks, {} artifacts)", file, tasks.size(), artifacts.size());
  }

  /**
   * Reads and validates a lock file.
   *
   * @throws LockFileException naming the file if it is missing, unreadable, not JSON, of another
   *     schema, or inconsistent
   */
  public static LockFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LockFileException(file, "does not exist", e);
    } catch (IOException e) {
      throw new LockFileException(file, "cannot be read: " + e, e);
    }
    return parse(file, bytes);
  }

  /** Parses lock-file bytes; {@code source} names them in errors. */
  public static LockFile parse(Path source, byte[] bytes) {
    try {
      var tree = CanonicalJson.mapper().readTree(bytes);
      if (tree == null || !tree.isObject()) {
        throw new LockFileException(source, "is not a JSON object", null);
      }
      var schema = tree.get("schema");
      if (schema == null || !schema.isTextual() || !SCHEMA.equals(schema.asText())) {
        throw new LockFileException(source, "has schema " + schema + ", expected \"" + SCHEMA + "\"", null);
      }
      return CanonicalJson.mapper().treeToValue(tree, LockFile.class);
    } catch (LockFileException e) {
      throw e;
    } catch (JsonProcessingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why = root instanceof IllegalArgumentException || root instanceof NullPointerException ? root.getMessage()
          : e.getOriginalMessage();
      throw new LockFileException(source, "is malformed: " + why, e);
    } catch (IOException | RuntimeException e) {
      throw new LockFileException(source, "is malformed: " + e, e);
    }
  }
}
