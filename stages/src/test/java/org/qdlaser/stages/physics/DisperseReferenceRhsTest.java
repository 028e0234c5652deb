package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdlaser.stages.SharedReference;

/** Right-hand sides of the polydisperse models against shared/reference/rhs (the oracle). */
class DisperseReferenceRhsTest {

  /**
   * Required agreement (DESIGN.md). Relative to the largest derivative of the same field group
   * (e.g. all Vc[l]): each value is a sum of terms of about that size, so rounding is ~1e-16 of it.
   */
  static final double RELATIVE_TOLERANCE = 1e-12;

  /** "Vc[3]" -> group "Vc", index 3; "CVcv[2][5]" -> group "CVcv", indices 2, 5. */
  private static final Pattern NAME = Pattern.compile("(\\w+)(?:\\[(\\d+)\\])?(?:\\[(\\d+)\\])?");

  static Stream<String> cases() {
    return Stream.of("CIM_d-N6-a", "CIM_d-N9-b", "TPM_IF_d-N6-a", "TPM_IF_d-N9-b", "TPM_d-N6-a", "TPM_d-N9-b");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rhsMatchesReference(String name) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(SharedReference.reference("rhs/" + name + ".json")));
    Model model = Models.disperse(ModelKind.parse(root.get("model").asText()), parameters(root.get("parameters")));
    StateLayout layout = model.layout();
    double[] y = new double[layout.dimension()];
    double[] expected = new double[layout.dimension()];
    Map<String, Double> groupScale = new HashMap<>();
    for (Field f : layout.fields()) {
      read(root.get("state"), f, y);
      read(root.get("derivative"), f, expected);
      String group = group(f.name());
      for (int k = 0; k < f.size(); k++) {
        groupScale.merge(group, Math.abs(expected[f.offset() + k]), Math::max);
      }
    }
    assertThat(fieldNames(root.get("state"))).as("field groups of the reference state").isEqualTo(groupScale.keySet());
    assertThat(fieldNames(root.get("derivative"))).as("field groups of the reference derivative").isEqualTo(groupScale.keySet());
    assertDiagonalIsNull(root.get("state"), model);

    double[] actual = new double[layout.dimension()];
    model.rhs(0.0, y, actual);
    for (Field f : layout.fields()) {
      double scale = groupScale.get(group(f.name()));
      for (int k = 0; k < f.size(); k++) {
        int i = f.offset() + k;
        assertThat(actual[i]).as("%s: d%s[%s]", name, f.name(), k == 0 ? "re" : "im")
            .isCloseTo(expected[i], offset(RELATIVE_TOLERANCE * scale));
      }
    }
  }

  /** Parameters of a {@code _d} case: Delta_nu is a list; g a number (all dots) or a list. */
  static DisperseParameters parameters(JsonNode p) {
    int n = p.get("N").asInt();
    JsonNode dn = p.get("Delta_nu");
    JsonNode gNode = p.get("g");
    assertThat(dn.size()).as("Delta_nu entries").isEqualTo(n);
    double[] det = new double[n];
    double[] cpl = new double[n];
    for (int l = 0; l < n; l++) {
      det[l] = dn.get(l).asDouble();
      cpl[l] = gNode.isArray() ? gNode.get(l).asDouble() : gNode.asDouble();
    }
    return new DisperseParameters(
        p.get("gamma").asDouble(), p.get("gamma_c").asDouble(), p.get("gamma_nl").asDouble(),
        p.get("gamma_nr").asDouble(), p.get("mu").asDouble(), p.get("r").asDouble(), det, cpl);
  }

  static String group(String fieldName) {
    Matcher m = NAME.matcher(fieldName);
    if (!m.matches()) {
      throw new IllegalArgumentException("unexpected field name " + fieldName);
    }
    return m.group(1);
  }

  /** The JSON node of one layout field: {@code node[group][i][j]} as far as the name has indices. */
  private static JsonNode locate(JsonNode fields, String fieldName) {
    Matcher m = NAME.matcher(fieldName);
    if (!m.matches()) {
      throw new IllegalArgumentException("unexpected field name " + fieldName);
    }
    JsonNode node = fields.get(m.group(1));
    assertThat(node).as("reference field %s", m.group(1)).isNotNull();
    for (int g = 2; g <= 3 && m.group(g) != null; g++) {
      node = node.get(Integer.parseInt(m.group(g)));
    }
    return node;
  }

  private static void read(JsonNode fields, Field f, double[] into) {
    JsonNode node = locate(fields, f.name());
    assertThat(node == null || node.isNull()).as("reference value of %s", f.name()).isFalse();
    if (f.complex()) {
      into[f.offset()] = node.get(0).asDouble();
      into[f.offset() + 1] = node.get(1).asDouble();
    } else {
      into[f.offset()] = node.asDouble();
    }
  }

  /** Two-dot matrices carry null on the diagonal, which the layout skips. */
  private static void assertDiagonalIsNull(JsonNode state, Model model) {
    if (model.kind() != ModelKind.TPM_d) {
      return;
    }
    for (String g : new String[] {"CVcv", "VCcc", "VVcc", "CCcc"}) {
      for (int l = 0; l < model.dots(); l++) {
        assertThat(state.get(g).get(l).get(l).isNull()).as("%s[%d][%d] is null", g, l, l).isTrue();
      }
    }
  }

  private static java.util.Set<String> fieldNames(JsonNode node) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
