package org.qdlaser.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.golden.GoldenResult;
import org.qdlaser.pipeline.golden.GoldenSource;
import org.qdlaser.pipeline.provenance.Provenance;
import org.qdlaser.pipeline.provenance.TaskRecord;

class NightlyDriftTest {
  static final GoldenSource SOURCE = new GoldenSource(GoldenSource.ANALYTIC, null, null, "r_th", null, null);

  static GoldenResult result(String quantity, String actual, boolean passed) {
    return new GoldenResult(quantity, "fitting/CIM.json", "2334.103", actual, "rel 1e-6", SOURCE, passed);
  }

  @Test
  void movedGoldenValuesHaveTheirChangeAndVerdicts() {
    List<NightlyDrift.Moved> moved = NightlyDrift.moved("quickstart",
        List.of(result("CIM threshold", "2334.103", true), result("TPM fold", "4576.58", true), result("w_L", "0.51", true)),
        List.of(result("CIM threshold", "2334.103", true), result("TPM fold", "4576.60", true), result("w_L", "0.61", false)));
    assertThat(moved).extracting(NightlyDrift.Moved::quantity).containsExactly("TPM fold", "w_L");
    assertThat(moved.get(0).change()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(moved.get(1).relative()).isCloseTo(0.1 / 0.51, org.assertj.core.data.Offset.offset(1e-12));
    String md = NightlyDrift.markdown(new NightlyDrift.Report(List.of("quickstart"), List.of(), List.of(), moved, List.of(), 0,
        List.of()), "drift");
    assertThat(md).contains("| quickstart | TPM fold | 4576.58 | 4576.60 | 0.02 | 4.4e-06 | ok |")
        .contains("| quickstart | w_L | 0.51 | 0.61 | 0.1 | 0.20 | FAIL (passed last night) |");
  }

  static Provenance provenance(double integrationSeconds, double fittingSeconds) {
    Instant t0 = Instant.parse("2026-12-05T02:17:00Z");
    List<TaskRecord> tasks = List.of(
        TaskRecord.of("1".repeat(64), "integration", 6, "CIM", TaskRecord.Status.RAN, "no previous run", t0,
            t0.plusMillis(Math.round(integrationSeconds * 1000)), "vm"),
        TaskRecord.of("2".repeat(64), "fitting", 7, "CIM", TaskRecord.Status.RAN, "no previous run", t0,
            t0.plusMillis(Math.round(fittingSeconds * 1000)), "vm"),
        TaskRecord.of("3".repeat(64), "sampling", 2, "CIM", TaskRecord.Status.REUSED, TaskRecord.REASON_REUSED, t0, t0, "vm"));
    return new Provenance(Provenance.SCHEMA, "quickstart", "0".repeat(64), "0.1.0", Provenance.CodeVersion.unknown(), new TreeMap<>(),
        new Provenance.Jvm("v", "17"), new Provenance.Os("Linux", "6", "amd64"), "vm", 2, "2026-12-05T02:17:00Z", "2026-12-05T02:30:00Z",
        new TreeMap<>(), tasks, new TreeMap<>());
  }

  @Test
  void tasksComputedOnBothNightsThatTookLongerAreListedFromTheArchiveAndTheRunDirectory(@TempDir Path tmp) throws Exception {
    Path previous = Files.createDirectories(tmp.resolve("previous"));
    try (OutputStream out = Files.newOutputStream(previous.resolve("quickstart.zip")); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("provenance.json"));
      z.write(provenance(10, 2).toBytes());
      z.closeEntry();
    }
    try (OutputStream out = Files.newOutputStream(previous.resolve("gone.zip")); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("provenance.json"));
      z.write(provenance(1, 1).toBytes());
      z.closeEntry();
    }
    Path current = tmp.resolve("nightly");
    provenance(40, 2.5).write(Files.createDirectories(current.resolve("quickstart")).resolve("provenance.json"));
    provenance(1, 1).write(Files.createDirectories(current.resolve("fresh")).resolve("provenance.json"));

    NightlyDrift.Report r = NightlyDrift.compare(previous, current, tmp.resolve("no-golden"));
    assertThat(r.studies()).containsExactly("quickstart");
    assertThat(r.onlyNow()).containsExactly("fresh");
    assertThat(r.onlyBefore()).containsExactly("gone");
    assertThat(r.timedTasks()).isEqualTo(2);
    // fitting: 2.5 s vs 2 s is within the noise allowance (not > 5 s longer); integration 4x and 30 s longer.
    assertThat(r.slower()).containsExactly(new NightlyDrift.Slower("quickstart", "integration/CIM", 10, 40));
    String md = NightlyDrift.markdown(r, "drift");
    assertThat(md).contains("| quickstart | integration/CIM | 10.0 s | 40.0 s | 4.0x |", "New tonight (no archive last night): fresh",
        "Archived last night, not run tonight: gone");
    assertThat(NightlyDrift.html(r, "drift")).contains("<td>integration/CIM</td>", "<h1>drift</h1>");
  }
}
