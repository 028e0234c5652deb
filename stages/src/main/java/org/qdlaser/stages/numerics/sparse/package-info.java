/**
 * Sparse matrices in compressed-row storage over a fixed
 * {@link org.qdlaser.stages.numerics.sparse.SparsityPattern}, fill-reducing orderings, the sparse
 * direct LU and the column colouring used to estimate Jacobians with few right-hand-side calls.
 *
 * <p>The flat arrays of {@link org.qdlaser.stages.numerics.sparse.SparseMatrix} are shared with the
 * kernels of the sibling packages; the pattern arrays are never modified after construction.
 */
package org.qdlaser.stages.numerics.sparse;
