package org.qdlaser.pipeline.inspect;

import java.util.Locale;
import java.util.Map;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.LockFile;
import org.qdlaser.stages.physics.Readable;

/**
 * The report's page of every locked file ({@value #FILE_NAME}): each artifact of the run with a
 * link, its size and SHA-256, grouped by directory (samples, integration, equilibrium, fitting,
 * report), from {@code lock.json} after the run; Arrow tables next to their CSV twins. The report's
 * own checksum table shows only the files it was made from; this page lists them all.
 */
public final class FilesPage {
  /** File name inside {@code report/}. */
  public static final String FILE_NAME = "files.html";

  private FilesPage() {}

  /** The page for a run's lock. */
  public static String html(LockFile lock) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(TaskGraph.xml(lock.study())).append(": files</title>\n<style>\n")
        .append("body { font-family: sans-serif; margin: 1.5em; max-width: 75em; }\n")
        .append("table { border-collapse: collapse; font-size: 90%; }\n")
        .append("th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }\n")
        .append("td.num { text-align: right; font-variant-numeric: tabular-nums; }\n")
        .append("code.sha { word-break: break-all; }\n</style>\n</head>\n<body>\n")
        .append("<p><a href=\"index.html\">report</a> · <a href=\"").append(Timeline.FILE_NAME).append("\">timeline</a></p>\n")
        .append("<h1>").append(TaskGraph.xml(lock.study())).append(": every locked file</h1>\n")
        .append("<p>").append(lock.artifacts().size()).append(" files of ").append(lock.tasks().size())
        .append(" tasks, from <code>lock.json</code>; <code>qdlaser verify</code> recomputes these checksums. Arrow IPC tables")
        .append(" (<code>.arrow</code>) carry each column's unit and description in their field metadata; their CSV twins are")
        .append(" described by <a href=\"../datapackage.json\"><code>datapackage.json</code></a>.</p>\n");
    String dir = null;
    for (Map.Entry<String, ArtifactRef> e : lock.artifacts().entrySet()) {
      String path = e.getKey();
      String d = path.contains("/") ? path.substring(0, path.indexOf('/')) : ".";
      if (!d.equals(dir)) {
        if (dir != null) {
          h.append("</tbody>\n</table>\n");
        }
        dir = d;
        h.append("<h2>").append(TaskGraph.xml(d)).append("/</h2>\n<table>\n<thead><tr><th scope=\"col\">file</th>")
            .append("<th scope=\"col\">size</th><th scope=\"col\">sha256</th></tr></thead>\n<tbody>\n");
      }
      String link = path.startsWith("report/") ? path.substring("report/".length()) : "../" + path;
      h.append("<tr><td><a href=\"").append(TaskGraph.xml(link)).append("\"><code>").append(TaskGraph.xml(path))
          .append("</code></a></td><td class=\"num\">").append(size(e.getValue().size())).append("</td><td><code class=\"sha\">")
          .append(e.getValue().sha256()).append("</code></td></tr>\n");
    }
    if (dir != null) {
      h.append("</tbody>\n</table>\n");
    }
    return h.append("</body>\n</html>\n").toString();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return Readable.number(bytes / (1024.0 * 1024.0), 3) + " MiB";
  }
}
