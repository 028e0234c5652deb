/**
 * Running a plan as a SLURM job array: shard packing by estimated cost, the plan file the shards and
 * the merge job read, batch scripts, and the sbatch/squeue client.
 *
 * <p>Must not know manifests: replanning a run takes a {@link org.qdlaser.pipeline.slurm.PlanFile.Planner}.
 */
package org.qdlaser.pipeline.slurm;
