package org.qdlaser.pipeline.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.pipeline.store.Table;

/**
 * A study's golden directory as text: {@code golden.yaml} and the reference tables beside it, by
 * file name. The report task carries these texts in its parameters (so a changed spec re-renders the
 * report) and checks its artifacts against them.
 *
 * @param study the study (names the directory {@code golden/<study>/})
 * @param files file name -> UTF-8 text, {@value GoldenChecker#SPEC_FILE} included
 */
public record GoldenSpec(String study, SortedMap<String, String> files) {
  public GoldenSpec {
    files = new TreeMap<>(files);
    if (!files.containsKey(GoldenChecker.SPEC_FILE)) {
      throw new IllegalArgumentException("golden files of " + study + " lack " + GoldenChecker.SPEC_FILE);
    }
  }

  /** The files of {@code golden/<study>/} (regular files only). */
  public static GoldenSpec read(Path studyDir) {
    SortedMap<String, String> files = new TreeMap<>();
    try (var list = Files.list(studyDir)) {
      for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
        files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden directory " + studyDir, e);
    }
    return new GoldenSpec(studyDir.getFileName().toString(), files);
  }

  /** Where the spec is, for messages. */
  public String where() {
    return "golden/" + study + "/" + GoldenChecker.SPEC_FILE;
  }

  /** The parsed {@code golden.yaml}. */
  public JsonNode spec() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(files.get(GoldenChecker.SPEC_FILE));
    } catch (IOException e) {
      throw new InputException(where(), "cannot read YAML: " + e.getMessage());
    }
  }

  /** A reference table beside the spec. */
  Table table(String name) {
    String text = files.get(name);
    if (text == null) {
      throw new InputException(where(), "reference table " + name + " is not in golden/" + study + "/");
    }
    return GoldenInputs.table(name, text);
  }
}
