package org.qdlaser.pipeline.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.Hashing;
import org.qdlaser.pipeline.store.LockFile;

/** The archiver on hand-made run directories: what is packed, skipped and refused, and the crate's details. */
class RunArchiverTest {
  static final String MANIFEST = "schema: qdlaser/manifest/v1\nstudy: tiny\ntitle: Tiny study\ndescription: Two models.\n"
      + "parameters: {N: 50}\nmodels:\n  - CIM\n  - model: TPM\n    label: TPM_mu0.05\n    parameters: {mu: 0.05}\n"
      + "sweep: {parameter: r, values: [2e14/s, 1e14/s]}\n";
  static final String KEY = "a".repeat(64);

  @TempDir Path tmp;

  /** A run directory with two artifacts (one with a space in its name), manifest, lock and provenance. */
  Path run(String provenanceJson) throws Exception {
    Path dir = tmp.resolve("tiny");
    Files.createDirectories(dir.resolve("fitting"));
    byte[] fit = "{\"r_th\": 2334.1}\n".getBytes(StandardCharsets.UTF_8);
    byte[] table = "r,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("fitting/CIM.json"), fit);
    Files.write(dir.resolve("fitting/a table.csv"), table);
    Files.writeString(dir.resolve("manifest.yaml"), MANIFEST);
    Files.writeString(dir.resolve("provenance.json"), provenanceJson);
    LockFile.of("tiny", Hashing.sha256Hex(MANIFEST.getBytes(StandardCharsets.UTF_8)),
        List.of(new LockFile.TaskEntry("fitting", 1, KEY,
            List.of(ArtifactRef.of("fitting/CIM.json", fit), ArtifactRef.of("fitting/a table.csv", table)))))
        .write(dir.resolve(LockFile.FILE_NAME));
    return dir;
  }

  static final String PROVENANCE = "{\"qdlaserVersion\": \"0.1.0\", \"code\": {\"gitCommit\": \"unknown\", \"dirty\": null},"
      + " \"startedAt\": \"2026-11-30T10:00:00.000Z\", \"endedAt\": \"2026-11-30T10:05:07.250Z\"}";

  static List<String> entryNames(Path zip) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().map(ZipEntry::getName).toList();
    }
  }

  static Map<String, JsonNode> crate(Path zip) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      JsonNode doc = new ObjectMapper().readTree(z.getInputStream(z.getEntry(RoCrate.FILE_NAME)));
      Map<String, JsonNode> byId = new HashMap<>();
      doc.get("@graph").forEach(e -> byId.put(e.get("@id").asText(), e));
      return byId;
    }
  }

  @Test
  void packsFilesSkipsTempFilesAndStampsEntriesWithTheRunsEndInUtc() throws Exception {
    Path dir = run(PROVENANCE);
    Files.writeString(dir.resolve("fitting/.CIM.json.1a2b.tmp"), "half-written");
    ArchiveResult result = new RunArchiver().archive(dir, tmp.resolve("tiny.zip"));
    assertThat(result.files()).isEqualTo(5);
    assertThat(result.size()).isEqualTo(Files.size(tmp.resolve("tiny.zip")));
    assertThat(result.sha256()).isEqualTo(Hashing.sha256Hex(Files.readAllBytes(tmp.resolve("tiny.zip"))));
    assertThat(entryNames(tmp.resolve("tiny.zip"))).containsExactly("fitting/CIM.json", "fitting/a table.csv", "lock.json",
        "manifest.yaml", "provenance.json", RoCrate.FILE_NAME);
    try (ZipFile z = new ZipFile(tmp.resolve("tiny.zip").toFile())) {
      // DOS times have 2 s resolution: 10:05:07 is stored as 10:05:06, whatever the default time zone.
      assertThat(z.getEntry("lock.json").getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 11, 30, 10, 5, 6));
      assertThat(z.getEntry("lock.json").getExtra()).isNull();
    }
  }

  @Test
  void crateNamesParametersByManifestPathEscapesIdsAndOmitsAnUnknownCommit() throws Exception {
    Path dir = run(PROVENANCE);
    new RunArchiver().archive(dir, tmp.resolve("tiny.zip"));
    Map<String, JsonNode> byId = crate(tmp.resolve("tiny.zip"));
    assertThat(byId.get("./").get("description").asText()).isEqualTo("Tiny study. Two models.");
    assertThat(byId.get("#parameter-parameters.N").get("value").asInt()).isEqualTo(50);
    assertThat(byId.get("#parameter-models.1.parameters.mu").get("name").asText()).isEqualTo("models[1].parameters.mu");
    assertThat(byId.get("#parameter-models.1.parameters.mu").get("value").asDouble()).isEqualTo(0.05);
    assertThat(byId.get("#parameter-models.0").get("value").asText()).isEqualTo("CIM");
    List<String> values = new ArrayList<>();
    byId.get("#parameter-sweep.values").get("value").forEach(v -> values.add(v.asText()));
    assertThat(values).containsExactly("2e14/s", "1e14/s");
    JsonNode spaced = byId.get("fitting/a%20table.csv");
    assertThat(spaced.get("name").asText()).isEqualTo("fitting/a table.csv");
    assertThat(spaced.get("description").asText()).isEqualTo("artifact of the fitting stage");
    JsonNode software = byId.get(RoCrate.SOFTWARE_ID);
    assertThat(software.has("identifier")).isFalse();
    assertThat(software.get("description").asText()).contains("git commit unknown");
    assertThat(byId).doesNotContainKey("#qdlaser-git-commit");
  }

  @Test
  void refusesSymbolicLinksAndAnExistingCrateFileNamingThem() throws Exception {
    Path dir = run(PROVENANCE);
    Files.writeString(dir.resolve(RoCrate.FILE_NAME), "{}");
    Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("fitting/a table.csv"));
    Path zip = tmp.resolve("tiny.zip");
    assertThatThrownBy(() -> new RunArchiver().archive(dir, zip))
        .isInstanceOfSatisfying(ArchiveRefusedException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).startsWith("link.csv: NOT_A_FILE"))
            .anySatisfy(p -> assertThat(p).startsWith(RoCrate.FILE_NAME + ": CONFLICT"))
            .hasSize(2));
    assertThat(zip).doesNotExist();
  }

  @Test
  void refusesAnArchiveInsideTheRunDirectory() throws Exception {
    Path dir = run(PROVENANCE);
    assertThatThrownBy(() -> new RunArchiver().archive(dir, dir.resolve("self.zip")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the run directory");
  }

  @Test
  void entryTimeIsTheRunsEndElseItsStartElseTheDosEpoch() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(RunArchiver.entryTime(json.readTree(PROVENANCE))).isEqualTo(LocalDateTime.of(2026, 11, 30, 10, 5, 7));
    assertThat(RunArchiver.entryTime(json.readTree("{\"startedAt\": \"2026-11-30T10:00:00.000Z\", \"endedAt\": null}")))
        .isEqualTo(LocalDateTime.of(2026, 11, 30, 10, 0, 0));
    assertThat(RunArchiver.entryTime(json.readTree("{}"))).isEqualTo(RunArchiver.DOS_EPOCH);
    assertThat(RunArchiver.entryTime(json.readTree("{\"endedAt\": \"2200-01-01T00:00:00Z\"}"))).isEqualTo(RunArchiver.DOS_EPOCH);
    assertThat(RunArchiver.entryTime(json.readTree("{\"endedAt\": \"yesterday\"}"))).isEqualTo(RunArchiver.DOS_EPOCH);
  }

  @Test
  void mediaTypesByExtensionAndUriPaths() {
    assertThat(RoCrate.mediaType("a/b.csv")).isEqualTo("text/csv");
    assertThat(RoCrate.mediaType("b.JSON")).isEqualTo("application/json");
    assertThat(RoCrate.mediaType("x.arrow")).isEqualTo("application/vnd.apache.arrow.file");
    assertThat(RoCrate.mediaType("f.png")).isEqualTo("image/png");
    assertThat(RoCrate.mediaType("f.svg")).isEqualTo("image/svg+xml");
    assertThat(RoCrate.mediaType("index.html")).isEqualTo("text/html");
    assertThat(RoCrate.mediaType("manifest.yaml")).isEqualTo("application/yaml");
    assertThat(RoCrate.mediaType("no-extension")).isEqualTo("application/octet-stream");
    assertThat(RoCrate.mediaType("dir.d/file")).isEqualTo("application/octet-stream");
    assertThat(RoCrate.uriPath("report/a b%#?.csv")).isEqualTo("report/a%20b%25%23%3F.csv");
    assertThat(RoCrate.uriPath("面试/x.csv")).as("IRIs keep their characters").isEqualTo("面试/x.csv");
  }
}
