/**
 * Stiff test problems as {@link org.qdlaser.stages.numerics.ode.OdeSystem}s: the four problems of the
 * Test Set for IVP Solvers (Mazzia, Magherini et al., University of Bari) that
 * shared/reference/ivp-testset.json holds reference solutions for, written from the equations in
 * that file, and the scalable sparse 2-D Brusselator with diffusion. Used by the integrator tests
 * and by {@code qdlaser bench stiff}.
 */
package org.qdlaser.stages.numerics.testproblems;
