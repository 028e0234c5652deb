package org.qdlaser.pipeline.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;

/** The Simple tables' columns carry their own units (not the laser tables' gamma_nr). */
class SimpleColumnDocsTest {
  @Test
  void everyColumnOfTheSimpleTablesIsDescribedWithItsUnit() {
    for (String c : List.of("pump", "gain", "inversion", "time", "energy", "A_X", "A_XX1", "A_XX2", "PL_X", "PL_XX", "N",
        "od_nl", "od_nl_at_threshold_energy", "od_nl_at_max_gain_energy", "se_threshold_N", "se_threshold_energy",
        "se_at_window_edge", "se_threshold_N_at_max_gain_energy", "se_max_gain_energy", "cross_section_ratio", "fluence",
        "intensity", "spike_energy", "spike_intensity", "N_1", "N_X_E", "xx_abs_binding", "esa_strength")) {
      assertThat(SimpleColumnDocs.of(c)).as(c).isPresent();
    }
    assertThat(SimpleColumnDocs.of("pump").orElseThrow().unit()).isEqualTo("gamma_X");
    assertThat(SimpleColumnDocs.of("xx_abs_binding").orElseThrow().unit()).isEqualTo("eV");
    assertThat(SimpleColumnDocs.of("no_such_column")).isEmpty();
  }

  @Test
  void simpleTablesWriteThoseUnitsIntoTheArrowFieldMetadata() {
    Table t = Table.builder("cw-curve").addDouble("pump", new double[] {1}).addDouble("gain", new double[] {0.5}).build();
    byte[] arrow = TableFiles.simple(ArtifactPaths.simpleTable("SIMPLE_3LS", "cw-curve"), t)
        .get(ArtifactPaths.simpleTable("SIMPLE_3LS", "cw-curve").arrow());
    List<TableCodec.FieldInfo> f = TableCodec.fields(arrow);
    assertThat(f.get(0).unit()).isEqualTo("gamma_X");
    assertThat(f.get(1).unit()).isEqualTo("sigma_SE N_total");
  }
}
