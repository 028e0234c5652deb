package org.qdlaser.pipeline.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.Hashing;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.VerificationProblem;
import org.qdlaser.pipeline.store.VerificationProblem.Kind;

/**
 * The checks of {@code verify} on what a run writes beside its artifacts and the lock: the manifest
 * copy (the lock's hash), {@code provenance.json} (present, of the lock's manifest, listing every
 * locked task, and the very file its run wrote: its SHA-256 is recorded in
 * {@link RunLayout#provenanceDigestFile}) and the task records of the locked tasks (well formed,
 * listing exactly the lock's artifacts). Records of tasks the lock does not list belong to an
 * unfinished run and are not checked. While a commit is under way ({@link RunMerge.Commit}: a run
 * killed while it wrote these files) each of them may be in its old or its new version; that is a
 * warning. Stateless.
 */
public final class RunRecords {
  private RunRecords() {}

  /** Problems of provenance and task records against {@code lock}, in a fixed order. */
  public static List<VerificationProblem> check(Path runDir, LockFile lock) {
    Optional<RunMerge.Commit> pending = RunMerge.pendingCommit(runDir);
    List<VerificationProblem> problems = new ArrayList<>();
    pending.ifPresent(c -> problems.add(VerificationProblem.of(Kind.COMMIT_INTERRUPTED, runDir.relativize(RunLayout.commitFile(runDir))
        .toString(), "a run was stopped while it wrote lock.json, " + LockFile.MANIFEST_FILE + " and " + Provenance.FILE_NAME
        + "; each is its old or its new version; the next run completes the commit")));
    problems.addAll(manifest(runDir, lock, pending));
    problems.addAll(provenance(runDir, lock, pending));
    problems.addAll(records(runDir, lock));
    return problems;
  }

  private static List<VerificationProblem> manifest(Path runDir, LockFile lock, Optional<RunMerge.Commit> pending) {
    String name = LockFile.MANIFEST_FILE;
    Path m = runDir.resolve(name);
    if (Files.isSymbolicLink(m)) {
      return List.of(VerificationProblem.of(Kind.SYMLINK, name, "a symbolic link, not the run's copy"));
    }
    if (!Files.isRegularFile(m)) {
      return List.of(VerificationProblem.of(Kind.MANIFEST_MISSING, name, "the lock names manifest sha256 " + lock.manifestSha256()));
    }
    try {
      String sha = Hashing.sha256Hex(m);
      if (!sha.equals(lock.manifestSha256()) && !pending.map(c -> c.manifestSha256().equals(sha)).orElse(false)) {
        return List.of(VerificationProblem.of(Kind.MANIFEST_CHANGED, name, "sha256 " + sha + ", the lock's is " + lock.manifestSha256()));
      }
      return List.of();
    } catch (RuntimeException e) {
      return List.of(VerificationProblem.of(Kind.MANIFEST_CHANGED, name, "unreadable: " + e.getMessage()));
    }
  }

  private static List<VerificationProblem> provenance(Path runDir, LockFile lock, Optional<RunMerge.Commit> pending) {
    Path file = runDir.resolve(Provenance.FILE_NAME);
    String name = Provenance.FILE_NAME;
    if (Files.isSymbolicLink(file)) {
      return List.of(VerificationProblem.of(Kind.SYMLINK, name, "a symbolic link, not the run's provenance"));
    }
    if (!Files.isRegularFile(file)) {
      return List.of(VerificationProblem.of(Kind.PROVENANCE_MISSING, name, "every complete run writes it"));
    }
    List<VerificationProblem> problems = new ArrayList<>();
    try {
      List<String> digests = RunMerge.provenanceDigests(runDir);
      String sha = Hashing.sha256Hex(file);
      if (pending.isPresent() && pending.get().provenanceSha256().equals(sha)) {
        // the provenance of the commit under way: it describes the lock being written, not the standing one
        return problems;
      }
      if (digests.isEmpty()) {
        problems.add(VerificationProblem.of(Kind.PROVENANCE_UNSEALED, name, "no " + runDir.relativize(RunLayout.provenanceDigestFile(runDir))
            + ": its content cannot be checked"));
      } else if (!digests.contains(sha)) {
        problems.add(VerificationProblem.of(Kind.PROVENANCE_CHANGED, name, "sha256 " + sha + ", its run wrote " + digests.get(0)));
      }
      JsonNode tree = CanonicalJson.mapper().readTree(file.toFile());
      if (tree == null || !tree.isObject() || !Provenance.SCHEMA.equals(tree.path("schema").asText())) {
        problems.add(VerificationProblem.of(Kind.PROVENANCE_INCONSISTENT, name, "not a " + Provenance.SCHEMA + " object"));
        return problems;
      }
      String manifestSha = tree.path("manifestSha256").asText();
      if (!lock.manifestSha256().equals(manifestSha)) {
        problems.add(VerificationProblem.of(Kind.PROVENANCE_INCONSISTENT, name, "manifestSha256 " + manifestSha + ", the lock's is "
            + lock.manifestSha256()));
      }
      Set<String> keys = new HashSet<>();
      tree.path("tasks").forEach(t -> keys.add(t.path("key").asText()));
      Set<String> unrecorded = new TreeSet<>(lock.tasks().keySet());
      unrecorded.removeAll(keys);
      if (!unrecorded.isEmpty()) {
        problems.add(VerificationProblem.of(Kind.PROVENANCE_INCONSISTENT, name, unrecorded.size() + " locked task(s) not recorded, first "
            + lock.tasks().get(unrecorded.iterator().next()).stage() + " " + unrecorded.iterator().next()));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(VerificationProblem.of(Kind.PROVENANCE_INCONSISTENT, name, "unreadable: " + e.getMessage()));
    }
    return problems;
  }

  private static List<VerificationProblem> records(Path runDir, LockFile lock) {
    Path dir = RunLayout.journalDir(runDir);
    List<VerificationProblem> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return problems;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      return List.of(VerificationProblem.of(Kind.RECORD_CHANGED, runDir.relativize(dir).toString(), "cannot list: " + e));
    }
    files.sort(null);
    for (Path f : files) {
      String fileName = f.getFileName().toString();
      String key = fileName.substring(0, fileName.length() - ".json".length());
      LockFile.TaskEntry locked = lock.tasks().get(key);
      if (locked == null) {
        continue;
      }
      String rel = runDir.relativize(f).toString();
      if (Files.isSymbolicLink(f)) {
        problems.add(VerificationProblem.of(Kind.SYMLINK, rel, "a symbolic link, not the task's record"));
        continue;
      }
      try {
        TaskJournal.Entry e = CanonicalJson.mapper().readValue(Files.readAllBytes(f), TaskJournal.Entry.class);
        if (!key.equals(e.key()) || !key.equals(e.record().key())) {
          problems.add(VerificationProblem.of(Kind.RECORD_CHANGED, rel, "holds key " + e.key()));
        } else if (!new HashSet<>(e.artifacts()).equals(new HashSet<>(locked.artifacts()))) {
          problems.add(VerificationProblem.of(Kind.RECORD_CHANGED, rel, "lists other artifacts than the lock's task " + locked.stage()));
        } else if (!e.record().stage().equals(locked.stage()) || e.record().stageVersion() != locked.stageVersion()) {
          problems.add(VerificationProblem.of(Kind.RECORD_CHANGED, rel, "stage " + e.record().stage() + " v" + e.record().stageVersion()
              + ", the lock's is " + locked.stage() + " v" + locked.stageVersion()));
        }
      } catch (IOException | RuntimeException e) {
        problems.add(VerificationProblem.of(Kind.RECORD_CHANGED, rel, "malformed: " + e.getMessage()));
      }
    }
    return problems;
  }
}
