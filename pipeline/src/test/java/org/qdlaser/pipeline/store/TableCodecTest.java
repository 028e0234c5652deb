package org.qdlaser.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TableCodecTest {
  static Table sample() {
    return Table.builder("equilibria")
        .addDouble("pump", 0.1, 1e-5, Double.NaN, -0.0, Double.POSITIVE_INFINITY)
        .addLong("index", 0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 42)
        .addBoolean("stable", true, false, true, false, true)
        .addString("note", "plain", "with,comma", "quote\"d", "", "ünïcode λ")
        .build();
  }

  @Test
  void arrowRoundTripPreservesEverything() {
    Table t = sample();
    Table back = TableCodec.fromArrowIpc(TableCodec.toArrowIpc(t));
    assertThat(back).isEqualTo(t);
    assertThat(back.name()).isEqualTo("equilibria");
    assertThat(back.columnNames()).containsExactly("pump", "index", "stable", "note");
    assertThat(Double.doubleToRawLongBits(back.doubles("pump")[3])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(back.strings("note")[4]).isEqualTo("ünïcode λ");
  }

  @Test
  void arrowBytesAreDeterministic() {
    byte[] first = TableCodec.toArrowIpc(sample());
    // Encode something else in between so that reused native memory would show up.
    Random r = new Random(1);
    double[] noise = r.doubles(10_000).toArray();
    String[] words = new String[10_000];
    for (int i = 0; i < words.length; i++) {
      words[i] = Long.toHexString(r.nextLong());
    }
    TableCodec.toArrowIpc(Table.builder("noise").addDouble("x", noise).addString("w", words).build());
    byte[] second = TableCodec.toArrowIpc(sample());
    assertThat(second).isEqualTo(first);
    assertThat(new String(first, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
  }

  /** Units and descriptions go into the field metadata and are read back from the schema alone. */
  @Test
  void fieldMetadataCarriesUnitsAndDescriptionsAndReadsBack() {
    Table t = Table.builder("eq").addDouble("pump", 1.0).addBoolean("stable", true)
        .add(new Table.DoubleListColumn("state", 2, new double[] {1, 2}, java.util.List.of("Re_b", "Im_b"))).build();
    byte[] arrow = TableCodec.toArrowIpc(t, name -> switch (name) {
      case "pump" -> java.util.Map.of(TableCodec.UNIT_KEY, "gamma_nr", TableCodec.DESCRIPTION_KEY, "pump rate per emitter r");
      case "state" -> java.util.Map.of(TableCodec.DESCRIPTION_KEY, "the state");
      default -> java.util.Map.of();
    });
    java.util.List<TableCodec.FieldInfo> fields = TableCodec.fields(arrow);
    assertThat(fields).extracting(TableCodec.FieldInfo::name).containsExactly("pump", "stable", "state");
    assertThat(fields.get(0).unit()).isEqualTo("gamma_nr");
    assertThat(fields.get(0).description()).isEqualTo("pump rate per emitter r");
    assertThat(fields.get(1).metadata()).isEmpty();
    assertThat(fields.get(2).kind()).isEqualTo(Table.Kind.DOUBLE_LIST);
    assertThat(fields.get(2).metadata()).containsEntry(TableCodec.DESCRIPTION_KEY, "the state")
        .containsEntry(TableCodec.ITEM_NAMES_KEY, "[\"Re_b\",\"Im_b\"]");
    assertThat(TableCodec.fromArrowIpc(arrow)).isEqualTo(t);
    assertThat(TableCodec.toArrowIpc(t, name -> java.util.Map.of())).isEqualTo(TableCodec.toArrowIpc(t));
  }

  /** A state vector per row in one fixed-size-list column, its item names in the field metadata. */
  @Test
  void listColumnsRoundTripWithTheirItemNamesAndWriteDeterministically() {
    Table t = Table.builder("ends").addDouble("pump", 2.0, 1.0)
        .add(new Table.DoubleListColumn("state", 3, new double[] {1, -0.0, Double.NaN, 4, 5e-300, 6},
            java.util.List.of("Re_b", "Im_b", "Bb")))
        .add(new Table.DoubleListColumn("unnamed", 1, new double[] {7, 8}, java.util.List.of()))
        .build();
    byte[] arrow = TableCodec.toArrowIpc(t);
    Table back = TableCodec.fromArrowIpc(arrow);
    assertThat(back).isEqualTo(t);
    assertThat(back.doubleList("state").row(1)).containsExactly(4, 5e-300, 6);
    assertThat(back.doubleList("state").itemNames()).containsExactly("Re_b", "Im_b", "Bb");
    assertThat(back.doubleList("unnamed").itemNames()).isEmpty();
    assertThat(TableCodec.toArrowIpc(back)).isEqualTo(arrow);
    assertThat(new String(TableCodec.toCsv(t), StandardCharsets.UTF_8))
        .isEqualTo("pump,state.Re_b,state.Im_b,state.Bb,unnamed[0]\n2.0,1.0,-0.0,NaN,7.0\n1.0,4.0,5.0E-300,6.0,8.0\n");
    assertThatThrownBy(() -> new Table.DoubleListColumn("s", 2, new double[3], java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 2");
  }

  @Test
  void emptyTableRoundTrips() {
    Table t = Table.builder("empty").addDouble("x").addString("s").build();
    assertThat(t.rowCount()).isZero();
    assertThat(TableCodec.fromArrowIpc(TableCodec.toArrowIpc(t))).isEqualTo(t);
    assertThat(new String(TableCodec.toCsv(t), StandardCharsets.UTF_8)).isEqualTo("x,s\n");
  }

  @Test
  void csvFormat() {
    String csv = new String(TableCodec.toCsv(sample()), StandardCharsets.UTF_8);
    assertThat(csv)
        .isEqualTo(
            "pump,index,stable,note\n"
                + "0.1,0,true,plain\n"
                + "1.0E-5,-1,false,\"with,comma\"\n"
                + "NaN,9223372036854775807,true,\"quote\"\"d\"\n"
                + "-0.0,-9223372036854775808,false,\"\"\n"
                + "INF,42,true,ünïcode λ\n");
  }

  @Test
  void garbageIsRejectedClearly() {
    assertThatThrownBy(() -> TableCodec.fromArrowIpc("not arrow".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Arrow IPC");
  }

  @Test
  void tableValidatesAndCopies() {
    assertThatThrownBy(() -> Table.builder("t").addDouble("a", 1, 2).addLong("b", 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b' has 1 rows");
    assertThatThrownBy(() -> Table.builder("t").addDouble("a", 1).addLong("a", 1).build()).hasMessageContaining("two columns named 'a'");
    assertThatThrownBy(() -> Table.builder("t").addString("s", "x", null).build()).hasMessageContaining("null value at row 1");
    assertThatThrownBy(() -> Table.builder(" ").build()).hasMessageContaining("table name");

    double[] values = {1, 2};
    Table t = Table.builder("t").addDouble("a", values).build();
    values[0] = 99;
    t.doubles("a")[1] = 99;
    assertThat(t.doubles("a")).containsExactly(1, 2);
    assertThatThrownBy(() -> t.longs("a")).hasMessageContaining("holds DOUBLE");
    assertThatThrownBy(() -> t.column("zz")).hasMessageContaining("no column 'zz'");
  }

  @Test
  void csvSpellsInfinitiesAsTableSchemaExpectsAndReadsThemBack() {
    Table t = Table.builder("t").addDouble("x", new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, 1.5}).build();
    String csv = new String(TableCodec.toCsv(t), StandardCharsets.UTF_8);
    // Table Schema's number type: "NaN", "INF", "-INF" (Java's "Infinity" is not among them).
    assertThat(csv).isEqualTo("x\nINF\n-INF\nNaN\n1.5\n");
    assertThat(TableCodec.parseCsvDouble("INF")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(TableCodec.parseCsvDouble("-INF")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(TableCodec.parseCsvDouble("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(TableCodec.parseCsvDouble("NaN")).isNaN();
    assertThatThrownBy(() -> TableCodec.parseCsvDouble("inf-ish")).isInstanceOf(NumberFormatException.class);
  }
}
