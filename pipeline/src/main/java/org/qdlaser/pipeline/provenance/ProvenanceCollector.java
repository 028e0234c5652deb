package org.qdlaser.pipeline.provenance;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qdlaser.pipeline.store.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a run's provenance. Construct it when the run starts (this captures the start time,
 * the code's git commit and dirty flag, library versions and host details; detection never
 * fails the run), record seeds and one {@link TaskRecord} per task from any thread, then {@link
 * #write(Path)} at the end.
 */
public final class ProvenanceCollector {
  private static final Logger LOG = LoggerFactory.getLogger(ProvenanceCollector.class);
  /** Version reported when no jar manifest or pom.properties says otherwise. */
  public static final String FALLBACK_QDLASER_VERSION = "0.1.0-dev";
  /** Default limit for each git command. */
  public static final Duration DEFAULT_GIT_TIMEOUT = Duration.ofSeconds(5);

  private static final Comparator<TaskRecord> START_ORDER =
      Comparator.comparing(TaskRecord::startedAt)
          .thenComparing(TaskRecord::stage)
          .thenComparing(TaskRecord::label)
          .thenComparing(TaskRecord::key);

  private final Clock clock;
  private final String study;
  private final String manifestSha256;
  private final String qdlaserVersion;
  private final Provenance.CodeVersion code;
  private final SortedMap<String, String> libraries;
  private final Provenance.Jvm jvm;
  private final Provenance.Os os;
  private final String hostname;
  private final int availableProcessors;
  private final Instant startedAt;

  private final Object lock = new Object();
  private final SortedMap<String, Long> seeds = new TreeMap<>();
  private final List<TaskRecord> tasks = new ArrayList<>();
  private final SortedMap<String, String> execution = new TreeMap<>(Map.of("executor", TaskRecord.EXECUTOR_LOCAL));
  private Instant endedAt;

  /**
   * Starts collecting now, with the system UTC clock and {@link #DEFAULT_GIT_TIMEOUT}.
   *
   * @param study study name
   * @param manifestSha256 hex SHA-256 of the manifest file's bytes
   * @param codeDir directory inside the code's git checkout (see {@link #defaultCodeDir()}); may
   *     be null
   */
  public ProvenanceCollector(String study, String manifestSha256, Path codeDir) {
    this(study, manifestSha256, codeDir, Clock.systemUTC(), DEFAULT_GIT_TIMEOUT);
  }

  /** As {@link #ProvenanceCollector(String, String, Path)} with an explicit clock and git timeout. */
  public ProvenanceCollector(String study, String manifestSha256, Path codeDir, Clock clock, Duration gitTimeout) {
    if (study == null || study.isBlank()) {
      throw new IllegalArgumentException("provenance study must not be blank");
    }
    this.study = study;
    this.manifestSha256 = Hashing.requireSha256Hex(manifestSha256, "provenance manifestSha256");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(gitTimeout, "gitTimeout");
    this.startedAt = clock.instant();
    ClassLoader loader = ProvenanceCollector.class.getClassLoader();
    this.code = Environment.codeVersion(codeDir, gitTimeout, loader);
    this.libraries = Environment.libraryVersions(loader);
    this.qdlaserVersion = Environment.qdlaserVersion(loader, FALLBACK_QDLASER_VERSION);
    this.jvm = new Provenance.Jvm(Environment.property("java.vendor"), Environment.property("java.runtime.version"));
    this.os = new Provenance.Os(Environment.property("os.name"), Environment.property("os.version"), Environment.property("os.arch"));
    this.hostname = Environment.hostname();
    this.availableProcessors = Math.max(1, Runtime.getRuntime().availableProcessors());
    LOG.info("qdlaser {} at commit {}{} on {}", qdlaserVersion, code.gitCommit(), Boolean.TRUE.equals(code.dirty()) ? " (dirty)" : "",
        hostname);
    LOG.debug("commit source {}, libraries {}", code.source(), libraries);
  }

  /**
   * A directory inside the code's checkout: where these classes (or the jar) were loaded from,
   * or the working directory if that is unknown.
   */
  public static Path defaultCodeDir() {
    try {
      CodeSource source = ProvenanceCollector.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        Path p = Path.of(source.getLocation().toURI());
        return Files.isDirectory(p) ? p : p.getParent();
      }
    } catch (URISyntaxException | RuntimeException e) {
      LOG.debug("code location unknown: {}", e.toString());
    }
    return Path.of("").toAbsolutePath();
  }

  /** When the run started (construction time). */
  public Instant startedAt() {
    return startedAt;
  }

  /** This host's name, for {@link TaskRecord#host()}. */
  public String hostname() {
    return hostname;
  }

  /** The detected code version. */
  public Provenance.CodeVersion code() {
    return code;
  }

  /** The current instant of this collector's clock. */
  public Instant now() {
    return clock.instant();
  }

  /** Records a random seed (replacing an earlier one of the same name). Thread-safe. */
  public void seed(String name, long value) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("seed name must not be blank");
    }
    synchronized (lock) {
      seeds.put(name, value);
    }
  }

  /** Records several seeds, see {@link #seed(String, long)}. */
  public void seeds(Map<String, Long> values) {
    values.forEach((k, v) -> seed(k, Objects.requireNonNull(v, "seed " + k)));
  }

  /**
   * Records how the run is executed (replacing earlier values of the same names), e.g.
   * {@code executor=slurm}, {@code array_job=123}. Thread-safe.
   */
  public void execution(Map<String, String> values) {
    synchronized (lock) {
      values.forEach((k, v) -> execution.put(Objects.requireNonNull(k, "execution key"), Objects.requireNonNull(v, "execution " + k)));
    }
  }

  /** Records one task. Thread-safe. */
  public TaskRecord recordTask(TaskRecord record) {
    Objects.requireNonNull(record, "task record");
    synchronized (lock) {
      tasks.add(record);
    }
    LOG.debug("task {}/{} {}: {} ({} s)", record.stage(), record.label(), record.status(), record.reason(), record.wallSeconds());
    return record;
  }

  /** Records one task run on this host; wall time is {@code end - start}. Thread-safe. */
  public TaskRecord recordTask(
      String key, String stage, int stageVersion, String label, TaskRecord.Status status, String reason, Instant start, Instant end) {
    return recordTask(TaskRecord.of(key, stage, stageVersion, label, status, reason, start, end, hostname));
  }

  /** Marks the end of the run (first call only) and returns the provenance. Thread-safe. */
  public Provenance finish() {
    synchronized (lock) {
      if (endedAt == null) {
        endedAt = clock.instant();
      }
    }
    return snapshot();
  }

  /** The provenance so far ({@code endedAt} null until {@link #finish()}); tasks in start order. */
  public Provenance snapshot() {
    synchronized (lock) {
      List<TaskRecord> ordered = new ArrayList<>(tasks);
      ordered.sort(START_ORDER);
      return new Provenance(
          Provenance.SCHEMA,
          study,
          manifestSha256,
          qdlaserVersion,
          code,
          libraries,
          jvm,
          os,
          hostname,
          availableProcessors,
          Timestamps.format(startedAt),
          endedAt == null ? null : Timestamps.format(endedAt),
          seeds,
          ordered,
          execution);
    }
  }

  /** {@link #finish()}es the run and atomically writes pretty canonical JSON to {@code file}. */
  public Provenance write(Path file) {
    Provenance p = finish();
    p.write(file);
    return p;
  }
}
