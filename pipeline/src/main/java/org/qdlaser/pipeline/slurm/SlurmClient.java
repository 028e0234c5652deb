package org.qdlaser.pipeline.slurm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.qdlaser.pipeline.exec.ExecutionFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLURM commands qdlaser uses: {@code sbatch}, {@code squeue}, {@code scontrol},
 * {@code scancel}, called as processes (no Java SLURM library: the CLI is the stable interface
 * on every cluster). Each call is bounded by a timeout.
 */
public class SlurmClient {
  private static final Logger LOG = LoggerFactory.getLogger(SlurmClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** A command's exit code and output. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Whether {@code command} is an executable file on PATH. */
  public static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Submits a batch script; returns the job id ({@code sbatch --parsable}).
   *
   * @throws ExecutionFailure with sbatch's message if it fails
   */
  public String submit(Path script, List<String> options) {
    List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
    cmd.addAll(options);
    cmd.add(script.toString());
    Result r = run(cmd);
    if (r.exitCode() != 0) {
      throw new ExecutionFailure("sbatch failed for " + script + " (exit " + r.exitCode() + "): " + r.stderr().strip());
    }
    String id = r.stdout().strip().split(";", 2)[0];
    if (!id.matches("\\d+")) {
      throw new ExecutionFailure("sbatch printed no job id for " + script + ": '" + r.stdout().strip() + "'");
    }
    return id;
  }

  /**
   * The queued or running jobs among {@code jobIds} (array tasks one per line): job id (e.g.
   * {@code 12_3}) to state ({@code PENDING}, {@code RUNNING}, ...). Empty once they left the queue.
   */
  public Map<String, String> queue(List<String> jobIds) {
    Result r = run(List.of("squeue", "-h", "-r", "-o", "%i|%T|%F"));
    Map<String, String> out = new LinkedHashMap<>();
    if (r.exitCode() != 0) {
      throw new ExecutionFailure("squeue failed (exit " + r.exitCode() + "): " + r.stderr().strip());
    }
    for (String line : r.stdout().split("\n")) {
      String[] f = line.strip().split("\\|");
      if (f.length == 3 && jobIds.contains(f[2])) {
        out.put(f[0], f[1]);
      }
    }
    return out;
  }

  /**
   * Final states from {@code scontrol show job} (kept by slurmctld for MinJobAge after the end):
   * job id (array tasks as {@code <array>_<index>}) to state; empty if SLURM forgot the job.
   */
  public Map<String, String> finalStates(String jobId) {
    Result r = run(List.of("scontrol", "-o", "show", "job", jobId));
    Map<String, String> out = new LinkedHashMap<>();
    if (r.exitCode() != 0) {
      LOG.debug("scontrol show job {} failed: {}", jobId, r.stderr().strip());
      return out;
    }
    for (String line : r.stdout().split("\n")) {
      Optional<String> state = field(line, "JobState");
      if (state.isEmpty()) {
        continue;
      }
      Optional<String> index = field(line, "ArrayTaskId");
      out.put(index.map(i -> jobId + "_" + i).orElse(field(line, "JobId").orElse(jobId)), state.get());
    }
    return out;
  }

  /** Cancels a job (best effort). */
  public void cancel(String jobId) {
    Result r = run(List.of("scancel", jobId));
    if (r.exitCode() != 0) {
      LOG.warn("scancel {} failed: {}", jobId, r.stderr().strip());
    }
  }

  private static Optional<String> field(String line, String name) {
    for (String token : line.split("\\s+")) {
      if (token.startsWith(name + "=")) {
        return Optional.of(token.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  /** Runs a command with a timeout; exit code -1 if it could not run or timed out. */
  protected Result run(List<String> cmd) {
    LOG.debug("running {}", cmd);
    Process p;
    try {
      p = new ProcessBuilder(cmd).start();
    } catch (IOException e) {
      return new Result(-1, "", "cannot run " + cmd.get(0) + ": " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread to = pump(p.getInputStream(), out);
      Thread te = pump(p.getErrorStream(), err);
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", cmd.get(0) + " timed out after " + TIMEOUT.toSeconds() + " s");
      }
      to.join(5000);
      te.join(5000);
      return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Result(-1, "", cmd.get(0) + " interrupted");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t = new Thread(() -> {
      try (in) {
        in.transferTo(sink);
      } catch (IOException e) {
        // the process ended: keep what was read
      }
    }, "qdlaser-slurm-io");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
