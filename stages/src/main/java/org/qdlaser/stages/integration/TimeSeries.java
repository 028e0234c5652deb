package org.qdlaser.stages.integration;

/**
 * Sampled observables of a sweep's transients, one row per recorded step.
 *
 * @param pump pump of the segment (normalised)
 * @param time time since the start of the segment (1/gamma_nr)
 * @param bAbs |<b>|
 * @param photons <b^+ b>
 * @param upperPopulation mean <c^+ c>
 * @param bbAbs |<bb>| (0 where the model has none)
 */
public record TimeSeries(
    double[] pump, double[] time, double[] bAbs, double[] photons, double[] upperPopulation, double[] bbAbs) {
  public TimeSeries {
    int n = pump.length;
    if (time.length != n || bAbs.length != n || photons.length != n || upperPopulation.length != n
        || bbAbs.length != n) {
      throw new IllegalArgumentException("time series columns must have equal lengths");
    }
    pump = pump.clone();
    time = time.clone();
    bAbs = bAbs.clone();
    photons = photons.clone();
    upperPopulation = upperPopulation.clone();
    bbAbs = bbAbs.clone();
  }

  public int size() {
    return pump.length;
  }

  @Override
  public double[] pump() {
    return pump.clone();
  }

  @Override
  public double[] time() {
    return time.clone();
  }

  @Override
  public double[] bAbs() {
    return bAbs.clone();
  }

  @Override
  public double[] photons() {
    return photons.clone();
  }

  @Override
  public double[] upperPopulation() {
    return upperPopulation.clone();
  }

  @Override
  public double[] bbAbs() {
    return bbAbs.clone();
  }

}
