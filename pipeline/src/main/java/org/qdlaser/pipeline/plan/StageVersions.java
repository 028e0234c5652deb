package org.qdlaser.pipeline.plan;

/** Stage versions: bump when a stage's output for the same inputs changes (the history says why each changed). */
public final class StageVersions {
  // 3: sample table with units in its field metadata and a CSV twin
  public static final int SAMPLING = 3;
  // 3: sparse iteration matrices for the _d models; 4: TPM_d sweeps start seeded; 5: Newton converged at F's rounding
  // level (_d sweeps polish by Newton); 6: stability margin from the Jacobian's measured noise; 7: BDF Newton test
  // with the geometric tail, carried rate >= 0.2, new Jacobian after slow convergence (issue 14); 8: field table with
  // units and descriptions in its field metadata (issue 17); 9: restart at order 1 from f(t, y) after three error test failures (BDF, issue 14: the Fig. 2 TPM transient underflowed)
  // 10: the BDF's age rule for Jacobians also asks that the right-hand sides since the last one paid 10x its cost (issue 14: BEAM; finite-difference Jacobians of more than 5 columns are re-evaluated less often)
  // 11: the exact sparse Jacobian of the _d models (issue 14 part 2, branch jac8) in the sparse Newton, the BDF's sparse iteration matrix and the sparse stability search: _d states move within Newton's tolerance, transients within the integrator's
  // 12: the sparse LU keeps a reused row order only where a fresh pivot search chooses the same rows, so every factorisation is a function of its matrix (branch repro: a solve no longer depends on what its thread solved before); _d results move in their last digits (TPM_d N = 50 point: activation 1.5e-11 relative); 13: that change reverted (EQUILIBRIUM 22): bytes as 11
  public static final int INTEGRATION = 13;
  /**
   * The sweep's integration task (the other integration task, the oscillation's field trace, stays
   * at {@link #INTEGRATION}): 7: its ends table holds the state and its derivative as two
   * fixed-size-list columns with the components' names in their field metadata (was one column per
   * unknown, y0 .. y{n-1} and ydot0 .. ydot{n-1}: 22,570 columns for TPM_d at N = 40, looked up by
   * name in O(n^2)). 8: the BDF Newton test of issue 14 (as {@link #INTEGRATION} 7).
   */
  // 9: units and descriptions in the field metadata; CSV twins of the series and ends (one column per state
  // component) (issue 17); 10: as INTEGRATION 9
  // 11: as INTEGRATION 10; 12: as INTEGRATION 11 (exact sparse Jacobians of the _d models); 13: as INTEGRATION 12
  // (the sparse LU without history); 14: that change reverted (as EQUILIBRIUM 22)
  public static final int SWEEP_INTEGRATION = 14;
  // 4: non-lasing samples recorded; 5: early Newton for small systems, sparse Newton/stability; 6: TPM_IF_d seeded
  // from CIM_d; 7: Newton converged at F's rounding level, threshold start pumps up to the ceiling; 8: branches of
  // _d models (arclength scaled per field family), the stable end (threshold) in folds.json; 9: _d branches stop
  // five unstable points past the fold; 10: activation transients bounded by a budget, verdict unsettled;
  // stability margin from the Jacobian's measured noise (unstable branches past ill-conditioned folds were
  // labelled stable), pitchforks by the real charge-1 determinant; 11: transients with the BDF Newton test of
  // issue 14 (geometric tail, carried rate >= 0.2, new Jacobian after slow convergence); 12: units and descriptions
  // in the tables' field metadata (issue 17); 13: transients with the BDF restart at order 1 from f(t, y) after three error test failures (BDF, issue 14: the Fig. 2 TPM transient underflowed);
  // 14: dense spectra block by block (BlockTriangularEigenvalues, issue 14): the eigenvalues of non-lasing states move at the rounding level (TPM at Table I, r = 1e4: rightmost -0.004654180163203 -> -0.004654180163520)
  // 15: chord steps in the sparse Newton (n >= 200: the _d models), and a bordered system's AMD from its leading
  // block (issue 14): their states move within Newton's tolerance (TPM_d N = 50: 1e-11 relative; identical dots unchanged).
  // Chord steps were then switched off by default before any release of 15 (NewtonSettings.chordSteps: they lost
  // fig5-6-9-10's TPM_d S6 at w_QD = gamma); 15 is the AMD change alone. 16: the sparse Newton (the _d models)
  // damped by Deuflhard's natural monotonicity test, chord steps back on (issue 14): _d states move within
  // Newton's tolerance (TPM_d N = 50 S6: |b| 281.6721489185 -> 281.6721489113), seeds can reach other roots
  // 17: transients with the BDF's age rule for Jacobians also asks that the right-hand sides since the last one paid 10x its cost (issue 14: BEAM; finite-difference Jacobians of more than 5 columns are re-evaluated less often);
  // a fold located on the amplitude branch is the point solved at Brent's optimum, not a second solve there (fig2b's TPM fold at gamma_c = 1e8 s^-1 was lost by that second solve)
  // 18: a fold below the bisection end is accepted after the branch between them is walked in steps along r(|b|),
  // each point's stability checked, instead of one state solved at the midpoint (issue 13, fold8: that jump landed
  // on another solution for TPM_d S6 at 2 gamma); the threshold's kind and pump can change where the two checks differ
  // 19: the exact sparse Jacobian of the _d models (issue 14 part 2, branch jac8) in the sparse Newton, the BDF's sparse iteration matrix and the sparse stability search: _d states move within Newton's tolerance, transients within the integrator's
  // 20: dense spectra by our eigenvalue-only Francis QR (FrancisEigenvalues, issue 14 part 3, branch ifpt) instead of
  // EJML's: the eigenvalues move at the rounding level (measured 8e-17 .. 2e-16 of the balanced norm for the rightmost,
  // <= 1e-14 for every eigenvalue; CIM_d N = 50 S3 at 2e5: rightmost -0.00793169144378797 -> -0.007931691376088089), verdicts unchanged
  // 21: the sparse LU keeps a reused row order only where a fresh pivot search chooses the same rows, so every factorisation is a function of its matrix (branch repro: a solve no longer depends on what its thread solved before); _d results move in their last digits (TPM_d N = 50 point: activation 1.5e-11 relative)
  // 22: the LU change of 21 reverted (it cost S8's threshold 27 s): bytes as 20; a new number so that no version
  // names two contents
  // 23: the detuned-dot branch steps' Newton fails after two consecutive iterations damped to <= 1/32 (NewtonSettings
  // stallLimit, issue 13: S4's threshold): polydisperse thresholds move in their last digits (TPM_d N = 50 at 2 gamma:
  // pumps <= 1.1e-11 relative, fold amplitudes <= 1.1e-5), verdicts and evidence unchanged
  public static final int EQUILIBRIUM = 23;
  /**
   * The sweep's polish task (the other equilibrium tasks stay at {@link #EQUILIBRIUM}): 13: sweeps of
   * polydisperse models also write the Lorentzian fit of each lasing state's activation curve
   * ({@code equilibrium/<label>-activation-fits}: w_L per pump, issue 15). Identical-dot sweeps' output is
   * unchanged; their keys move with the version. 14: as {@link #EQUILIBRIUM} 13. 15: as {@link #EQUILIBRIUM} 14
   * (non-lasing spectra block by block). 16: as {@link #EQUILIBRIUM} 15 (chord steps in the sparse Newton). 17: as {@link #EQUILIBRIUM} 16 (natural monotonicity).
   * 18: as {@link #EQUILIBRIUM} 17 (the BDF's amortised Jacobian age). 19: as {@link #EQUILIBRIUM} 19 (exact
   * sparse Jacobians of the _d models). 20: as {@link #EQUILIBRIUM} 20 (dense spectra by our Francis QR). 21: as {@link #EQUILIBRIUM} 21 (the sparse LU without history).
   */
  public static final int SWEEP_EQUILIBRIUM = 22;
  /**
   * The tasks whose output holds pump-step amplitudes (RelaxationOscillation): the relaxation sweep
   * (equilibrium stage, was {@link #EQUILIBRIUM}) and the pump step (integration stage, was {@link
   * #INTEGRATION}). 13: the amplitudes from one Hessenberg reduction and O(n^2) shifted solves (were dense
   * 2n x 2n LUs per candidate: the same residues to ~1e-7 relative). Only their output changed, so the
   * other tasks keep their keys. 14: as {@link #EQUILIBRIUM} 13. 15: as {@link #EQUILIBRIUM} 14 (non-lasing
   * spectra block by block: their pairs and amplitudes move at the rounding level, e.g. 8e-11 relative in the
   * population amplitude). 16: as {@link #EQUILIBRIUM} 15 (chord steps in the sparse Newton). 17: as
   * {@link #EQUILIBRIUM} 16 (natural monotonicity in the sparse Newton). 18: as {@link #EQUILIBRIUM} 17 (the
   * BDF's amortised Jacobian age). 19: as {@link #EQUILIBRIUM} 19 (exact sparse Jacobians of the _d models).
   * 20: as {@link #EQUILIBRIUM} 20 (dense spectra by our Francis QR: the pairs move at the rounding level, and
   * their amplitudes, which are sensitive to the pair, by ~6e-8 relative: CIM_d N = 50 S3 at 2e5).
   * 21: as {@link #EQUILIBRIUM} 21 (the sparse LU without history). 22: as {@link #EQUILIBRIUM} 22 (reverted).
   */
  public static final int RELAXATION = 22;
  /**
   * The activation task (the state of a sample at one pump) on its own: 13: procedure ours follows a
   * sample unsettled after its budget to its long-time fate (state key long_time), procedure paper adds
   * the App. A reading (paper_reading), issue 13. The other equilibrium tasks keep their keys. 14: its
   * table gains the per-dot upper population n_l ({@code dot_upper_population}: the frequency-pulling relation
   * and the two-level bound, issue 15). 15: as {@link #EQUILIBRIUM} 13. 16: as {@link #EQUILIBRIUM} 14 (non-lasing
   * spectra block by block). 17: as {@link #EQUILIBRIUM} 15 (chord steps in the sparse Newton). 18: procedure
   * ours follows a sample without a steady state from the seed straight to its long-time fate, its budget end
   * read off that same co-rotating transient (no lab-frame budget first), and the co-rotating frame weighs
   * complex fields by their modulus and stops following a decayed field (issue 13, docs/decisions.md): the
   * budget end's and the fates' last digits change. 19: as {@link #EQUILIBRIUM} 16 (natural monotonicity in
   * the sparse Newton). 20: as {@link #EQUILIBRIUM} 17 (the BDF's amortised Jacobian age). 21: as {@link
   * #EQUILIBRIUM} 19 (exact sparse Jacobians of the _d models). 22: as {@link #EQUILIBRIUM} 20 (dense spectra by
   * our Francis QR). 23: as {@link #EQUILIBRIUM} 21 (the sparse LU
   * without history). 24: as {@link #EQUILIBRIUM} 22 (that change reverted).
   */
  public static final int ACTIVATION = 24;
  // 4: Lorentzian fit says lasing, none below threshold; 5: exact thresholds of _d sweeps; 6: exact thresholds as
  // equilibrium 7; 7: as equilibrium 10, unsettled samples fitted, marked; 8: as equilibrium 15 (chord steps in the
  // sparse Newton of the _d thresholds); 9: as equilibrium 16 (natural monotonicity in the sparse Newton); 10: as
  // equilibrium 17 (the BDF's amortised Jacobian age in the thresholds' transients, the fold as solved at Brent's optimum);
  // 11: as equilibrium 18 (the segment between a fold and the bisection end walked, not checked at one midpoint);
  // 12: as equilibrium 19 (exact sparse Jacobians of the _d models in the thresholds' Newton solves)
  // 13: as equilibrium 20 (the sparse LU without history); 14: reverted, as equilibrium 22; 15: as equilibrium 23
  // (the branch steps' Newton stall limit)
  public static final int FITTING = 15;
  // The fitting stage's Lorentzian task (Eq. 2) on its own: 8: both fits, unscaled (lorentzian) and scaled
  // (lorentzian_scaled), ActivationFit. Only its output changed, so the other fitting tasks (threshold brackets,
  // oscillation fits, some of them minutes long) keep their keys.
  public static final int LORENTZIAN = 8;
  /**
   * The threshold of an activation study's undecided sample (stage "threshold", issue 13 item 4): 1 first
   * version (the homotopy at fixed |b| of ThresholdStart, docs/decisions.md). 2: as {@link #EQUILIBRIUM} 17
   * (the BDF's amortised Jacobian age, the fold as solved at Brent's optimum). 3: no long-time fates after
   * homotopy paths that ended before a stable state (S4, S8 at 2 gamma: bounded search, weekly7). 4: as {@link
   * #EQUILIBRIUM} 18 (S6, S9 at 2 gamma: folds, no longer "instability" ends), and a homotopy path ends where its
   * pump passes the search's ceiling (S4's mu paths; fold8). 5: as {@link #EQUILIBRIUM} 19 (exact sparse Jacobians
   * of the _d models in the homotopy's and the amplitude branch's Newton). 6: a homotopy path's attempt budget 200
   * (was 80: S4 at 2 gamma's first mu path was cut three steps before mu = 0; it now reaches the sample and S4 has a
   * threshold, a fold, where it had the verdict none; fate9). 7: as {@link #EQUILIBRIUM} 20 (the sparse LU without
   * history: S4 at 2 gamma's search moves in its last digits). 8: as {@link #EQUILIBRIUM} 22 (that change reverted).
   * 9: as {@link #EQUILIBRIUM} 23 (the branch steps' Newton stall limit: S4 at 2 gamma 59 -> 49 s, last digits).
   */
  public static final int SAMPLE_THRESHOLD = 9;
  // 2: figures of activation studies (Figs. 5, 6, 8-10); 3: amplitude_range, branch thresholds, photons_vs_pump;
  // 4: unsettled samples (open markers, listed); 5: not_lasing_count in activation summaries
  // 6: units in the tables' field metadata; links to the timeline, task graph, files and data package;
  // 7: validation table (golden checks) and disagreements with the paper; 8: long-time fates of unsettled
  // samples (table, long-time-summary.json), issue 13; figures as the paper draws them (unstable dashed as one
  // path, gaps not bridged, log axes fitted with 10^n labels, legend off the data, captions naming the paper's
  // figure; issue 15); 9: activation summaries and reports with
  // frequency pulling and physical bounds per model (issue 15); 10: the same section and
  // report/activation-summary.json in the studies without figures (Fig. 4), its fits table with the unscaled a_L;
  // 11: the branches diagram in the paper's Fig. 7 line styles (CIM solid, TPM_IF dashed, TPM dot-dashed; unstable thin
  // dotted), titled with the study; 12: activation reports with the weekly's reviewed fates and thresholds beside the study's
  // golden spec (golden/<study>/weekly-fates.csv: fig5-6-9-10, fig8), shown as that run's (issue 13 item 5, fate9)
  public static final int REPORT = 12;

  /** The Simple Model's figure data (stage "simple": cw curves, spectra, maps, ASE): 1 first version. */
  // 2: units and descriptions in the tables' field metadata from their own dictionary (SimpleColumnDocs: before,
  // the laser tables' dictionary labelled the cw pump in gamma_nr and left most columns undescribed)
  public static final int SIMPLE = 2;

  private StageVersions() {}
}
