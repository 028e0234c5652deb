package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-based test of manifest input (issue 16): mutations of the real manifests (deleted keys,
 * wrong types, non-finite and extreme numbers, unknown keys and models, duplicate keys, aliases,
 * second documents, very long strings, unicode, path-like names, reversed ranges, truncations) go
 * through {@code run MANIFEST -o DIR --dry-run} in-process. Properties of every case: exit 0 or 2;
 * no stack trace or internal error; an exit-2 message names a field path; nothing is written (not
 * in {@code -o}, not beside the manifest, no {@code runs/}); at most {@link #MAX_CPU_SECONDS} of
 * CPU (wall time guards only against hangs: the machine is shared). A seeded generator of our own
 * (the seed is printed; {@code -Dqdlaser.fuzzSeed=S -Dqdlaser.fuzzCases=N} replays).
 */
class ManifestFuzzTest {
  static final int CASES = Integer.getInteger("qdlaser.fuzzCases", 1200);
  /** The bound per case; CPU time of the case's thread, so that load on the shared machine does not count. */
  static final double MAX_CPU_SECONDS = 2.0;
  /** A case still running after this wall time hangs. */
  static final long HANG_SECONDS = 60;
  static final Path MANIFESTS = Path.of(System.getProperty("user.dir")).resolve("../manifests").normalize();
  static final YAMLMapper YAML = new YAMLMapper();
  static final Pattern FIELD = Pattern.compile("\\(field ([^)]+)\\)");

  static final String[] ODD_SCALARS = {".nan", ".inf", "-.inf", "1e308", "-1e308", "1e-320", "0", "-1", "-0.0", "0x10",
      "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e19", "NaN", "Infinity", "true", "null", "~",
      "''", "\"\"", "abc", "1/s", "-5/s", "1e400/s", "ünïcødé", "\"\\u0000\"", "../../etc/passwd", "/tmp/x", "a/b", "..",
      "'C:\\\\x'", "5..1", "1..5", "9223372036854775807..9223372036854775807", "-9223372036854775808..9223372036854775807",
      "[1, 2]", "{a: 1}", "[]", "{}", "*undefined", "&a 3", "!!binary aGVsbG8=", "!foo bar", "12:30", "2026-01-01"};

  record Case(String description, String text) {}

  @Test
  void mutatedManifestsAreAcceptedOrRefusedCleanly(@TempDir Path tmp) throws Exception {
    List<Path> bases;
    try (Stream<Path> s = Files.list(MANIFESTS)) {
      bases = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(bases).hasSizeGreaterThan(5);
    long seed = Long.getLong("qdlaser.fuzzSeed", System.nanoTime());
    System.out.println("ManifestFuzzTest seed " + seed + ", " + CASES + " cases (replay with -Dqdlaser.fuzzSeed=" + seed + ")");
    Random rnd = new Random(seed);
    Path cwdRuns = Path.of(System.getProperty("user.dir"), "runs");
    boolean runsBefore = Files.exists(cwdRuns);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      return t;
    });
    List<String> failures = new ArrayList<>();
    int accepted = 0;
    double cpuTotal = 0;
    double cpuMax = 0;
    try {
      for (int i = 0; i < CASES && failures.size() < 20; i++) {
        Path base = bases.get(rnd.nextInt(bases.size()));
        Case c = mutate(Files.readString(base), rnd);
        Path dir = Files.createDirectories(tmp.resolve("case-" + i));
        Path manifest = dir.resolve("m.yaml");
        Files.writeString(manifest, c.text(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        Future<long[]> f = worker.submit(() -> {
          long cpu0 = threads.getCurrentThreadCpuTime();
          int code = Main.execute(new PrintWriter(so, true), new PrintWriter(se, true), "run", manifest.toString(), "-o", out.toString(),
              "--dry-run");
          return new long[] {code, threads.getCurrentThreadCpuTime() - cpu0};
        });
        String what = "case " + i + " (" + base.getFileName() + ": " + c.description() + ")";
        long[] r;
        try {
          r = f.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          failures.add(what + ": still running after " + HANG_SECONDS + " s\n" + c.text());
          break; // the hung thread keeps the worker
        }
        int code = (int) r[0];
        double cpu = r[1] * 1e-9;
        cpuTotal += cpu;
        cpuMax = Math.max(cpuMax, cpu);
        String err = se.toString();
        List<String> problems = new ArrayList<>();
        if (code != 0 && code != 2) {
          problems.add("exit " + code);
        }
        if (err.contains("internal error") || err.contains("Exception") || err.contains("\tat ")) {
          problems.add("a stack trace or internal error");
        }
        if (code == 2) {
          Matcher m = FIELD.matcher(err);
          if (!m.find() || m.group(1).isBlank() || m.group(1).equals("(document)")) {
            problems.add("no field path");
          }
        }
        try (Stream<Path> written = Files.list(dir)) {
          List<Path> files = written.filter(p -> !p.equals(manifest)).toList();
          if (!files.isEmpty()) {
            problems.add("wrote " + files);
          }
        }
        if (!runsBefore && Files.exists(cwdRuns)) {
          problems.add("wrote " + cwdRuns);
        }
        if (cpu > MAX_CPU_SECONDS) {
          problems.add(String.format("%.2f s of CPU", cpu));
        }
        if (!problems.isEmpty()) {
          failures.add(what + ": " + problems + "\nstderr: " + err + "\nmanifest:\n" + c.text());
        }
        accepted += code == 0 ? 1 : 0;
      }
    } finally {
      worker.shutdownNow();
    }
    System.out.println(String.format(java.util.Locale.ROOT, "ManifestFuzzTest: %d of %d mutated manifests accepted, the others"
        + " refused (exit 2); CPU %.1f s in all, %.3f s at most per case", accepted, CASES, cpuTotal, cpuMax));
    assertThat(failures).as("seed " + seed).isEmpty();
  }

  // ---- the generator

  static Case mutate(String text, Random rnd) throws Exception {
    int kind = rnd.nextInt(12);
    if (kind < 6) {
      JsonNode tree = YAML.readTree(text);
      List<Slot> slots = new ArrayList<>();
      collect(tree, "", slots);
      Slot s = slots.get(rnd.nextInt(slots.size()));
      String desc;
      switch (kind) {
        case 0 -> {
          desc = "delete " + s.path;
          s.delete.run();
        }
        case 1 -> {
          String v = ODD_SCALARS[rnd.nextInt(ODD_SCALARS.length)];
          desc = s.path + " = " + v;
          String marker = "MARK" + Long.toHexString(rnd.nextLong() & Long.MAX_VALUE);
          s.set.accept(JsonNodeFactory.instance.textNode(marker));
          // raw YAML text, so that .nan, aliases and tags reach the parser as written
          return new Case(desc, YAML.writeValueAsString(tree).replace("\"" + marker + "\"", v).replace(marker, v));
        }
        case 2 -> {
          JsonNode v = wrongType(rnd);
          desc = s.path + " = " + v;
          s.set.accept(v);
        }
        case 3 -> {
          String v = rnd.nextBoolean() ? "x".repeat(10_000 + rnd.nextInt(100_000)) : "ü😀/../\u202e" + "名".repeat(rnd.nextInt(300));
          desc = s.path + " = a long or unicode string (" + v.length() + " chars)";
          s.set.accept(JsonNodeFactory.instance.textNode(v));
        }
        case 4 -> {
          ObjectNode parent = s.parentObject != null ? s.parentObject : (ObjectNode) tree;
          String key = rnd.nextBoolean() ? "unknown_key" : "../" + rnd.nextInt(100);
          desc = "add " + key + " beside " + s.path;
          parent.put(key, 1);
        }
        default -> {
          desc = "unknown model at " + s.path;
          s.set.accept(JsonNodeFactory.instance.textNode(rnd.nextBoolean() ? "TPM_x" : "cim"));
        }
      }
      return new Case(desc, YAML.writeValueAsString(tree));
    }
    List<String> lines = new ArrayList<>(text.lines().toList());
    int at = rnd.nextInt(lines.size());
    switch (kind) {
      case 6 -> {
        lines.add(at + 1, lines.get(at));
        return new Case("duplicate line " + (at + 1), String.join("\n", lines));
      }
      case 7 -> {
        String line = lines.get(at);
        int colon = line.indexOf(": ");
        if (colon < 0) {
          return new Case("alias line " + (at + 1), text + "\nalias: *x\n");
        }
        lines.set(at, line.substring(0, colon + 2) + "*undefined_anchor");
        return new Case("undefined alias at line " + (at + 1), String.join("\n", lines));
      }
      case 8 -> {
        return new Case("second document", text + "\n---\nstudy: other\n");
      }
      case 9 -> {
        int cut = rnd.nextInt(text.length());
        return new Case("truncated at " + cut, text.substring(0, cut));
      }
      case 10 -> {
        String t = text.replaceFirst("from: ([^,}\\n]+)(.*?)to: ([^,}\\n]+)", "from: $3$2to: $1");
        return new Case("from and to swapped", t);
      }
      default -> {
        String t = text.replaceFirst("seed: [^,}\\n]+", "seed: " + (rnd.nextBoolean()
            ? "9223372036854775807..9223372036854775807" : rnd.nextBoolean() ? "-9223372036854775808..9223372036854775807" : "5..1"));
        if (t.equals(text)) {
          t = text.replaceFirst("(models:)", "samples: {w_qd: 1, seed: 9223372036854775806..9223372036854775807}\n$1");
        }
        return new Case("extreme seed range", t);
      }
    }
  }

  /** A place in the tree: its path, how to delete it and how to replace it. */
  record Slot(String path, ObjectNode parentObject, Runnable delete, Consumer<JsonNode> set, String scalar) {}

  static void collect(JsonNode node, String path, List<Slot> out) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
        String k = it.next();
        JsonNode child = o.get(k);
        String p = path.isEmpty() ? k : path + "." + k;
        out.add(new Slot(p, o, () -> o.remove(k), v -> o.set(k, v), child.isValueNode() ? child.asText() : null));
        collect(child, p, out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        int idx = i;
        String p = path + "[" + i + "]";
        JsonNode child = a.get(i);
        out.add(new Slot(p, null, () -> a.remove(idx), v -> a.set(idx, v), child.isValueNode() ? child.asText() : null));
        collect(child, p, out);
      }
    }
  }

  static JsonNode wrongType(Random rnd) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (rnd.nextInt(6)) {
      case 0 -> f.arrayNode().add(1).add("x");
      case 1 -> f.objectNode().put("a", 1);
      case 2 -> f.textNode("not a number");
      case 3 -> f.booleanNode(rnd.nextBoolean());
      case 4 -> f.nullNode();
      default -> f.numberNode(rnd.nextBoolean() ? Double.MAX_VALUE : -1e-300);
    };
  }
}
