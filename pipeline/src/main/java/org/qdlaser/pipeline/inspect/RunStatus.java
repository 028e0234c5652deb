package org.qdlaser.pipeline.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.qdlaser.pipeline.exec.RunLayout;
import org.qdlaser.pipeline.exec.RunMerge;
import org.qdlaser.pipeline.exec.TaskJournal;
import org.qdlaser.pipeline.exec.TaskRunner;
import org.qdlaser.pipeline.plan.TaskSpec;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.ArtifactStore;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.LockFileException;

/**
 * What a run of a plan in a run directory would do, and why, without running anything (as {@code
 * dvc status} and {@code snakemake --summary}): per task {@link State#UP_TO_DATE up to date} (its
 * key is in the lock or the task journal and its artifacts verify: it would be reused), {@link
 * State#STALE stale} (it ran here before, but would run again) or {@link State#MISSING missing}
 * (never computed here). A stale task's reasons are the differences between what its key was
 * hashed from last time (kept in its journal record) and now: stage version, parameters by field
 * path with old and new values, input artifacts; or an upstream task that is itself not up to
 * date; or its artifacts that no longer verify.
 */
public final class RunStatus {
  /** A task's state. */
  public enum State {
    UP_TO_DATE("up-to-date"),
    STALE("stale"),
    MISSING("missing");

    private final String text;

    State(String text) {
      this.text = text;
    }

    /** As printed and in JSON: {@code up-to-date}, {@code stale}, {@code missing}. */
    public String text() {
      return text;
    }
  }

  /** Kinds of reasons. */
  public enum ReasonKind {
    /** A parameter hashed into the key changed ({@code path}, {@code old}, {@code new}). */
    PARAMETER,
    /** The stage's version changed. */
    STAGE_VERSION,
    /** An input artifact changed, appeared or disappeared ({@code path}: the artifact). */
    INPUT,
    /** An upstream task is not up to date ({@code path}: its id), so its artifacts are unknown. */
    UPSTREAM,
    /** An artifact of the task is missing or its checksum changed. */
    ARTIFACT,
    /** The task key changed but the record of what it was hashed from predates keeping it. */
    KEY,
    /** The task has no record in this run directory. */
    NEVER_COMPUTED
  }

  /**
   * One reason.
   *
   * @param kind what changed
   * @param path field path (parameters), artifact path (inputs, artifacts) or task id (upstream)
   * @param oldValue old value as shown, or null
   * @param newValue new value as shown, or null
   * @param manifestField the manifest field this change comes from, when one changed the same way; or null
   * @param text the reason in words
   */
  public record Reason(ReasonKind kind, String path, String oldValue, String newValue, String manifestField, String text) {}

  /**
   * One task.
   *
   * @param id {@code stage/label}
   * @param stage stage name
   * @param stageVersion the stage version a run would use
   * @param key the key a run would compute, or null when an upstream task is not up to date
   * @param state its state
   * @param reasons why it is stale or missing (empty when up to date)
   */
  public record TaskState(String id, String stage, int stageVersion, String key, State state, List<Reason> reasons) {
    public TaskState {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The status of a plan in a run directory.
   *
   * @param runDir the run directory
   * @param lock which lock the reuse would come from: {@code lock.json}, the one an unfinished run
   *     set aside, or null (none)
   * @param manifestChanges changes from the run directory's {@code manifest.yaml} to this manifest
   * @param tasks every task of the plan, in plan order
   */
  public record Report(Path runDir, String lock, List<JsonDiff.Change> manifestChanges, List<TaskState> tasks) {
    public Report {
      manifestChanges = List.copyOf(manifestChanges);
      tasks = List.copyOf(tasks);
    }

    /** Number of tasks in {@code state}. */
    public long count(State state) {
      return tasks.stream().filter(t -> t.state() == state).count();
    }

    /** Whether a run would reuse every task. */
    public boolean upToDate() {
      return count(State.UP_TO_DATE) == tasks.size();
    }
  }

  private RunStatus() {}

  /**
   * The status of {@code plan} (in dependency order) in {@code runDir}.
   *
   * @param manifest the manifest's parsed YAML (for the manifest changes), or null
   */
  public static Report of(List<TaskSpec> plan, Path runDir, JsonNode manifest) {
    Objects.requireNonNull(plan, "plan");
    ReuseLock reuse = ReuseLock.of(runDir);
    Walk walk = new Walk(reuse.lock(), TaskJournal.of(runDir).all(), manifestChanges(runDir, manifest),
        new ArtifactStore(runDir));
    List<TaskState> out = new ArrayList<>();
    for (TaskSpec spec : plan) {
      out.add(walk.next(spec));
    }
    return new Report(runDir, reuse.name(), walk.manifestChanges, out);
  }

  /**
   * The lock a run would reuse from: {@code lock.json} if it reads, else the one an unfinished run
   * set aside; {@code name} is its path relative to the run directory, both null when there is none.
   */
  private record ReuseLock(LockFile lock, String name) {
    static ReuseLock of(Path runDir) {
      Path lockPath = runDir.resolve(LockFile.FILE_NAME);
      if (Files.exists(lockPath)) {
        try {
          return new ReuseLock(LockFile.read(lockPath), LockFile.FILE_NAME);
        } catch (LockFileException e) {
          // unreadable: as if absent
        }
      }
      LockFile previous = RunMerge.previousLock(runDir);
      return new ReuseLock(previous,
          previous == null ? null : runDir.relativize(RunLayout.previousLockFile(runDir)).toString());
    }
  }

  /** The walk through a plan in dependency order: what is known of each task so far. */
  private static final class Walk {
    private final LockFile lock;
    private final Map<String, TaskJournal.Entry> journalByKey = new HashMap<>();
    private final Map<String, List<TaskJournal.Entry>> journalById = new HashMap<>();
    private final List<JsonDiff.Change> manifestChanges;
    private final ArtifactStore store;
    private final Map<String, List<ArtifactRef>> artifactsOf = new HashMap<>();
    private final Map<String, State> stateOf = new HashMap<>();

    Walk(LockFile lock, List<TaskJournal.Entry> journal, List<JsonDiff.Change> manifestChanges, ArtifactStore store) {
      this.lock = lock;
      for (TaskJournal.Entry e : journal) {
        journalByKey.put(e.key(), e);
        journalById.computeIfAbsent(e.taskId(), k -> new ArrayList<>()).add(e);
      }
      this.manifestChanges = manifestChanges;
      this.store = store;
    }

    /** The state of the next task of the plan (its upstream tasks come before it). */
    TaskState next(TaskSpec spec) {
      TaskJournal.Entry previous = previousRecord(journalById.get(spec.id()), lock);
      Map<String, String> inputs = new TreeMap<>();
      boolean upstreamReady = collectInputs(spec, inputs);
      TaskState t = upstreamReady ? withKey(spec, previous, inputs) : blocked(spec, previous);
      stateOf.put(spec.id(), t.state());
      return t;
    }

    /** Fills {@code inputs} with the artifacts of the upstream tasks; false if one is not up to date. */
    private boolean collectInputs(TaskSpec spec, Map<String, String> inputs) {
      boolean ready = true;
      for (String d : spec.dependsOn()) {
        State s = stateOf.get(d);
        if (s == null) {
          throw new IllegalArgumentException("task " + spec.id() + " depends on unknown or later task " + d);
        }
        if (s != State.UP_TO_DATE) {
          ready = false;
        } else {
          for (ArtifactRef a : artifactsOf.get(d)) {
            inputs.put(a.path(), a.sha256());
          }
        }
      }
      return ready;
    }

    /** Upstream up to date: the key is known; reused if recorded and its artifacts verify. */
    private TaskState withKey(TaskSpec spec, TaskJournal.Entry previous, Map<String, String> inputs) {
      List<Reason> reasons = new ArrayList<>();
      Map<String, Object> hashed = TaskRunner.hashed(spec, inputs);
      String key = CanonicalJson.sha256(hashed);
      List<ArtifactRef> artifacts = lock != null && lock.tasks().containsKey(key) ? lock.tasks().get(key).artifacts() : null;
      if (artifacts == null && journalByKey.containsKey(key)) {
        artifacts = journalByKey.get(key).artifacts();
      }
      State state;
      if (artifacts != null) {
        String bad = artifacts.stream().filter(a -> !store.verifies(a)).map(ArtifactRef::path).findFirst().orElse(null);
        if (bad == null) {
          artifactsOf.put(spec.id(), artifacts);
          return new TaskState(spec.id(), spec.stage(), spec.stageVersion(), key, State.UP_TO_DATE, List.of());
        }
        reasons.add(new Reason(ReasonKind.ARTIFACT, bad, null, null, null,
            "artifact " + bad + " is missing or its checksum changed"));
        state = State.STALE;
      } else if (previous == null) {
        state = State.MISSING;
      } else {
        state = State.STALE;
        reasons.addAll(differences(previous, spec, hashed, manifestChanges, true));
      }
      return finish(spec, key, state, reasons);
    }

    /** An upstream task is not up to date: the key is unknown; the reasons name the upstream tasks. */
    private TaskState blocked(TaskSpec spec, TaskJournal.Entry previous) {
      List<Reason> reasons = new ArrayList<>();
      State state = previous == null ? State.MISSING : State.STALE;
      for (String d : spec.dependsOn()) {
        State s = stateOf.get(d);
        if (s != State.UP_TO_DATE) {
          reasons.add(new Reason(ReasonKind.UPSTREAM, d, null, null, null, "upstream " + d + " is " + s.text()));
        }
      }
      if (previous != null) {
        reasons.addAll(differences(previous, spec, TaskRunner.hashed(spec, Map.of()), manifestChanges, false));
      }
      return finish(spec, null, state, reasons);
    }

    private static TaskState finish(TaskSpec spec, String key, State state, List<Reason> reasons) {
      if (state == State.MISSING) {
        reasons.add(0, new Reason(ReasonKind.NEVER_COMPUTED, null, null, null, null, "never computed in this run directory"));
      }
      return new TaskState(spec.id(), spec.stage(), spec.stageVersion(), key, state, reasons);
    }
  }

  /** The task's last record here: the one in the lock if any, else the latest. */
  private static TaskJournal.Entry previousRecord(List<TaskJournal.Entry> records, LockFile lock) {
    if (records == null || records.isEmpty()) {
      return null;
    }
    for (TaskJournal.Entry e : records) {
      if (lock != null && lock.tasks().containsKey(e.key())) {
        return e;
      }
    }
    return records.stream().max(Comparator.comparing(e -> e.record().endedAt())).orElseThrow();
  }

  /**
   * Why the key differs from the previous record's.
   *
   * @param withInputs whether {@code now} holds the real inputs (false when upstream is not ready)
   */
  private static List<Reason> differences(TaskJournal.Entry previous, TaskSpec spec, Map<String, Object> now,
      List<JsonDiff.Change> manifestChanges, boolean withInputs) {
    List<Reason> reasons = new ArrayList<>();
    int oldVersion = previous.record().stageVersion();
    if (oldVersion != spec.stageVersion()) {
      reasons.add(new Reason(ReasonKind.STAGE_VERSION, "stage_version", Integer.toString(oldVersion),
          Integer.toString(spec.stageVersion()), null, "stage " + spec.stage() + " version " + oldVersion + " -> " + spec.stageVersion()));
    }
    if (previous.hashed() == null) {
      if (withInputs && reasons.isEmpty()) {
        reasons.add(new Reason(ReasonKind.KEY, null, null, null, null,
            "task key changed; its record predates keeping what keys are hashed from (the next run records it)"));
      }
      return reasons;
    }
    JsonNode before = CanonicalJson.mapper().valueToTree(previous.hashed());
    JsonNode after = CanonicalJson.mapper().valueToTree(now);
    for (JsonDiff.Change c : JsonDiff.diff(before.get("parameters"), after.get("parameters"))) {
      String path = "parameters." + c.path();
      String field = manifestField(c, manifestChanges);
      reasons.add(new Reason(ReasonKind.PARAMETER, path, c.oldValue(), c.newValue(), field,
          "parameter " + path + ": " + c.oldValue() + " -> " + c.newValue() + (field == null ? "" : " (manifest field " + field + ")")));
    }
    if (withInputs) {
      JsonNode oldInputs = before.get("inputs");
      JsonNode newInputs = after.get("inputs");
      Map<String, String[]> changed = new LinkedHashMap<>();
      java.util.TreeSet<String> paths = new java.util.TreeSet<>();
      oldInputs.fieldNames().forEachRemaining(paths::add);
      newInputs.fieldNames().forEachRemaining(paths::add);
      for (String p : paths) {
        String o = oldInputs.has(p) ? oldInputs.get(p).asText() : null;
        String n = newInputs.has(p) ? newInputs.get(p).asText() : null;
        if (!Objects.equals(o, n)) {
          changed.put(p, new String[] {o, n});
        }
      }
      changed.forEach((p, on) -> {
        String text = on[0] == null ? "input " + p + " is new"
            : on[1] == null ? "input " + p + " is no longer used"
            : "input " + p + " changed (sha256 " + shortHash(on[0]) + " -> " + shortHash(on[1]) + ")";
        reasons.add(new Reason(ReasonKind.INPUT, p, on[0], on[1], null, text));
      });
    }
    if (reasons.isEmpty() && withInputs) {
      reasons.add(new Reason(ReasonKind.KEY, null, null, null, null, "task key changed (label or key layout)"));
    }
    return reasons;
  }

  /** The manifest field that changed the same way (same old and new values), if exactly one did. */
  private static String manifestField(JsonDiff.Change c, List<JsonDiff.Change> manifestChanges) {
    List<String> hits = new ArrayList<>();
    for (JsonDiff.Change m : manifestChanges) {
      if (sameShown(m.oldValue(), c.oldValue()) && sameShown(m.newValue(), c.newValue())) {
        hits.add(m.path());
      }
    }
    return hits.size() == 1 ? hits.get(0) : null;
  }

  private static boolean sameShown(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String shortHash(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  private static List<JsonDiff.Change> manifestChanges(Path runDir, JsonNode manifest) {
    Path old = runDir.resolve("manifest.yaml");
    if (manifest == null || !Files.isRegularFile(old)) {
      return List.of();
    }
    try {
      JsonNode before = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .readTree(old.toFile());
      return JsonDiff.diff(before, manifest);
    } catch (java.io.IOException e) {
      return List.of(new JsonDiff.Change("(document)", "(unreadable: " + e.getMessage() + ")", "(this manifest)"));
    }
  }

  /** Lower-case name of a state for messages. */
  static String lower(State s) {
    return s.text().toLowerCase(Locale.ROOT);
  }
}
