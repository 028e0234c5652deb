package org.qdlaser.pipeline.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.AtomicFiles;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.pipeline.store.LockFileException;
import org.qdlaser.pipeline.store.RunVerifier;
import org.qdlaser.pipeline.store.VerificationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packs a verified run directory into one zip file: every file of the directory at the zip root
 * (same relative paths) plus {@value RoCrate#FILE_NAME} describing them (RO-Crate 1.1).
 *
 * <p>Refuses (with {@link ArchiveRefusedException}, nothing written) a run that does not verify
 * against its lock file, whose {@code manifest.yaml} does not match the lock's manifest hash,
 * whose {@code provenance.json} is missing or not JSON, that contains symbolic links or already
 * a {@value RoCrate#FILE_NAME}, or whose files change while being archived.
 *
 * <p>Deterministic: entries sorted by path, no directory entries, no extra fields, every entry
 * stamped with the run's end time from the provenance (UTC wall-clock time as the zip's local
 * time; else its start; else the DOS epoch 1980-01-01), DEFLATE at the default level. The same
 * run archived twice with the same JVM gives byte-identical files; another zlib may compress
 * differently (the entries' contents and the crate are the same). Stateless and thread-safe.
 */
public final class RunArchiver {
  private static final Logger LOG = LoggerFactory.getLogger(RunArchiver.class);
  /** Entry time when the provenance records none: the earliest zip (DOS) time. */
  static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);
  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * Verifies {@code runDir} and writes its archive atomically to {@code target} (replacing an
   * existing file).
   *
   * @param runDir the run directory ({@code runs/<study>/}); must exist
   * @param target the archive file; must not lie inside {@code runDir}
   * @return the archive's path, SHA-256 and size
   * @throws ArchiveRefusedException naming every problem if the run cannot be archived
   * @throws IllegalArgumentException if {@code runDir} is not a directory or {@code target} lies
   *     inside it
   * @throws UncheckedIOException naming the file on an I/O failure (no archive is left)
   */
  public ArchiveResult archive(Path runDir, Path target) {
    Path dir = runDir.toAbsolutePath().normalize();
    Path archiveFile = target.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run directory " + runDir + " is not a directory");
    }
    if (archiveFile.startsWith(dir)) {
      throw new IllegalArgumentException("archive " + target + " lies inside the run directory " + runDir
          + "; it would archive itself");
    }

    List<String> problems = new ArrayList<>();
    for (VerificationProblem p : new RunVerifier().verify(dir)) {
      problems.add(p.message());
    }
    if (!problems.isEmpty()) {
      throw refused(runDir, problems);
    }
    LockFile lock;
    try {
      lock = LockFile.read(dir.resolve(LockFile.FILE_NAME));
    } catch (LockFileException e) {
      // The verifier read it a moment ago: it changed since.
      throw refused(runDir, List.of(LockFile.FILE_NAME + ": UNREADABLE (" + e.getMessage() + ")"));
    }

    Map<String, ArchivedFile> files = hashAll(dir, problems);
    checkAgainstLock(lock, files, problems);
    JsonNode provenance = readProvenance(dir, problems);
    if (!problems.isEmpty()) {
      throw refused(runDir, problems);
    }
    JsonNode manifest = readManifest(dir);

    byte[] crate = RoCrate.bytes(new RoCrate.Run(lock, provenance, manifest, List.copyOf(files.values())));
    LocalDateTime entryTime = entryTime(provenance);
    MessageDigest archiveDigest = sha256();
    long[] archiveSize = {0};
    AtomicFiles.write(archiveFile, stream -> {
      OutputStream counting = new FilterOutputStream(new DigestOutputStream(stream, archiveDigest)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          archiveSize[0] += len;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          archiveSize[0]++;
        }
      };
      writeZip(dir, files, crate, entryTime, counting);
    });
    String sha = HexFormat.of().formatHex(archiveDigest.digest());
    LOG.info("archived {} ({} files + {}) to {}: {} bytes, sha256 {}", dir, files.size(), RoCrate.FILE_NAME, archiveFile, archiveSize[0],
        sha);
    return new ArchiveResult(archiveFile, sha, archiveSize[0], files.size());
  }

  /** Every regular file of the run directory by relative path (sorted), hashed. */
  private static Map<String, ArchivedFile> hashAll(Path dir, List<String> problems) {
    Map<String, ArchivedFile> files = new TreeMap<>();
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list run directory " + dir + ": " + e.getMessage(),
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
    for (Path p : paths) {
      String rel = relative(dir, p);
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      String name = p.getFileName().toString();
      if (name.startsWith(".") && name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
        // Left by an interrupted atomic write: never part of the run.
        LOG.info("archive {}: skipping in-flight temp file {}", dir, rel);
        continue;
      }
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(rel + ": NOT_A_FILE (symbolic link or special file; the archive holds regular files only)");
        continue;
      }
      if (rel.equals(RoCrate.FILE_NAME)) {
        problems.add(rel + ": CONFLICT (the run directory already has a file of this name; the archive writes its own)");
        continue;
      }
      try {
        ArtifactRef.checkRelativePath(rel);
      } catch (IllegalArgumentException e) {
        problems.add(rel + ": BAD_NAME (" + e.getMessage() + ")");
        continue;
      }
      try (InputStream in = Files.newInputStream(p)) {
        MessageDigest md = sha256();
        long size = copy(in, md, null);
        files.put(rel, new ArchivedFile(rel, size, HexFormat.of().formatHex(md.digest())));
      } catch (NoSuchFileException e) {
        problems.add(rel + ": MISSING (deleted while archiving)");
      } catch (IOException e) {
        problems.add(rel + ": UNREADABLE (" + e + ")");
      }
    }
    return files;
  }

  /** The lock's artifacts and manifest hash against what was just hashed (catches changes since verification). */
  private static void checkAgainstLock(LockFile lock, Map<String, ArchivedFile> files, List<String> problems) {
    for (ArtifactRef a : lock.artifacts().values()) {
      ArchivedFile f = files.get(a.path());
      if (f == null) {
        problems.add(a.path() + ": MISSING (listed in lock.json with sha256 " + a.sha256() + ")");
      } else if (f.size() != a.size() || !f.sha256().equals(a.sha256())) {
        problems.add(a.path() + ": CHANGED (expected sha256 " + a.sha256() + ", " + a.size() + " bytes; found sha256 "
            + f.sha256() + ", " + f.size() + " bytes)");
      }
    }
    ArchivedFile manifest = files.get(RoCrate.MANIFEST);
    if (manifest == null) {
      problems.add(RoCrate.MANIFEST + ": MISSING (the run's copy of its manifest; lock.json records sha256 " + lock.manifestSha256() + ")");
    } else if (!manifest.sha256().equals(lock.manifestSha256())) {
      problems.add(RoCrate.MANIFEST + ": CHANGED (lock.json records manifest sha256 " + lock.manifestSha256() + "; found sha256 "
          + manifest.sha256() + ")");
    }
  }

  private static JsonNode readProvenance(Path dir, List<String> problems) {
    Path file = dir.resolve(RoCrate.PROVENANCE);
    try {
      JsonNode tree = CanonicalJson.mapper().readTree(Files.readAllBytes(file));
      if (tree == null || !tree.isObject()) {
        problems.add(RoCrate.PROVENANCE + ": UNREADABLE (not a JSON object)");
        return null;
      }
      return tree;
    } catch (NoSuchFileException e) {
      problems.add(RoCrate.PROVENANCE + ": MISSING (was the run completed?)");
    } catch (IOException e) {
      problems.add(RoCrate.PROVENANCE + ": UNREADABLE (" + e.getMessage() + ")");
    }
    return null;
  }

  /** The manifest as a tree for the crate's description and parameters; null (logged) if unparseable. */
  private static JsonNode readManifest(Path dir) {
    Path file = dir.resolve(RoCrate.MANIFEST);
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      LOG.warn("archive {}: {} is not readable YAML, the crate omits the study's description and parameters: {}", dir,
          RoCrate.MANIFEST, e.getMessage());
      return null;
    }
  }

  /** The run's end (else start) in UTC, to the second; the DOS epoch if the provenance has neither. */
  static LocalDateTime entryTime(JsonNode provenance) {
    for (String field : new String[] {"endedAt", "startedAt"}) {
      JsonNode v = provenance.get(field);
      if (v != null && v.isTextual()) {
        try {
          LocalDateTime t = LocalDateTime.ofInstant(Instant.parse(v.asText()), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
          // DOS time covers 1980-2107; outside it ZipEntry would add a time-zone dependent extra field.
          if (t.getYear() >= 1980 && t.getYear() <= 2107) {
            return t;
          }
        } catch (RuntimeException e) {
          LOG.debug("provenance {} '{}' is not an ISO-8601 instant: {}", field, v.asText(), e.toString());
        }
      }
    }
    return DOS_EPOCH;
  }

  private static void writeZip(Path dir, Map<String, ArchivedFile> files, byte[] crate, LocalDateTime time, OutputStream out)
      throws IOException {
    Map<String, ArchivedFile> entries = new TreeMap<>(files);
    entries.put(RoCrate.FILE_NAME, null);
    ZipOutputStream zip = new ZipOutputStream(out);
    for (Map.Entry<String, ArchivedFile> e : entries.entrySet()) {
      ZipEntry entry = new ZipEntry(e.getKey());
      // setTimeLocal stores the DOS date-time as given; setTime would convert with the default time zone.
      entry.setTimeLocal(time);
      zip.putNextEntry(entry);
      ArchivedFile expected = e.getValue();
      if (expected == null) {
        zip.write(crate);
      } else {
        MessageDigest md = sha256();
        long size;
        try (InputStream in = Files.newInputStream(dir.resolve(expected.path()))) {
          size = copy(in, md, zip);
        }
        String sha = HexFormat.of().formatHex(md.digest());
        if (size != expected.size() || !sha.equals(expected.sha256())) {
          throw refused(dir, List.of(expected.path() + ": CHANGED while archiving (hashed sha256 " + expected.sha256() + ", "
              + expected.size() + " bytes; then read sha256 " + sha + ", " + size + " bytes)"));
        }
      }
      zip.closeEntry();
    }
    zip.finish();
  }

  /** Copies {@code in} to {@code out} (if not null) while digesting; returns the byte count. */
  private static long copy(InputStream in, MessageDigest md, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long total = 0;
    try (DigestInputStream din = new DigestInputStream(in, md)) {
      int n;
      while ((n = din.read(buffer)) > 0) {
        if (out != null) {
          out.write(buffer, 0, n);
        }
        total += n;
      }
    }
    return total;
  }

  private static String relative(Path dir, Path p) {
    StringBuilder sb = new StringBuilder();
    for (Path part : dir.relativize(p)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  private static ArchiveRefusedException refused(Path runDir, List<String> problems) {
    LOG.info("archive of {} refused: {} problem(s)", runDir, problems.size());
    return new ArchiveRefusedException(runDir, problems);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
