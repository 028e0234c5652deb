package org.qdlaser.pipeline.slurm;

import java.util.regex.Pattern;

/**
 * Submission options of a SLURM run (validated by the CLI, see {@link #problem()}).
 *
 * @param partition {@code --partition}, or null for the cluster's default
 * @param time {@code --time} per shard (SLURM syntax: minutes, MM:SS, HH:MM:SS, D-HH[:MM[:SS]]), or null
 * @param shards maximum number of array tasks (>= 1; fewer when the study has fewer chains)
 * @param cpusPerTask {@code --cpus-per-task}: each shard runs its chains on this many threads
 * @param account {@code --account}, or null
 * @param detach return after submission instead of following the jobs
 */
public record SlurmOptions(String partition, String time, int shards, int cpusPerTask, String account, boolean detach) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.,+-]+");
  private static final Pattern TIME = Pattern.compile(
      "UNLIMITED|INFINITE|\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}(:\\d{1,2}(:\\d{1,2})?)?");

  /** The first invalid option as {option, message}, or null if all are valid. */
  public String[] problem() {
    if (shards < 1) {
      return new String[] {"--shards", "shards must be >= 1, got " + shards};
    }
    if (cpusPerTask < 1 || cpusPerTask > 1024) {
      return new String[] {"--cpus-per-task", "cpus-per-task must be in [1, 1024], got " + cpusPerTask};
    }
    if (partition != null && !NAME.matcher(partition).matches()) {
      return new String[] {"--partition", "partition must be letters, digits and _.,+- only, got '" + partition + "'"};
    }
    if (account != null && !NAME.matcher(account).matches()) {
      return new String[] {"--account", "account must be letters, digits and _.,+- only, got '" + account + "'"};
    }
    if (time != null && !TIME.matcher(time).matches()) {
      String message = "time must be SLURM syntax (minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED), got '"
          + time + "'";
      return new String[] {"--time", message};
    }
    return null;
  }
}
