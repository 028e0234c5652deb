package org.qdlaser.pipeline.plan;

/** A task spec with the action that computes it. */
public record PlannedTask(TaskSpec spec, TaskAction action) {}
