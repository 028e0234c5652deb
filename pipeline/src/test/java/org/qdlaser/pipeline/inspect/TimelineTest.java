package org.qdlaser.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.TaskRecord;

class TimelineTest {
  static final String K1 = "1".repeat(64);
  static final String K2 = "2".repeat(64);

  @Test
  void listsEachTaskWithStartDurationStatusAndTheOriginalComputationOfReusedOnes() {
    Instant t0 = Instant.parse("2026-12-05T10:00:00Z");
    TaskRecord ran = TaskRecord.of(K1, "integration", 6, "CIM", TaskRecord.Status.RAN, "no previous run", t0.plusSeconds(2),
        t0.plusSeconds(74), "vm").withCpuSeconds(70.25);
    TaskRecord reused = TaskRecord.of(K2, "sampling", 2, "CIM", TaskRecord.Status.REUSED, TaskRecord.REASON_REUSED, t0, t0.plusMillis(5),
        "vm");
    TaskRecord original = TaskRecord.of(K2, "sampling", 2, "CIM", TaskRecord.Status.RAN, "no previous run",
        Instant.parse("2026-12-04T09:00:00Z"), Instant.parse("2026-12-04T09:00:12.5Z"), "vm");
    Provenance p = new Provenance(Provenance.SCHEMA, "demo", "0".repeat(64), "0.1.0", Provenance.CodeVersion.unknown(),
        new TreeMap<>(), new Provenance.Jvm("v", "17"), new Provenance.Os("Linux", "6", "amd64"), "vm", 2, "2026-12-05T10:00:00Z",
        "2026-12-05T10:01:20Z", new TreeMap<>(), List.of(reused, ran), new TreeMap<>());
    String html = Timeline.html(p, Map.of(K2, original));
    assertThat(html).contains("<title>demo: timeline</title>", "1 min 20 s", "1 task(s) computed", "1 reused")
        .contains("<code>integration/CIM</code></td><td class=\"num\">+2.00 s</td><td class=\"num\">1 min 12 s</td><td class=\"num\">1 min 10 s</td><td>computed</td>")
        .contains("<code>sampling/CIM</code></td><td class=\"num\">+0.00 s</td><td class=\"num\">0.01 s</td><td class=\"num\"></td><td>reused</td>")
        .contains("12.5 s at 2026-12-04T09:00:00")
        .contains("<img src=\"task-graph.svg\"", "<a href=\"index.html\">");
    assertThat(html.split("<rect ", -1)).hasSize(3);
  }
}
