package org.qdlaser.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.LockFile;

class FilesPageTest {
  @Test
  void listsEveryLockedFileWithALinkFromTheReportItsSizeAndChecksum() {
    ArtifactRef sample = new ArtifactRef("samples/CIM.arrow", "a".repeat(64), 900);
    ArtifactRef series = new ArtifactRef("integration/CIM-series.arrow", "b".repeat(64), 2_500_000);
    ArtifactRef page = new ArtifactRef("report/index.html", "c".repeat(64), 4096);
    LockFile lock = LockFile.of("demo", "0".repeat(64), List.of(
        new LockFile.TaskEntry("sampling", 2, "1".repeat(64), List.of(sample)),
        new LockFile.TaskEntry("integration", 6, "2".repeat(64), List.of(series)),
        new LockFile.TaskEntry("report", 5, "3".repeat(64), List.of(page))));
    String html = FilesPage.html(lock);
    assertThat(html).contains("3 files of 3 tasks")
        .contains("<a href=\"../samples/CIM.arrow\"><code>samples/CIM.arrow</code></a></td><td class=\"num\">900 B</td>")
        .contains("<a href=\"../integration/CIM-series.arrow\">", "2.38 MiB", "<a href=\"index.html\"><code>report/index.html</code>",
            "4.0 KiB", "a".repeat(64));
    assertThat(html.split("<h2>", -1)).hasSize(4);
  }
}
