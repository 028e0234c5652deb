package org.qdlaser.pipeline.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qdlaser.pipeline.store.ArtifactRef;
import org.qdlaser.pipeline.store.CanonicalJson;
import org.qdlaser.pipeline.store.LockFile;

/**
 * The RO-Crate 1.1 metadata document ({@value #FILE_NAME}) that describes an archived run
 * directory to a reader without qdlaser: the root {@code Dataset} (every file in
 * {@code hasPart}), one {@code CreateAction} for the run (instrument: qdlaser with its version
 * and git commit; object: the manifest and the study parameters as {@code PropertyValue}s;
 * result: the artifacts, lock and provenance), and one {@code File} per file with
 * {@code contentSize}, {@code encodingFormat} and {@code sha256}.
 *
 * <p>{@code sha256} is not a schema.org or RO-Crate 1.1 term; it is the Workflow Run RO-Crate
 * term, declared in the {@code @context} array as RO-Crate 1.1 prescribes for extensions
 * ("Extending RO-Crate"), so JSON-LD processors keep it. Everything is derived from the run
 * directory's files, nothing from the clock, so the same run gives the same bytes.
 */
public final class RoCrate {
  /** File name of the metadata document at the crate (archive) root. */
  public static final String FILE_NAME = "ro-crate-metadata.json";
  public static final String CONTEXT = "https://w3id.org/ro/crate/1.1/context";
  public static final String CONFORMS_TO = "https://w3id.org/ro/crate/1.1";
  /** The term {@code sha256} of the Workflow Run RO-Crate vocabulary (hex SHA-256 of a file). */
  public static final String SHA256_TERM = "https://w3id.org/ro/terms/workflow-run#sha256";
  public static final String RUN_ID = "#run";
  public static final String SOFTWARE_ID = "#qdlaser";
  static final String COMMIT_ID = "#qdlaser-git-commit";
  static final String MANIFEST = "manifest.yaml";
  static final String PROVENANCE = "provenance.json";

  /** Manifest keys that describe the study rather than parameterise it. */
  private static final Set<String> NOT_PARAMETERS = Set.of("schema", "study", "title", "description");
  private static final Map<String, String> MEDIA_TYPES =
      Map.ofEntries(
          Map.entry("csv", "text/csv"),
          Map.entry("json", "application/json"),
          Map.entry("arrow", "application/vnd.apache.arrow.file"),
          Map.entry("png", "image/png"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("yaml", "application/yaml"),
          Map.entry("yml", "application/yaml"),
          Map.entry("txt", "text/plain"),
          Map.entry("log", "text/plain"));
  private static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String HEX = "0123456789ABCDEF";

  private RoCrate() {}

  /**
   * What a crate is built from; all of it read from the run directory.
   *
   * @param lock the verified lock file (study name, manifest hash, artifacts and their tasks)
   * @param provenance {@code provenance.json} as a JSON tree (read leniently: missing fields are
   *     left out of the crate)
   * @param manifest {@code manifest.yaml} as a tree, or null if it is absent or unparseable
   * @param files every file of the run directory, any order
   */
  public record Run(LockFile lock, JsonNode provenance, JsonNode manifest, List<ArchivedFile> files) {
    public Run {
      Objects.requireNonNull(lock, "lock");
      Objects.requireNonNull(provenance, "provenance");
      files = files.stream().sorted(Comparator.comparing(ArchivedFile::path)).toList();
    }
  }

  /** The metadata document as a JSON tree. */
  public static ObjectNode metadata(Run run) {
    ObjectNode doc = NODES.objectNode();
    ArrayNode context = doc.putArray("@context");
    context.add(CONTEXT);
    context.addObject().put("sha256", SHA256_TERM);
    ArrayNode graph = doc.putArray("@graph");

    ObjectNode descriptor = graph.addObject();
    descriptor.put("@id", FILE_NAME);
    descriptor.put("@type", "CreativeWork");
    descriptor.set("conformsTo", ref(CONFORMS_TO));
    descriptor.set("about", ref("./"));

    String study = run.lock().study();
    String endedAt = text(run.provenance(), "endedAt");
    String startedAt = text(run.provenance(), "startedAt");
    ObjectNode root = graph.addObject();
    root.put("@id", "./");
    root.put("@type", "Dataset");
    root.put("name", study);
    root.put("description", description(study, run.manifest()));
    // The run's end (else start) rather than the archiving time: archiving twice gives equal bytes.
    String published = endedAt != null ? endedAt : startedAt;
    if (published != null) {
      root.put("datePublished", published);
    }
    // No license: neither the manifest nor the provenance records one (RO-Crate 1.1: SHOULD, not MUST).
    ArrayNode hasPart = root.putArray("hasPart");
    run.files().forEach(f -> hasPart.add(ref(uriPath(f.path()))));
    root.set("mentions", ref(RUN_ID));

    List<ObjectNode> parameters = parameters(run.manifest());
    graph.add(action(run, study, startedAt, endedAt, parameters));
    graph.add(software(run.provenance()));
    String commit = commit(run.provenance());
    if (commit != null) {
      ObjectNode c = graph.addObject();
      c.put("@id", COMMIT_ID);
      c.put("@type", "PropertyValue");
      c.put("propertyID", "git commit");
      c.put("name", "git commit");
      c.put("value", commit);
    }
    parameters.forEach(graph::add);
    Map<String, String> stageOf = stageOfArtifact(run.lock());
    for (ArchivedFile f : run.files()) {
      graph.add(file(f, stageOf.get(f.path()), run.lock()));
    }
    return doc;
  }

  /** The metadata document as pretty canonical JSON (sorted keys, final newline). */
  public static byte[] bytes(Run run) {
    return CanonicalJson.prettyBytes(metadata(run));
  }

  /**
   * Media type by file extension (case-insensitive): csv, json, arrow (Arrow IPC file), png, svg,
   * html, yaml, txt, log; {@code application/octet-stream} otherwise.
   */
  public static String mediaType(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return UNKNOWN_MEDIA_TYPE;
    }
    return MEDIA_TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN_MEDIA_TYPE);
  }

  /**
   * A run-relative path as a URI path for {@code @id}: {@code /} kept, UTF-8 kept (RO-Crate
   * prefers IRIs), and characters that may not appear in a URI path (space, {@code %},
   * {@code #}, {@code ?}, brackets, quotes, controls, ...) percent-encoded.
   */
  public static String uriPath(String path) {
    StringBuilder sb = new StringBuilder(path.length());
    path.codePoints().forEach(cp -> {
      if (cp <= 0x20 || cp == 0x7f || (cp < 0x80 && "%#?[]\"<>\\^`{|}".indexOf(cp) >= 0)) {
        sb.append('%').append(HEX.charAt(cp >> 4)).append(HEX.charAt(cp & 0xf));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private static ObjectNode action(Run run, String study, String startedAt, String endedAt, List<ObjectNode> parameters) {
    ObjectNode a = NODES.objectNode();
    a.put("@id", RUN_ID);
    a.put("@type", "CreateAction");
    a.put("name", "qdlaser run of study " + study);
    a.put("description", "'qdlaser run' of " + MANIFEST + ": sampling, integration, equilibrium, fitting and report; "
        + "lock.json lists the SHA-256 and size of every artifact, provenance.json the code, environment and task timings.");
    a.set("instrument", ref(SOFTWARE_ID));
    ArrayNode object = a.putArray("object");
    boolean hasManifest = run.files().stream().anyMatch(f -> f.path().equals(MANIFEST));
    if (hasManifest) {
      object.add(ref(MANIFEST));
    }
    parameters.forEach(p -> object.add(ref(p.get("@id").asText())));
    ArrayNode result = a.putArray("result");
    for (ArchivedFile f : run.files()) {
      if (run.lock().artifacts().containsKey(f.path()) || f.path().equals(LockFile.FILE_NAME) || f.path().equals(PROVENANCE)) {
        result.add(ref(uriPath(f.path())));
      }
    }
    if (startedAt != null) {
      a.put("startTime", startedAt);
    }
    if (endedAt != null) {
      a.put("endTime", endedAt);
      a.set("actionStatus", ref("http://schema.org/CompletedActionStatus"));
    }
    return a;
  }

  private static ObjectNode software(JsonNode provenance) {
    ObjectNode s = NODES.objectNode();
    s.put("@id", SOFTWARE_ID);
    s.put("@type", "SoftwareApplication");
    s.put("name", "qdlaser");
    String version = text(provenance, "qdlaserVersion");
    if (version != null) {
      s.put("version", version);
    }
    String commit = commit(provenance);
    if (commit != null) {
      s.set("identifier", ref(COMMIT_ID));
    }
    JsonNode dirty = provenance.path("code").path("dirty");
    String state = dirty.isBoolean() ? (dirty.asBoolean() ? " with uncommitted changes" : "") : " (working tree state unknown)";
    s.put("description", "Lasing thresholds of quantum-dot nanolasers: the pipeline that made this run; version "
        + (version == null ? "unknown" : version) + ", git commit " + (commit == null ? "unknown" : commit) + state + ".");
    return s;
  }

  private static ObjectNode file(ArchivedFile f, String stage, LockFile lock) {
    ObjectNode e = NODES.objectNode();
    e.put("@id", uriPath(f.path()));
    e.put("@type", "File");
    e.put("name", f.path());
    // Text, as in the RO-Crate 1.1 examples (schema.org contentSize is Text); bytes.
    e.put("contentSize", Long.toString(f.size()));
    e.put("encodingFormat", mediaType(f.path()));
    e.put("sha256", f.sha256());
    String description = switch (f.path()) {
      case MANIFEST -> "study manifest (input of the run; its SHA-256 is lock.json's manifestSha256 "
          + lock.manifestSha256() + ")";
      case LockFile.FILE_NAME -> "lock: SHA-256 and size of every artifact, every task key";
      case PROVENANCE -> "provenance: code version, libraries, JVM, host, timings of every task";
      default -> stage == null ? null : "artifact of the " + stage + " stage";
    };
    if (description != null) {
      e.put("description", description);
    }
    return e;
  }

  /** Each artifact's stage, from the lock's tasks (a shared artifact keeps its first stage in key order). */
  private static Map<String, String> stageOfArtifact(LockFile lock) {
    Map<String, String> stages = new HashMap<>();
    for (LockFile.TaskEntry t : lock.tasks().values()) {
      for (ArtifactRef a : t.artifacts()) {
        stages.putIfAbsent(a.path(), t.stage());
      }
    }
    return stages;
  }

  /**
   * The manifest's settings as PropertyValues, one per scalar leaf (a list of scalars is one
   * value list), named by the manifest's field path ({@code parameters.N},
   * {@code models[2].parameters.mu}, {@code sweep.from}) with the value as written.
   */
  private static List<ObjectNode> parameters(JsonNode manifest) {
    List<ObjectNode> out = new ArrayList<>();
    if (manifest == null || !manifest.isObject()) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = manifest.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (!NOT_PARAMETERS.contains(e.getKey())) {
        flatten(e.getKey(), e.getKey(), e.getValue(), out);
      }
    }
    out.sort(Comparator.comparing(p -> p.get("@id").asText()));
    return out;
  }

  private static void flatten(String name, String idPath, JsonNode value, List<ObjectNode> out) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        flatten(name + "." + e.getKey(), idPath + "." + e.getKey(), e.getValue(), out);
      }
      return;
    }
    if (value.isArray()) {
      boolean scalars = true;
      for (JsonNode v : value) {
        scalars &= v.isValueNode();
      }
      if (!scalars) {
        for (int i = 0; i < value.size(); i++) {
          flatten(name + "[" + i + "]", idPath + "." + i, value.get(i), out);
        }
        return;
      }
    }
    ObjectNode p = NODES.objectNode();
    p.put("@id", "#parameter-" + uriPath(idPath));
    p.put("@type", "PropertyValue");
    p.put("name", name);
    p.set("value", value.deepCopy());
    out.add(p);
  }

  private static String description(String study, JsonNode manifest) {
    String description = manifest == null ? null : text(manifest, "description");
    String title = manifest == null ? null : text(manifest, "title");
    if (description != null && !description.isBlank()) {
      return (title != null && !title.isBlank() ? title.strip() + ". " : "") + description.strip();
    }
    if (title != null && !title.isBlank()) {
      return title.strip();
    }
    return "Run directory of the qdlaser study " + study + " (manifest, artifacts, report, lock and provenance).";
  }

  private static String commit(JsonNode provenance) {
    String commit = text(provenance.path("code"), "gitCommit");
    return commit == null || commit.equals("unknown") ? null : commit;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  private static ObjectNode ref(String id) {
    return NODES.objectNode().put("@id", id);
  }
}
