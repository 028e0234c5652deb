/**
 * The models (CIM, TPM_IF, TPM and their polydisperse versions): right-hand sides, state layouts and
 * sparsity, parameters ({@link org.qdlaser.stages.physics.Parameter}: names, units, signs), parameter
 * families for continuation.
 *
 * <p>Must not see files, manifests, the CLI, or the stages that solve them (integration,
 * equilibrium, report).
 */
package org.qdlaser.stages.physics;
