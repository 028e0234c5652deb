/**
 * Finite-difference Jacobians: step-size rules ({@code FiniteDifferences}), dense forward
 * differences, and sparse differences by column colouring of a known pattern, for systems that
 * supply no analytic Jacobian.
 */
package org.qdlaser.stages.numerics.jacobian;
