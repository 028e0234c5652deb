package org.qdlaser.pipeline.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden spec of the repository has a proper source on every check (without running its study). */
class GoldenSpecsTest {
  static Stream<Path> specs() throws IOException {
    return Files.list(Path.of("..", "golden")).map(d -> d.resolve(GoldenChecker.SPEC_FILE)).filter(Files::isRegularFile).sorted();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyCheckHasAProperSource(Path spec) throws IOException {
    JsonNode s = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(spec));
    assertThat(s.path("schema").asText()).isEqualTo(GoldenChecker.SCHEMA);
    assertThatCode(() -> GoldenChecker.validate(s, spec.toString())).doesNotThrowAnyException();
  }

  /** A spec's disagreements name entries that docs/errata.md has (its rows "| D1 |", "| D2 |", ...). */
  @ParameterizedTest
  @MethodSource("specs")
  void disagreementsNameEntriesOfTheErrata(Path spec) throws IOException {
    JsonNode s = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(spec));
    String errata = Files.readString(Path.of("..", "docs", "errata.md"));
    for (PaperDisagreement d : PaperDisagreement.of(s, spec.toString())) {
      assertThat(errata).as(spec + " names " + d.errata()).contains("| " + d.errata() + " |");
    }
  }

  /** Every disagreement of docs/errata.md is shown in the report of at least one study. */
  @Test
  void everyDisagreementOfTheErrataIsInSomeStudysReport() throws IOException {
    String errata = Files.readString(Path.of("..", "docs", "errata.md"));
    Set<String> named = new TreeSet<>();
    for (Path spec : specs().toList()) {
      JsonNode s = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(spec));
      PaperDisagreement.of(s, spec.toString()).forEach(d -> named.add(d.errata()));
    }
    Matcher m = Pattern.compile("(?m)^\\| (D[0-9]+) \\|").matcher(errata);
    Set<String> listed = new TreeSet<>();
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertThat(listed).isNotEmpty();
    assertThat(named).containsAll(listed);
  }
}
