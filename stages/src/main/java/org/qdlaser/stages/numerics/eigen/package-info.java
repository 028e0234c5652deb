/**
 * Eigenvalues: shift-invert Arnoldi for the rightmost eigenvalues of large sparse matrices that
 * decide the stability of steady states with thousands of unknowns; every eigenvalue of the dense
 * ones (up to ~1,000 unknowns) by our eigenvalue-only Francis QR, block by block (EJML's QR the
 * fallback; Hipparchus' after it, in the equilibrium stage).
 */
package org.qdlaser.stages.numerics.eigen;
