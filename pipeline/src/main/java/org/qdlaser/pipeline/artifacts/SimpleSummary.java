package org.qdlaser.pipeline.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.qdlaser.stages.physics.simple.AseThreshold;
import org.qdlaser.stages.physics.simple.CwKind;
import org.qdlaser.stages.physics.simple.CwThreshold;
import org.qdlaser.stages.physics.simple.SeThreshold;

/**
 * {@code simple/<label>.json}: a Simple Model's thresholds at its parameters (spec section 5's
 * {@code threshold} keys, NaN where none exists) and the scalars of its figure. Golden checks read
 * these fields.
 *
 * @param model the model name (SIMPLE_*)
 * @param figure the figure kind computed
 * @param cwKind never, finite or thresholdless
 * @param cwThresholdPump W_th / gamma_X (0 thresholdless, NaN never)
 * @param seThresholdN SE threshold &lt;N&gt; (min over the probe window)
 * @param seThresholdEnergy its energy, eV
 * @param seAtWindowEdge whether the minimum sits on the window's edge
 * @param seMaxGainEnergy energy of the SE maximum at n_max, eV
 * @param seThresholdNAtMaxGainEnergy N0 there
 * @param crossSectionRatio |sigma_SE / sigma_A|
 * @param aseThresholdN ASE threshold &lt;N&gt;
 * @param aseThresholdFluence ASE threshold fluence, mJ/cm^2
 * @param aseThresholdEnergy where the gain first reaches G_ASE, eV
 * @param aseFluences the ASE figure's fluences, mJ/cm^2 (empty for other figures)
 * @param aseSpikeEnergies the ASE spike's energy at each of them, eV
 * @param aseSpikeShift last spike energy minus the first, eV (NaN without ASE spectra; &gt; 0 blue)
 * @param steadyStatePopulations the cw trace's steady state (cw figure only; empty otherwise)
 * @param steadyStateGain its gain (NaN without)
 */
public record SimpleSummary(
    @JsonProperty("model") String model,
    @JsonProperty("figure") String figure,
    @JsonProperty("cw_kind") String cwKind,
    @JsonProperty("cw_threshold_pump") double cwThresholdPump,
    @JsonProperty("se_threshold_N") double seThresholdN,
    @JsonProperty("se_threshold_energy") double seThresholdEnergy,
    @JsonProperty("se_at_window_edge") boolean seAtWindowEdge,
    @JsonProperty("se_max_gain_energy") double seMaxGainEnergy,
    @JsonProperty("se_threshold_N_at_max_gain_energy") double seThresholdNAtMaxGainEnergy,
    @JsonProperty("cross_section_ratio") double crossSectionRatio,
    @JsonProperty("ase_threshold_N") double aseThresholdN,
    @JsonProperty("ase_threshold_fluence") double aseThresholdFluence,
    @JsonProperty("ase_threshold_energy") double aseThresholdEnergy,
    @JsonProperty("ase_fluences") List<Double> aseFluences,
    @JsonProperty("ase_spike_energies") List<Double> aseSpikeEnergies,
    @JsonProperty("ase_spike_shift") double aseSpikeShift,
    @JsonProperty("steady_state_populations") List<Double> steadyStatePopulations,
    @JsonProperty("steady_state_gain") double steadyStateGain) {

  public SimpleSummary {
    aseFluences = List.copyOf(aseFluences);
    aseSpikeEnergies = List.copyOf(aseSpikeEnergies);
    steadyStatePopulations = List.copyOf(steadyStatePopulations);
  }

  /** The thresholds, without figure extras. */
  public static SimpleSummary of(String model, String figure, CwThreshold cw, SeThreshold se, AseThreshold ase) {
    return new SimpleSummary(model, figure, cw.kind().label(), cw.pump(), se.thresholdN(), se.thresholdEnergy(),
        se.atWindowEdge(), se.maxGainEnergy(), se.thresholdNAtMaxGainEnergy(), se.crossSectionRatio(), ase.n(),
        ase.fluence(), ase.energy(), List.of(), List.of(), Double.NaN, List.of(), Double.NaN);
  }

  /** With the ASE figure's spike positions. */
  public SimpleSummary withSpikes(double[] fluences, double[] spikeEnergies) {
    double shift = spikeEnergies.length < 2 ? Double.NaN : spikeEnergies[spikeEnergies.length - 1] - spikeEnergies[0];
    return new SimpleSummary(model, figure, cwKind, cwThresholdPump, seThresholdN, seThresholdEnergy, seAtWindowEdge,
        seMaxGainEnergy, seThresholdNAtMaxGainEnergy, crossSectionRatio, aseThresholdN, aseThresholdFluence,
        aseThresholdEnergy, box(fluences), box(spikeEnergies), shift, steadyStatePopulations, steadyStateGain);
  }

  /** With the cw trace's steady state. */
  public SimpleSummary withSteadyState(double[] populations, double gain) {
    return new SimpleSummary(model, figure, cwKind, cwThresholdPump, seThresholdN, seThresholdEnergy, seAtWindowEdge,
        seMaxGainEnergy, seThresholdNAtMaxGainEnergy, crossSectionRatio, aseThresholdN, aseThresholdFluence,
        aseThresholdEnergy, aseFluences, aseSpikeEnergies, aseSpikeShift, box(populations), gain);
  }

  public CwThreshold cwThreshold() {
    return new CwThreshold(CwKind.valueOf(cwKind.toUpperCase(java.util.Locale.ROOT)), cwThresholdPump);
  }

  public SeThreshold seThreshold() {
    return new SeThreshold(seThresholdN, seThresholdEnergy, seAtWindowEdge, seMaxGainEnergy, crossSectionRatio,
        seThresholdNAtMaxGainEnergy);
  }

  public byte[] toJson() {
    return ArtifactJson.write(this);
  }

  public static SimpleSummary fromJson(byte[] bytes) {
    return ArtifactJson.read(bytes, SimpleSummary.class);
  }

  private static List<Double> box(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }
}
