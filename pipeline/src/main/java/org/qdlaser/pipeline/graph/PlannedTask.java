package org.qdlaser.pipeline.graph;

/** A task spec with the action that computes it. */
public record PlannedTask(TaskSpec spec, TaskAction action) {}
