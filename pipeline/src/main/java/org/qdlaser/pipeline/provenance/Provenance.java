package org.qdlaser.pipeline.provenance;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where, when, with what code and how a run's artifacts were made ({@value #FILE_NAME}).
 * Unlike the lock file it contains timings and host details, so it changes on every run.
 *
 * @param schema always {@value #SCHEMA}
 * @param study study name
 * @param manifestSha256 hex SHA-256 of the manifest file's bytes
 * @param qdlaserVersion qdlaser version
 * @param code the code's git commit
 * @param libraries library versions by artifact id ("unknown" when not found)
 * @param jvm JVM vendor and version
 * @param os operating system
 * @param hostname host the run executed on
 * @param availableProcessors processors available to the JVM
 * @param startedAt run start, ISO-8601 UTC
 * @param endedAt run end, ISO-8601 UTC, or null while the run is still going
 * @param seeds random seeds by name
 * @param tasks task records, in start order
 * @param execution how the run was executed: {@code executor} ({@code local} or {@code slurm}) and,
 *     for SLURM, the job ids ({@code array_job}, {@code merge_job}) and submission options
 */
public record Provenance(
    String schema,
    String study,
    String manifestSha256,
    String qdlaserVersion,
    CodeVersion code,
    SortedMap<String, String> libraries,
    Jvm jvm,
    Os os,
    String hostname,
    int availableProcessors,
    String startedAt,
    String endedAt,
    SortedMap<String, Long> seeds,
    List<TaskRecord> tasks,
    SortedMap<String, String> execution) {
  private static final Logger LOG = LoggerFactory.getLogger(Provenance.class);
  public static final String SCHEMA = "qdlaser/provenance/v1";
  /** File name inside the run directory. */
  public static final String FILE_NAME = "provenance.json";
  /** Placeholder for anything that could not be determined. */
  public static final String UNKNOWN = "unknown";

  /**
   * The code that ran.
   *
   * @param gitCommit full commit hash, or "unknown"
   * @param dirty whether the working tree had uncommitted changes; null when unknown
   * @param source where the commit came from: "git", "git.properties" or "unknown"
   */
  public record CodeVersion(String gitCommit, Boolean dirty, String source) {
    public CodeVersion {
      Objects.requireNonNull(gitCommit, "gitCommit");
      Objects.requireNonNull(source, "source of git commit");
    }

    public static CodeVersion unknown() {
      return new CodeVersion(UNKNOWN, null, UNKNOWN);
    }
  }

  /** JVM vendor and version ({@code java.vendor}, {@code java.runtime.version}). */
  public record Jvm(String vendor, String version) {
    public Jvm {
      Objects.requireNonNull(vendor, "jvm vendor");
      Objects.requireNonNull(version, "jvm version");
    }
  }

  /** Operating system ({@code os.name}, {@code os.version}, {@code os.arch}). */
  public record Os(String name, String version, String arch) {
    public Os {
      Objects.requireNonNull(name, "os name");
      Objects.requireNonNull(version, "os version");
      Objects.requireNonNull(arch, "os arch");
    }
  }

  public Provenance {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("provenance schema must be '" + SCHEMA + "', got '" + schema + "'");
    }
    if (study == null || study.isBlank()) {
      throw new IllegalArgumentException("provenance study must not be blank");
    }
    Hashing.requireSha256Hex(manifestSha256, "provenance manifestSha256");
    Objects.requireNonNull(qdlaserVersion, "qdlaserVersion");
    Objects.requireNonNull(code, "code");
    libraries = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(libraries, "libraries")));
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(hostname, "hostname");
    if (availableProcessors < 1) {
      throw new IllegalArgumentException("availableProcessors must be >= 1, got " + availableProcessors);
    }
    startedAt = Timestamps.normalize(startedAt, "provenance startedAt");
    if (endedAt != null) {
      endedAt = Timestamps.normalize(endedAt, "provenance endedAt");
    }
    seeds = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(seeds, "seeds")));
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
    execution = Collections.unmodifiableSortedMap(new TreeMap<>(execution == null ? java.util.Map.of() : execution));
  }

  /** Pretty canonical JSON bytes. */
  public byte[] toBytes() {
    return CanonicalJson.prettyBytes(this);
  }

  /** Atomically writes this provenance to {@code file} (normally {@code runDir/provenance.json}). */
  public void write(Path file) {
    AtomicFiles.write(file, toBytes());
    LOG.info("wrote {} ({} tasks, code {}{})", file, tasks.size(), code.gitCommit(), Boolean.TRUE.equals(code.dirty()) ? " dirty" : "");
  }
}
