package org.qdlaser.pipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.inspect.NightlyDrift;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Tonight's nightly runs against last night's archives: moved golden values, slower tasks (ci/nightly). */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = {"Compare tonight's run directories (CURRENT/<study>/) with last night's archives (PREVIOUS/<study>.zip):"
        + " golden values that moved (by how much, and which changed verdict), tasks computed on both nights that took"
        + " longer (> " + NightlyDrift.SLOWER_FACTOR + "x and > " + NightlyDrift.SLOWER_SECONDS + " s more), studies new or gone.",
        "Prints Markdown (for a cron mail); --html also writes an HTML page. Exit 0 whatever moved (ci/nightly fails on"
            + " golden checks itself)."})
public final class DriftCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PREVIOUS", description = "directory of last night's <study>.zip archives")
  Path previous;

  @Parameters(index = "1", paramLabel = "CURRENT", description = "directory of tonight's run directories")
  Path current;

  @Option(names = "--golden", paramLabel = "DIR", description = "golden data root (default: golden)")
  Path golden = Path.of("golden");

  @Option(names = "--markdown", paramLabel = "FILE", description = "also write the Markdown summary to FILE")
  Path markdown;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the summary as an HTML page to FILE")
  Path html;

  @Option(names = "--title", paramLabel = "TEXT", description = "heading (default: qdlaser nightly drift)")
  String title = "qdlaser nightly drift";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(current)) {
      throw new InputException("CURRENT", "not a directory: " + current);
    }
    NightlyDrift.Report r = NightlyDrift.compare(previous, current, golden);
    String md = NightlyDrift.markdown(r, title);
    if (markdown != null) {
      AtomicFiles.write(markdown.toAbsolutePath(), md.getBytes(StandardCharsets.UTF_8));
    }
    if (html != null) {
      AtomicFiles.write(html.toAbsolutePath(), NightlyDrift.html(r, title).getBytes(StandardCharsets.UTF_8));
    }
    spec.commandLine().getOut().print(md);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
