/**
 * Eigenvalues of large sparse matrices: shift-invert Arnoldi for the rightmost eigenvalues that
 * decide the stability of steady states with thousands of unknowns (small problems use the dense
 * eigen-decomposition of Hipparchus in the equilibrium stage).
 */
package org.qdlaser.stages.numerics.eigen;
