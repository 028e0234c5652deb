package org.qdlaser.pipeline.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read access to a run's artifacts by run-relative path ({@code fitting/CIM.json}): a run directory
 * ({@code golden check}) or the artifacts a report task holds in memory (its inputs and the files it
 * has just made), so that the report shows the same checks as {@code golden check}.
 */
public interface RunArtifacts {
  /**
   * @param path run-relative path
   * @return the artifact's bytes
   * @throws MissingArtifact when there is no such artifact
   */
  byte[] read(String path);

  /** The names (not paths) of the artifacts directly inside {@code dir}, sorted. */
  List<String> list(String dir);

  /** An artifact a check names is not there. */
  final class MissingArtifact extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingArtifact(String path, String where) {
      super("no artifact " + path + " " + where);
    }
  }

  /** The artifacts of a run directory. */
  static RunArtifacts directory(Path runDir) {
    return new RunArtifacts() {
      @Override
      public byte[] read(String path) {
        try {
          return Files.readAllBytes(runDir.resolve(path));
        } catch (NoSuchFileException e) {
          throw new MissingArtifact(path, "in " + runDir);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read run artifact " + runDir.resolve(path), e);
        }
      }

      @Override
      public List<String> list(String dir) {
        Path d = runDir.resolve(dir);
        if (!Files.isDirectory(d)) {
          return List.of();
        }
        try (var files = Files.list(d)) {
          return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + d, e);
        }
      }
    };
  }

  /** Artifacts in memory, by run-relative path (e.g. a report task's inputs and outputs). */
  static RunArtifacts of(Map<String, byte[]> artifacts) {
    Map<String, byte[]> copy = new TreeMap<>(artifacts);
    return new RunArtifacts() {
      @Override
      public byte[] read(String path) {
        byte[] b = copy.get(path);
        if (b == null) {
          throw new MissingArtifact(path, "among the report's artifacts");
        }
        return b;
      }

      @Override
      public List<String> list(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return copy.keySet().stream().filter(p -> p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0)
            .map(p -> p.substring(prefix.length())).sorted().toList();
      }
    };
  }
}
