package org.qdlaser.pipeline.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Canonical JSON: the same values always give the same bytes, so that hashes over JSON are
 * stable across runs, JVMs and map insertion orders.
 *
 * <ul>
 *   <li>object properties and map entries sorted by key (records and beans included, also
 *       {@code JsonNode} input and classes with {@code @JsonPropertyOrder});
 *   <li>{@link Set} elements sorted by their own canonical JSON;
 *   <li>doubles/floats in the shortest form that round-trips (Schubfach, the algorithm behind
 *       {@code Double.toString} since JDK 19, so the text does not depend on the JVM version);
 *       NaN and infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 *   <li>compact form: no whitespace, UTF-8. The {@linkplain #prettyBytes pretty form} for
 *       human-facing files uses two-space indentation, {@code \n} line ends and a final newline.
 * </ul>
 *
 * <p>The mapper is shared and thread-safe; do not reconfigure it.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = build();
  private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

  private CanonicalJson() {}

  /** The shared canonical mapper, also suitable for reading files written by this class. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Compact canonical UTF-8 bytes of {@code value}. */
  public static byte[] bytes(Object value) {
    try {
      return COMPACT.writeValueAsBytes(toTree(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + describe(value) + " as canonical JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Compact canonical JSON text of {@code value}. */
  public static String string(Object value) {
    return new String(bytes(value), StandardCharsets.UTF_8);
  }

  /** Lower-case hex SHA-256 over {@link #bytes(Object)}. */
  public static String sha256(Object value) {
    return Hashing.sha256Hex(bytes(value));
  }

  /** Pretty canonical UTF-8 bytes (sorted keys, two-space indent, {@code \n}, final newline). */
  public static byte[] prettyBytes(Object value) {
    try {
      String text = PRETTY.writeValueAsString(toTree(value)) + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + describe(value) + " as canonical JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Pretty canonical JSON text, see {@link #prettyBytes(Object)}. */
  public static String prettyString(Object value) {
    return new String(prettyBytes(value), StandardCharsets.UTF_8);
  }

  /**
   * The canonical text of a double: shortest decimal that parses back to the same value, in
   * {@code Double.toString} layout (e.g. {@code 0.1}, {@code 1.0E-5}, {@code NaN}).
   */
  public static String formatDouble(double value) {
    return NumberOutput.toString(value, true);
  }

  /** Serialise via a tree so that every object level is sorted, whatever the source type. */
  private static JsonNode toTree(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    try {
      return MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot serialise " + describe(value) + " as canonical JSON: " + e.getMessage(), e);
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  private static ObjectMapper build() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    SimpleModule sets = new SimpleModule("qdlaser-canonical-sets");
    sets.addSerializer(new SortedSetSerializer());
    return JsonMapper.builder(factory)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.INDENT_OUTPUT)
        .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
        .addModule(sets)
        .build();
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  /** Writes sets in the order of their elements' canonical JSON text. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class SortedSetSerializer extends StdSerializer<Set> {
    private static final long serialVersionUID = 1L;

    SortedSetSerializer() {
      super(Set.class);
    }

    @Override
    public void serialize(Set value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      List<Object[]> keyed = new ArrayList<>(value.size());
      for (Object element : (Set<Object>) value) {
        keyed.add(new Object[] {COMPACT.writeValueAsString(element == null ? null : toTree(element)), element});
      }
      keyed.sort(Comparator.comparing(e -> (String) e[0]));
      gen.writeStartArray(value, keyed.size());
      for (Object[] e : keyed) {
        provider.defaultSerializeValue(e[1], gen);
      }
      gen.writeEndArray();
    }
  }
}
