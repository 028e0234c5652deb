package org.qdlaser.pipeline.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qdlaser.pipeline.exec.ExecutionFailure;
import org.qdlaser.pipeline.plan.PlannedTask;
import org.qdlaser.pipeline.plan.ReportContext;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;

/**
 * The plan of a sharded run ({@code .qdlaser/plan.json}), canonical JSON: every task spec plus
 * what a shard or the merge needs to rebuild the same tasks from the manifest copy in the run
 * directory. Actions are code, so they are not serialised: {@link #replan} parses the manifest
 * again, plans it with the stored report context and checks that every task spec is identical
 * (a different qdlaser version fails loudly instead of computing something else).
 *
 * @param schema {@value #SCHEMA}
 * @param study study name
 * @param manifestSha256 SHA-256 of {@code manifest.yaml} in the run directory
 * @param runId identifies this run: task records with this id were computed by this run
 * @param force whether tasks from earlier runs must be recomputed
 * @param codeIdentity the report's code identity (from the submitting host)
 * @param environment the report's environment facts (from the submitting host)
 * @param tasks the task specs in plan (topological) order
 * @param jarSha256 SHA-256 of the jar the jobs run (null if unknown): shards and merge refuse another
 */
public record PlanFile(String schema, String study, String manifestSha256, String runId, boolean force, String codeIdentity,
    SortedMap<String, String> environment, List<TaskSpec> tasks, String jarSha256) {
  public static final String SCHEMA = "qdlaser/plan/v1";
  /** The manifest copy inside the run directory. */
  public static final String MANIFEST = "manifest.yaml";

  public PlanFile {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("plan schema must be '" + SCHEMA + "', got '" + schema + "'");
    }
    Objects.requireNonNull(study, "plan study");
    Hashing.requireSha256Hex(manifestSha256, "plan manifestSha256");
    Objects.requireNonNull(runId, "plan runId");
    Objects.requireNonNull(codeIdentity, "plan codeIdentity");
    environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    tasks = List.copyOf(tasks);
  }

  public static PlanFile of(String study, String manifestSha256, String runId, boolean force, ReportContext context,
      List<PlannedTask> plan, String jarSha256) {
    return new PlanFile(SCHEMA, study, manifestSha256, runId, force, context.codeIdentity(), new TreeMap<>(context.environment()),
        plan.stream().map(PlannedTask::spec).toList(), jarSha256);
  }

  /** The jar this process runs from, if it runs from a jar. */
  public static Optional<Path> runningJar() {
    try {
      var source = PlanFile.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        Path p = Path.of(source.getLocation().toURI());
        if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
          return Optional.of(p.toAbsolutePath().normalize());
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // unknown code location: no jar
    }
    return Optional.empty();
  }

  /**
   * Fails if this process runs from a jar other than the one the plan was submitted with (the jar
   * was rebuilt or replaced while jobs were queued).
   */
  public void checkSameJar() {
    if (jarSha256 == null) {
      return;
    }
    Optional<Path> jar = runningJar();
    if (jar.isPresent()) {
      String sha = Hashing.sha256Hex(jar.get());
      if (!sha.equals(jarSha256)) {
        throw new ExecutionFailure("jar " + jar.get() + " changed since submission (sha256 " + sha + ", plan says " + jarSha256
            + "): do not rebuild the jar while jobs are queued; resubmit with qdlaser run");
      }
    }
  }

  public ReportContext reportContext() {
    return new ReportContext(codeIdentity, environment);
  }

  public byte[] toBytes() {
    return CanonicalJson.prettyBytes(this);
  }

  /** Atomically writes the plan; returns the SHA-256 of the bytes written. */
  public String write(Path file) {
    byte[] b = toBytes();
    AtomicFiles.write(file, b);
    return Hashing.sha256Hex(b);
  }

  /**
   * Reads a plan file.
   *
   * @throws NoSuchFileException if it does not exist
   * @throws ExecutionFailure naming the file if it is not a valid plan
   */
  public static PlanFile read(Path file) throws NoSuchFileException {
    try {
      return CanonicalJson.mapper().readValue(Files.readAllBytes(file), PlanFile.class);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ExecutionFailure("plan " + file + " is not a valid " + SCHEMA + " file: " + e.getMessage(), e);
    }
  }

  /** Plans a study from its manifest (the manifest layer's StudyPlanner::plan). */
  @FunctionalInterface
  public interface Planner {
    List<PlannedTask> plan(String manifestYaml, ReportContext context);
  }

  /**
   * Rebuilds the planned tasks (with their actions) from the manifest copy in {@code runDir}.
   *
   * @throws ExecutionFailure if the manifest changed or this code plans different tasks
   */
  public List<PlannedTask> replan(Path runDir, Planner planner) {
    Path manifest = runDir.resolve(MANIFEST);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifest copy " + manifest + ": " + e, e);
    }
    String sha = Hashing.sha256Hex(bytes);
    if (!sha.equals(manifestSha256)) {
      throw new ExecutionFailure("manifest " + manifest + " changed since the plan was written (sha256 " + sha + ", plan says "
          + manifestSha256 + "); resubmit with qdlaser run");
    }
    List<PlannedTask> plan = planner.plan(new String(bytes, StandardCharsets.UTF_8), reportContext());
    List<String> mine = new ArrayList<>();
    plan.forEach(t -> mine.add(CanonicalJson.string(t.spec())));
    for (int i = 0; i < Math.max(plan.size(), tasks.size()); i++) {
      String planned = i < tasks.size() ? CanonicalJson.string(tasks.get(i)) : "(none)";
      String here = i < mine.size() ? mine.get(i) : "(none)";
      if (!planned.equals(here)) {
        String id = i < tasks.size() ? tasks.get(i).id() : plan.get(i).spec().id();
        throw new ExecutionFailure("this qdlaser plans task " + id + " differently from the plan in " + runDir
            + " (another qdlaser version?): plan " + planned + ", here " + here + "; resubmit with qdlaser run");
      }
    }
    return plan;
  }
}
