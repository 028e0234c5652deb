package org.qdlaser.pipeline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pretty, key-sorted JSON for command output.
 *
 * <p>The values a command prints (maps with string keys, collections, {@code double[]}/{@code int[]},
 * strings, numbers, booleans, null) are streamed through jackson-core's generator with its default
 * pretty printer: the text of databind's {@code ObjectMapper} with {@code INDENT_OUTPUT} and {@code
 * ORDER_MAP_ENTRIES_BY_KEYS}, without building the mapper (its serializer set-up was ~0.2 CPU-s of a
 * one-second {@code qdlaser point}, issue 14 part 3; JsonTest holds the two texts equal). Any other
 * value (a record, say) still goes to a mapper, made on first use.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  static String write(Object o) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      value(g, o);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise command output", e);
    }
    return text.toString();
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof double[] a) {
      g.writeArray(a, 0, a.length);
    } else if (v instanceof int[] a) {
      g.writeArray(a, 0, a.length);
    } else if (v instanceof Map<?, ?> m && stringKeys(m)) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : sorted(m).entrySet()) {
        g.writeFieldName((String) e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object x : c) {
        value(g, x);
      }
      g.writeEndArray();
    } else {
      Mapper.MAPPER.writeValue(g, v);
    }
  }

  private static boolean stringKeys(Map<?, ?> m) {
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> sorted(Map<?, ?> m) {
    return new TreeMap<>((Map<String, ?>) m);
  }

  /** The databind mapper for the values {@link #value} does not stream itself; loaded on first use. */
  private static final class Mapper {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }
}
