/**
 * Jacobians: the choice between a system's exact sparse Jacobian and differences
 * ({@code SparseJacobianBuilder}, the one place that decides), step-size rules
 * ({@code FiniteDifferences}), dense forward differences, and sparse differences by column colouring
 * of a known pattern, for systems that supply no exact Jacobian.
 */
package org.qdlaser.stages.numerics.jacobian;
