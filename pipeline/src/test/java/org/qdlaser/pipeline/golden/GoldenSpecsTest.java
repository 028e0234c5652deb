package org.qdlaser.pipeline.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
}
