/**
 * Stiff test problems as {@link org.qdlaser.stages.numerics.ode.OdeSystem}s: the ODE problems of the
 * Test Set for IVP Solvers (Mazzia, Magherini et al., University of Bari, release 2.4) — ROBER,
 * HIRES, VDPOL, OREGO, E5, POLLU, RINGMOD, PLEI, VDPOLM, BEAM, MEDAKZO, EMEP — written from the
 * problem descriptions and files of that set, with their published reference solutions
 * ({@link org.qdlaser.stages.numerics.testproblems.StiffTestProblems}); and the scalable sparse 2-D
 * Brusselator with diffusion. Used by the integrator tests, by {@code qdlaser bench stiff} and by
 * ci/bench-stiff-scipy. (The Test Set's DAEs and implicit problems are out of scope: our
 * integrators take y' = f(t, y).)
 */
package org.qdlaser.stages.numerics.testproblems;
