package org.qdlaser.pipeline.artifacts;

import org.qdlaser.pipeline.store.Table;
import org.qdlaser.pipeline.store.TableCodec;
import org.qdlaser.stages.integration.TimeSeries;

/**
 * {@code integration/<label>-series.arrow}: the time series a sweep recorded, one row per recorded
 * step (polydisperse sweeps: one per pump). Written for readers outside the pipeline.
 */
public final class SeriesTable {
  private SeriesTable() {}

  public static byte[] toArrow(TimeSeries s) {
    return TableCodec.toArrowIpc(Table.builder("time_series")
        .addDouble("pump", s.pump()).addDouble("time", s.time()).addDouble("b_abs", s.bAbs())
        .addDouble("photons", s.photons()).addDouble("upper_population", s.upperPopulation())
        .addDouble("bb_abs", s.bbAbs()).build());
  }
}
