package org.qdlaser.pipeline.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.qdlaser.pipeline.golden.GoldenChecker;
import org.qdlaser.pipeline.golden.GoldenResult;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.TaskRecord;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.stages.physics.Readable;

/**
 * Tonight's nightly against last night's archives ({@code ci/nightly}): which golden values moved
 * and by how much (and which changed verdict), which tasks computed on both nights took longer,
 * and which studies are new or gone; as Markdown (for a cron mail) and HTML. Last night's runs are
 * read from their archives ({@code <study>.zip}, as {@code qdlaser archive} writes them), tonight's
 * from the run directories.
 */
public final class NightlyDrift {
  /** A task is slower when it took more than this factor times last night's wall time ... */
  public static final double SLOWER_FACTOR = 1.5;
  /** ... and more than this many seconds longer (load on a shared machine makes short tasks noisy). */
  public static final double SLOWER_SECONDS = 5;

  /** A golden quantity whose value moved: previous and current text, absolute and relative change (NaN when not numeric). */
  public record Moved(String study, String quantity, String previous, String current, double change, double relative,
      boolean previousPassed, boolean currentPassed) {}

  /** A task computed on both nights that took longer tonight. */
  public record Slower(String study, String task, double previousSeconds, double currentSeconds) {}

  /**
   * The comparison.
   *
   * @param studies studies compared (in both)
   * @param onlyNow studies with no archive last night
   * @param onlyBefore studies archived last night but not run tonight
   * @param moved golden values that changed
   * @param slower tasks that took longer
   * @param timedTasks tasks computed on both nights (the others were reused on one night: not timed)
   * @param notes problems that kept a study out of the comparison
   */
  public record Report(List<String> studies, List<String> onlyNow, List<String> onlyBefore, List<Moved> moved, List<Slower> slower,
      int timedTasks, List<String> notes) {}

  private NightlyDrift() {}

  /**
   * Compares every {@code previous/<study>.zip} with {@code current/<study>/}.
   *
   * @param golden the golden root ({@code golden/}); studies without a spec are compared by timings only
   */
  public static Report compare(Path previous, Path current, Path golden) throws IOException {
    Map<String, Path> before = new TreeMap<>();
    if (Files.isDirectory(previous)) {
      try (DirectoryStream<Path> zips = Files.newDirectoryStream(previous, "*.zip")) {
        for (Path z : zips) {
          String name = z.getFileName().toString();
          before.put(name.substring(0, name.length() - ".zip".length()), z);
        }
      }
    }
    Map<String, Path> now = new TreeMap<>();
    if (Files.isDirectory(current)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(current, Files::isDirectory)) {
        for (Path d : dirs) {
          if (Files.isRegularFile(d.resolve(Provenance.FILE_NAME))) {
            now.put(d.getFileName().toString(), d);
          }
        }
      }
    }
    List<String> studies = new ArrayList<>();
    List<String> onlyNow = new ArrayList<>();
    List<String> onlyBefore = new ArrayList<>();
    List<Moved> moved = new ArrayList<>();
    List<Slower> slower = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int timed = 0;
    for (String s : now.keySet()) {
      if (!before.containsKey(s)) {
        onlyNow.add(s);
      }
    }
    for (String s : before.keySet()) {
      if (!now.containsKey(s)) {
        onlyBefore.add(s);
        continue;
      }
      Path tmp = Files.createTempDirectory("qdlaser-drift-");
      try {
        Path old = unzip(before.get(s), tmp);
        studies.add(s);
        Path spec = golden.resolve(s).resolve(GoldenChecker.SPEC_FILE);
        if (Files.isRegularFile(spec)) {
          try {
            moved.addAll(moved(s, new GoldenChecker(golden).check(old), new GoldenChecker(golden).check(now.get(s))));
          } catch (RuntimeException e) {
            notes.add(s + ": golden values not compared: " + e.getMessage());
          }
        }
        Provenance p0 = CanonicalJson.mapper().readValue(old.resolve(Provenance.FILE_NAME).toFile(), Provenance.class);
        Provenance p1 = CanonicalJson.mapper().readValue(now.get(s).resolve(Provenance.FILE_NAME).toFile(), Provenance.class);
        Map<String, TaskRecord> ran0 = ran(p0);
        for (Map.Entry<String, TaskRecord> e : ran(p1).entrySet()) {
          TaskRecord r0 = ran0.get(e.getKey());
          if (r0 != null) {
            timed++;
            double t0 = r0.wallSeconds();
            double t1 = e.getValue().wallSeconds();
            if (t1 > SLOWER_FACTOR * t0 && t1 - t0 > SLOWER_SECONDS) {
              slower.add(new Slower(s, e.getKey(), t0, t1));
            }
          }
        }
      } catch (IOException | UncheckedIOException e) {
        notes.add(s + ": not compared: " + e.getMessage());
      } finally {
        deleteTree(tmp);
      }
    }
    slower.sort(Comparator.comparingDouble((Slower x) -> -(x.currentSeconds() / Math.max(x.previousSeconds(), 1e-9))));
    return new Report(studies, onlyNow, onlyBefore, moved, slower, timed, notes);
  }

  /** Golden results of the same quantity whose values differ (as text, or as numbers when both parse). */
  static List<Moved> moved(String study, List<GoldenResult> before, List<GoldenResult> now) {
    Map<String, GoldenResult> old = new HashMap<>();
    before.forEach(r -> old.put(r.quantity(), r));
    List<Moved> out = new ArrayList<>();
    for (GoldenResult r : now) {
      GoldenResult o = old.get(r.quantity());
      if (o == null || o.actual().equals(r.actual()) && o.passed() == r.passed()) {
        continue;
      }
      double a = parse(o.actual());
      double b = parse(r.actual());
      if (a == b && o.passed() == r.passed()) {
        continue;
      }
      double change = b - a;
      double relative = a != 0 ? change / Math.abs(a) : Double.NaN;
      out.add(new Moved(study, r.quantity(), o.actual(), r.actual(), change, relative, o.passed(), r.passed()));
    }
    return out;
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException | NullPointerException e) {
      return Double.NaN;
    }
  }

  /** Tasks computed (not reused) in a run, by id. */
  private static Map<String, TaskRecord> ran(Provenance p) {
    Map<String, TaskRecord> m = new TreeMap<>();
    for (TaskRecord r : p.tasks()) {
      if (r.status() == TaskRecord.Status.RAN) {
        m.put(r.stage() + "/" + r.label(), r);
      }
    }
    return m;
  }

  /** Extracts an archive into {@code dir} (entries that would land outside it are refused). */
  static Path unzip(Path zip, Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("archive " + zip + " entry " + e.getName() + " points outside the archive");
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return root;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }

  /** The report as Markdown: short enough for a cron mail. */
  public static String markdown(Report r, String title) {
    StringBuilder m = new StringBuilder("# " + title + "\n\n");
    m.append(r.studies().size()).append(" studies compared with last night's archives; ").append(r.moved().size())
        .append(" golden value(s) moved; ").append(r.slower().size()).append(" of ").append(r.timedTasks())
        .append(" task(s) computed on both nights took longer (> ").append(Readable.number(SLOWER_FACTOR)).append("x and > ")
        .append(Readable.seconds(SLOWER_SECONDS)).append(" more).\n\n");
    if (!r.moved().isEmpty()) {
      m.append("## Golden values that moved\n\n| study | quantity | last night | tonight | change | relative | check |\n")
          .append("|---|---|---|---|---|---|---|\n");
      for (Moved x : r.moved()) {
        m.append("| ").append(x.study()).append(" | ").append(cell(x.quantity())).append(" | ").append(cell(x.previous())).append(" | ")
            .append(cell(x.current())).append(" | ").append(Readable.number(x.change())).append(" | ")
            .append(Double.isNaN(x.relative()) ? "" : String.format(Locale.ROOT, "%.2g", x.relative())).append(" | ")
            .append(verdict(x)).append(" |\n");
      }
      m.append('\n');
    }
    if (!r.slower().isEmpty()) {
      m.append("## Tasks that took longer\n\n| study | task | last night | tonight | ratio |\n|---|---|---|---|---|\n");
      for (Slower x : r.slower()) {
        m.append("| ").append(x.study()).append(" | ").append(x.task()).append(" | ").append(Readable.seconds(x.previousSeconds()))
            .append(" | ").append(Readable.seconds(x.currentSeconds())).append(" | ")
            .append(String.format(Locale.ROOT, "%.1fx", x.currentSeconds() / Math.max(x.previousSeconds(), 1e-9))).append(" |\n");
      }
      m.append('\n');
    }
    if (!r.onlyNow().isEmpty()) {
      m.append("New tonight (no archive last night): ").append(String.join(", ", r.onlyNow())).append("\n\n");
    }
    if (!r.onlyBefore().isEmpty()) {
      m.append("Archived last night, not run tonight: ").append(String.join(", ", r.onlyBefore())).append("\n\n");
    }
    for (String n : r.notes()) {
      m.append("- ").append(n).append('\n');
    }
    return m.toString();
  }

  /** The report as a small standalone HTML page. */
  public static String html(Report r, String title) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(TaskGraph.xml(title)).append("</title>\n<style>body { font-family: sans-serif; margin: 1.5em; }"
            + " table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; }"
            + " td.fail { color: #b00; font-weight: bold; }</style>\n</head>\n<body>\n");
    String md = markdown(r, title);
    // The same content: headings, paragraphs and the two tables.
    boolean inTable = false;
    for (String line : md.split("\n")) {
      if (line.startsWith("|---")) {
        continue;
      }
      if (line.startsWith("| ")) {
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
        if (!inTable) {
          h.append("<table>\n<tr>");
          for (String c : cells) {
            h.append("<th scope=\"col\">").append(TaskGraph.xml(c)).append("</th>");
          }
          h.append("</tr>\n");
          inTable = true;
          continue;
        }
        h.append("<tr>");
        for (String c : cells) {
          h.append(c.startsWith("FAIL") ? "<td class=\"fail\">" : "<td>").append(TaskGraph.xml(c.replace("\\|", "|"))).append("</td>");
        }
        h.append("</tr>\n");
        continue;
      }
      if (inTable) {
        h.append("</table>\n");
        inTable = false;
      }
      if (line.startsWith("# ")) {
        h.append("<h1>").append(TaskGraph.xml(line.substring(2))).append("</h1>\n");
      } else if (line.startsWith("## ")) {
        h.append("<h2>").append(TaskGraph.xml(line.substring(3))).append("</h2>\n");
      } else if (!line.isBlank()) {
        h.append("<p>").append(TaskGraph.xml(line)).append("</p>\n");
      }
    }
    if (inTable) {
      h.append("</table>\n");
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static String verdict(Moved x) {
    if (x.previousPassed() == x.currentPassed()) {
      return x.currentPassed() ? "ok" : "FAIL (both nights)";
    }
    return x.currentPassed() ? "ok (failed last night)" : "FAIL (passed last night)";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
