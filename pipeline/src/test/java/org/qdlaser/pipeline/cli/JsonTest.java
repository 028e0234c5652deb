package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed command output is the text databind's pretty, key-sorted mapper gives for the same value. */
class JsonTest {
  /** The mapper {@link Json} wrote with before it streamed (the reference text). */
  private static final ObjectMapper REFERENCE =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private record Pair(String name, double value) {}

  @Test
  void aPointShapedValueIsWrittenAsTheMapperWritesIt() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", "TPM_IF_d");
    out.put("lasing", true);
    out.put("b_abs", 266.72941375217334);
    out.put("tiny", 1.0e-300);
    out.put("negative", -0.0);
    out.put("whole", 3.0);
    out.put("count", 50);
    out.put("long", 1L << 40);
    out.put("nothing", null);
    out.put("activation", new double[] {1.2, 0.5, 1e-12});
    out.put("dots", new int[] {3, 1});
    out.put("empty_list", List.of());
    out.put("empty_map", Map.of());
    out.put("empty_array", new double[0]);
    out.put("quote", "a \"b\" \\ \u00e9\n");
    out.put("nested", Map.of("z", 1.0, "a", List.of(Map.of("y", 2, "x", Arrays.asList(1.0, null)))));
    out.put("record", new Pair("p", 2.5));
    Map<Object, Object> intKeys = new LinkedHashMap<>();
    intKeys.put(2, "two");
    intKeys.put(1, "one");
    out.put("int_keys", intKeys);
    assertThat(Json.write(out)).isEqualTo(REFERENCE.writeValueAsString(out));
  }

  @Test
  void topLevelScalarsAndListsToo() throws Exception {
    for (Object v : new Object[] {List.of(1.0, "a", false), 2.0, "s", new double[] {1, 2}}) {
      assertThat(Json.write(v)).as(String.valueOf(v)).isEqualTo(REFERENCE.writeValueAsString(v));
    }
  }
}
