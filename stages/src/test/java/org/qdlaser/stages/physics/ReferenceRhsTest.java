package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdlaser.stages.SharedReference;

/** Right-hand sides of the identical-dot models against shared/reference/rhs (the oracle). */
class ReferenceRhsTest {

  /**
   * Required agreement (DESIGN.md). Relative to the largest derivative of the same field: a field's
   * value is a sum of terms of that size, so rounding in a correct formula is ~1e-16 of it.
   */
  static final double RELATIVE_TOLERANCE = 1e-12;

  static Stream<String> cases() {
    return Stream.of(
        "CIM-N50-a", "CIM-N70-b", "TPM_IF-N50-a", "TPM_IF-N70-b", "TPM-N50-a", "TPM-N70-b");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rhsMatchesReference(String name) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(SharedReference.reference("rhs/" + name + ".json")));
    Model model = Models.identical(ModelKind.parse(root.get("model").asText()), parameters(root.get("parameters")));
    StateLayout layout = model.layout();
    double[] y = new double[layout.dimension()];
    double[] expected = new double[layout.dimension()];
    for (Field f : layout.fields()) {
      read(root.get("state").get(f.name()), f, y);
      read(root.get("derivative").get(f.name()), f, expected);
    }
    assertThat(root.get("state").size()).as("fields in reference state").isEqualTo(layout.fields().size());

    double[] actual = new double[layout.dimension()];
    model.rhs(0.0, y, actual);
    for (Field f : layout.fields()) {
      double scale = 0;
      for (int k = 0; k < f.size(); k++) {
        scale = Math.max(scale, Math.abs(expected[f.offset() + k]));
      }
      for (int k = 0; k < f.size(); k++) {
        int i = f.offset() + k;
        assertThat(actual[i])
            .as("%s: d%s[%d]", name, f.name(), k)
            .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(RELATIVE_TOLERANCE * scale));
      }
    }
  }

  static LaserParameters parameters(JsonNode p) {
    return new LaserParameters(
        p.get("gamma").asDouble(), p.get("gamma_c").asDouble(), p.get("gamma_nl").asDouble(),
        p.get("gamma_nr").asDouble(), p.get("g").asDouble(), p.get("mu").asDouble(),
        p.get("N").asInt(), p.get("r").asDouble(), p.get("Delta_nu").asDouble());
  }

  private static void read(JsonNode node, Field f, double[] into) {
    if (f.complex()) {
      into[f.offset()] = node.get(0).asDouble();
      into[f.offset() + 1] = node.get(1).asDouble();
    } else {
      into[f.offset()] = node.asDouble();
    }
  }
}
