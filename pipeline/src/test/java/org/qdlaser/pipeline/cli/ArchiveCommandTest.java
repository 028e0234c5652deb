package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdlaser.pipeline.cli.CliTest.Result;
import org.qdlaser.pipeline.store.Hashing;

/**
 * {@code qdlaser archive}: one run of the small study (CliTest.SMALL) made once, archived, unpacked
 * and compared file by file; its RO-Crate read back as plain JSON; tampered and missing runs.
 */
class ArchiveCommandTest {
  @TempDir static Path shared;
  static Path runDir;

  @BeforeAll
  static void makeRun() throws IOException {
    Path manifest = shared.resolve("small.yaml");
    Files.writeString(manifest, CliTest.SMALL);
    runDir = shared.resolve("run");
    Result r = CliTest.run("run", manifest.toString(), "-o", runDir.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** Copy of the shared run for tests that change it or archive next to it. */
  static Path copyOfRun(Path tmp) throws IOException {
    Path copy = tmp.resolve("run");
    for (Map.Entry<String, byte[]> e : files(runDir).entrySet()) {
      Path target = copy.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, e.getValue());
    }
    return copy;
  }

  /** Every regular file under {@code dir} by {@code /}-separated relative path. */
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  /** Zip entries in archive order, by name. */
  static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        try (InputStream in = z.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  static Map<String, JsonNode> graphById(JsonNode crate) {
    Map<String, JsonNode> byId = new HashMap<>();
    crate.get("@graph").forEach(e -> byId.put(e.get("@id").asText(), e));
    return byId;
  }

  static List<String> ids(JsonNode refs) {
    List<String> out = new ArrayList<>();
    if (refs.isArray()) {
      refs.forEach(r -> out.add(r.get("@id").asText()));
    } else {
      out.add(refs.get("@id").asText());
    }
    return out;
  }

  @Test
  void archiveHoldsEveryFileByteIdenticalAndPrintsPathShaAndSize(@TempDir Path tmp) throws Exception {
    Path zip = tmp.resolve("small.zip");
    Result r = CliTest.run("archive", runDir.toString(), "-o", zip.toString());
    assertThat(r.code()).as(r.err()).isZero();
    byte[] bytes = Files.readAllBytes(zip);
    assertThat(r.out()).contains("archive: " + zip.toAbsolutePath())
        .contains("sha256: " + Hashing.sha256Hex(bytes))
        .contains("size: " + bytes.length + " bytes");

    Map<String, byte[]> run = files(runDir);
    assertThat(run).containsKeys("lock.json", "provenance.json", "manifest.yaml", "report/index.html", "fitting/CIM.json",
        "samples/CIM.arrow");
    Map<String, byte[]> archived = entries(zip);
    assertThat(new ArrayList<>(archived.keySet())).as("entries sorted by path").isSorted();
    assertThat(archived.keySet()).containsExactlyInAnyOrderElementsOf(
        Stream.concat(run.keySet().stream(), Stream.of("ro-crate-metadata.json")).toList());
    for (Map.Entry<String, byte[]> e : run.entrySet()) {
      assertThat(archived.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    try (ZipFile z = new ZipFile(zip.toFile())) {
      long time = z.getEntry("lock.json").getTime();
      z.stream().forEach(e -> assertThat(e.getTime()).as("fixed time of " + e.getName()).isEqualTo(time));
    }
  }

  @Test
  void roCrateDescribesTheDatasetTheRunAndEveryFileWithItsSha256(@TempDir Path tmp) throws Exception {
    Path zip = tmp.resolve("small.zip");
    assertThat(CliTest.run("archive", runDir.toString(), "-o", zip.toString()).code()).isZero();
    Map<String, byte[]> archived = entries(zip);
    ObjectMapper json = new ObjectMapper();
    JsonNode crate = json.readTree(archived.get("ro-crate-metadata.json"));
    JsonNode lock = json.readTree(archived.get("lock.json"));
    JsonNode provenance = json.readTree(archived.get("provenance.json"));

    assertThat(crate.get("@context").get(0).asText()).isEqualTo("https://w3id.org/ro/crate/1.1/context");
    assertThat(crate.get("@context").get(1).get("sha256").asText()).isEqualTo("https://w3id.org/ro/terms/workflow-run#sha256");
    Map<String, JsonNode> byId = graphById(crate);

    JsonNode descriptor = byId.get("ro-crate-metadata.json");
    assertThat(descriptor.get("@type").asText()).isEqualTo("CreativeWork");
    assertThat(descriptor.get("conformsTo").get("@id").asText()).isEqualTo("https://w3id.org/ro/crate/1.1");
    assertThat(descriptor.get("about").get("@id").asText()).isEqualTo("./");

    JsonNode root = byId.get("./");
    assertThat(root.get("@type").asText()).isEqualTo("Dataset");
    assertThat(root.get("name").asText()).isEqualTo("small");
    assertThat(root.get("description").asText()).isNotBlank();
    assertThat(root.get("datePublished").asText()).isEqualTo(provenance.get("endedAt").asText());
    assertThat(root.has("license")).as("no license is recorded anywhere, so none is claimed").isFalse();
    List<String> runFiles = new ArrayList<>(archived.keySet());
    runFiles.remove("ro-crate-metadata.json");
    assertThat(ids(root.get("hasPart"))).containsExactlyElementsOf(runFiles);

    JsonNode action = byId.get("#run");
    assertThat(action.get("@type").asText()).isEqualTo("CreateAction");
    assertThat(action.get("startTime").asText()).isEqualTo(provenance.get("startedAt").asText());
    assertThat(action.get("endTime").asText()).isEqualTo(provenance.get("endedAt").asText());
    JsonNode software = byId.get(action.get("instrument").get("@id").asText());
    assertThat(software.get("@type").asText()).isEqualTo("SoftwareApplication");
    assertThat(software.get("name").asText()).isEqualTo("qdlaser");
    assertThat(software.get("version").asText()).isEqualTo(provenance.get("qdlaserVersion").asText());
    String commit = provenance.get("code").get("gitCommit").asText();
    if (!commit.equals("unknown")) {
      assertThat(byId.get(software.get("identifier").get("@id").asText()).get("value").asText()).isEqualTo(commit);
    }
    List<String> objects = ids(action.get("object"));
    assertThat(objects).contains("manifest.yaml", "#parameter-parameters.N", "#parameter-sweep.from");
    assertThat(byId.get("#parameter-parameters.N").get("@type").asText()).isEqualTo("PropertyValue");
    assertThat(byId.get("#parameter-parameters.N").get("value").asInt()).isEqualTo(50);
    assertThat(byId.get("#parameter-sweep.from").get("value").asText()).isEqualTo("2e13/s");
    List<String> results = ids(action.get("result"));
    lock.get("artifacts").fieldNames().forEachRemaining(path -> assertThat(results).contains(path));
    assertThat(results).contains("lock.json", "provenance.json").doesNotContain("manifest.yaml");

    for (String path : runFiles) {
      JsonNode file = byId.get(path);
      assertThat(file).as(path).isNotNull();
      assertThat(file.get("@type").asText()).isEqualTo("File");
      assertThat(file.get("contentSize").asText()).as(path).isEqualTo(Long.toString(archived.get(path).length));
      assertThat(file.get("sha256").asText()).as(path).isEqualTo(Hashing.sha256Hex(archived.get(path)));
    }
    JsonNode cim = byId.get("fitting/CIM.json");
    assertThat(cim.get("sha256").asText()).isEqualTo(Hashing.sha256Hex(archived.get("fitting/CIM.json")))
        .isEqualTo(lock.get("artifacts").get("fitting/CIM.json").get("sha256").asText());
    assertThat(cim.get("encodingFormat").asText()).isEqualTo("application/json");
    assertThat(byId.get("manifest.yaml").get("sha256").asText()).isEqualTo(lock.get("manifestSha256").asText());
    assertThat(byId.get("manifest.yaml").get("encodingFormat").asText()).isEqualTo("application/yaml");
    assertThat(byId.get("samples/CIM.arrow").get("encodingFormat").asText()).isEqualTo("application/vnd.apache.arrow.file");
    assertThat(byId.get("report/bifurcation.csv").get("encodingFormat").asText()).isEqualTo("text/csv");
    assertThat(byId.get("report/bifurcation.png").get("encodingFormat").asText()).isEqualTo("image/png");
    assertThat(byId.get("report/bifurcation.svg").get("encodingFormat").asText()).isEqualTo("image/svg+xml");
    assertThat(byId.get("report/index.html").get("encodingFormat").asText()).isEqualTo("text/html");
  }

  @Test
  void archivingTwiceGivesIdenticalBytesAndTheDefaultFileIsBesideTheRun(@TempDir Path tmp) throws Exception {
    Path run = copyOfRun(tmp);
    Result first = CliTest.run("archive", run.toString());
    assertThat(first.code()).as(first.err()).isZero();
    Path defaultZip = tmp.resolve("run.zip");
    assertThat(defaultZip).isRegularFile();
    byte[] once = Files.readAllBytes(defaultZip);
    Path again = tmp.resolve("again.zip");
    assertThat(CliTest.run("archive", run.toString(), "-o", again.toString()).code()).isZero();
    assertThat(Files.readAllBytes(again)).isEqualTo(once);
    // The copy's files have other modification times and the same content: same archive.
    Path fromShared = tmp.resolve("shared.zip");
    assertThat(CliTest.run("archive", runDir.toString(), "-o", fromShared.toString()).code()).isZero();
    assertThat(Files.readAllBytes(fromShared)).isEqualTo(once);
    // Replacing an existing archive leaves no temp file behind.
    assertThat(CliTest.run("archive", run.toString()).code()).isZero();
    assertThat(Files.readAllBytes(defaultZip)).isEqualTo(once);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("run", "run.zip", "again.zip", "shared.zip");
    }
  }

  @Test
  void tamperedRunIsRefusedWithExit1NamingEachProblemAndNothingIsWritten(@TempDir Path tmp) throws Exception {
    Path run = copyOfRun(tmp);
    Files.writeString(run.resolve("fitting/CIM.json"), "tampered");
    Files.delete(run.resolve("report/bifurcation.png"));
    Path zip = tmp.resolve("out/tampered.zip");
    Result r = CliTest.run("archive", run.toString(), "-o", zip.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("fitting/CIM.json").contains("CHANGED").contains("report/bifurcation.png").contains("MISSING")
        .contains("2 problem(s)").doesNotContain("Exception");
    assertThat(zip).doesNotExist();
    if (Files.exists(zip.getParent())) {
      try (Stream<Path> s = Files.list(zip.getParent())) {
        assertThat(s.toList()).as("no temp file left").isEmpty();
      }
    }
  }

  @Test
  void changedManifestOrMissingProvenanceIsRefusedWithExit1(@TempDir Path tmp) throws Exception {
    Path run = copyOfRun(tmp);
    Files.writeString(run.resolve("manifest.yaml"), CliTest.SMALL.replace("points: 5", "points: 6"));
    Files.delete(run.resolve("provenance.json"));
    Result r = CliTest.run("archive", run.toString(), "-o", tmp.resolve("x.zip").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("manifest.yaml: CHANGED").contains("provenance.json: MISSING");
    assertThat(tmp.resolve("x.zip")).doesNotExist();
  }

  @Test
  void missingOrNonRunDirectoryAndOutputInsideTheRunAreBadInput(@TempDir Path tmp) throws Exception {
    Result missing = CliTest.run("archive", tmp.resolve("nonexistent").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("RUN_DIR").contains("nonexistent").doesNotContain("Exception");

    Path notRun = Files.createDirectories(tmp.resolve("not-a-run"));
    Result noLock = CliTest.run("archive", notRun.toString());
    assertThat(noLock.code()).isEqualTo(2);
    assertThat(noLock.err()).contains("RUN_DIR").contains("lock.json");
    assertThat(tmp.resolve("not-a-run.zip")).doesNotExist();

    Result inside = CliTest.run("archive", runDir.toString(), "-o", runDir.resolve("report/self.zip").toString());
    assertThat(inside.code()).isEqualTo(2);
    assertThat(inside.err()).contains("-o").contains("inside the run directory");
    assertThat(runDir.resolve("report/self.zip")).doesNotExist();
  }
}
