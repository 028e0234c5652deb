package org.qdlaser.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  record Point(double zeta, String alpha, Map<String, Object> middle) {}

  @Test
  void mapInsertionOrderDoesNotChangeBytesOrHash() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("gamma", 1.5);
    a.put("N", 10);
    a.put("nested", new LinkedHashMap<>(Map.of("b", 2, "a", 1)));
    a.put("delta_nu", List.of(3, 1, 2));
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("a", 1);
    inner.put("b", 2);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("delta_nu", List.of(3, 1, 2));
    b.put("nested", inner);
    b.put("N", 10);
    b.put("gamma", 1.5);

    assertThat(CanonicalJson.bytes(a)).isEqualTo(CanonicalJson.bytes(b));
    assertThat(CanonicalJson.sha256(a)).isEqualTo(CanonicalJson.sha256(b)).matches("[0-9a-f]{64}");
    assertThat(CanonicalJson.string(a)).isEqualTo("{\"N\":10,\"delta_nu\":[3,1,2],\"gamma\":1.5,\"nested\":{\"a\":1,\"b\":2}}");
  }

  @Test
  void differentValuesGiveDifferentHashes() {
    assertThat(CanonicalJson.sha256(Map.of("x", 1.0))).isNotEqualTo(CanonicalJson.sha256(Map.of("x", 1.0000000000000002)));
  }

  @Test
  void recordPropertiesAreSortedAlphabetically() {
    Map<String, Object> middle = new LinkedHashMap<>();
    middle.put("y", 1);
    middle.put("x", 2);
    assertThat(CanonicalJson.string(new Point(0.5, "a", middle))).isEqualTo("{\"alpha\":\"a\",\"middle\":{\"x\":2,\"y\":1},\"zeta\":0.5}");
  }

  @Test
  void jsonNodeInputIsSortedToo() {
    ObjectNode node = CanonicalJson.mapper().createObjectNode();
    node.put("b", 1);
    node.put("a", 2);
    assertThat(CanonicalJson.string(node)).isEqualTo("{\"a\":2,\"b\":1}");
  }

  @Test
  void doublesUseShortestRoundTripForm() {
    double[] values = {0.1, 0.002, 1e-5, 1e23, 2e-3, 123456.789, 1.0 / 3, 4.9e-324, Double.MAX_VALUE, -0.0, 100.0};
    for (double v : values) {
      String text = CanonicalJson.formatDouble(v);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
      assertThat(CanonicalJson.string(List.of(v))).isEqualTo("[" + text + "]");
    }
    assertThat(CanonicalJson.formatDouble(0.002)).isEqualTo("0.002");
    assertThat(CanonicalJson.formatDouble(1e-5)).isEqualTo("1.0E-5");
    assertThat(CanonicalJson.formatDouble(1e23)).isEqualTo("1.0E23");
    assertThat(CanonicalJson.formatDouble(100.0)).isEqualTo("100.0");
    assertThat(CanonicalJson.string(List.of(Double.NaN, Double.POSITIVE_INFINITY))).isEqualTo("[\"NaN\",\"Infinity\"]");
  }

  @Test
  void setsAreWrittenSorted() {
    Set<String> a = new LinkedHashSet<>(List.of("pear", "apple", "fig"));
    Set<String> b = new HashSet<>(List.of("fig", "pear", "apple"));
    assertThat(CanonicalJson.string(Map.of("s", a))).isEqualTo("{\"s\":[\"apple\",\"fig\",\"pear\"]}");
    assertThat(CanonicalJson.bytes(Map.of("s", b))).isEqualTo(CanonicalJson.bytes(Map.of("s", a)));
  }

  @Test
  void prettyFormIsSortedIndentedWithUnixNewlinesAndStable() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", List.of(1, 2));
    m.put("a", Map.of("k", "v"));
    String pretty = CanonicalJson.prettyString(m);
    assertThat(pretty).isEqualTo("{\n  \"a\": {\n    \"k\": \"v\"\n  },\n  \"z\": [\n    1,\n    2\n  ]\n}\n");
    assertThat(CanonicalJson.prettyBytes(m)).isEqualTo(pretty.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void unserialisableValueGivesClearError() {
    assertThatThrownBy(() -> CanonicalJson.bytes(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
  }
}
