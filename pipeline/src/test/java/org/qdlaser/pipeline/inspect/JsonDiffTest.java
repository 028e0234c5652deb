package org.qdlaser.pipeline.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonDiffTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }

  @Test
  void namesEachChangedLeafByItsPathWithOldAndNewValues() throws Exception {
    JsonNode a = json("{'parameters': {'N': 50, 'g': 70}, 'models': [{'model': 'CIM'}, {'model': 'TPM', 'mu': 0}]}");
    JsonNode b = json("{'parameters': {'N': 40, 'g': 70.0}, 'models': [{'model': 'CIM'}, {'model': 'TPM', 'mu': 1}], 'x': true}");
    assertThat(JsonDiff.diff(a, b)).extracting(Object::toString)
        .containsExactly("models[1].mu: 0 -> 1", "parameters.N: 50 -> 40", "x: (absent) -> true");
  }

  @Test
  void equalTreesHaveNoChangesAndNumbersCompareByValue() throws Exception {
    assertThat(JsonDiff.diff(json("{'a': [1, 2.0, {'b': 3}]}"), json("{'a': [1.0, 2, {'b': 3.00}]}"))).isEmpty();
  }

  @Test
  void longArraysAreOneChangeShownByLength() throws Exception {
    StringBuilder x = new StringBuilder("[");
    StringBuilder y = new StringBuilder("[");
    for (int i = 0; i < 40; i++) {
      x.append(i == 0 ? "" : ",").append(i);
      y.append(i == 0 ? "" : ",").append(i + 1);
    }
    assertThat(JsonDiff.diff(json("{'r': " + x + "]}"), json("{'r': " + y + "]}"))).extracting(Object::toString)
        .containsExactly("r: [40 values] -> [40 values]");
    assertThat(JsonDiff.diff(json("{'r': [1, 2]}"), json("{'r': [1, 2, 3]}"))).extracting(Object::toString)
        .containsExactly("r: [1, 2] -> [1, 2, 3]");
    assertThat(JsonDiff.diff(json("{'r': [1, 2, 3]}"), json("{'r': [1, 5, 3]}"))).extracting(Object::toString)
        .containsExactly("r[1]: 2 -> 5");
  }
}
