/**
 * Looking at a run from outside: which tasks are up to date and why the others are not ({@code
 * qdlaser status}), the task graph as Graphviz DOT and as an SVG drawn by our own layered layout
 * ({@code qdlaser dag}, the report), and the timeline of a run's tasks (the report's timeline
 * page). Reads run directories and plans; computes nothing of the science.
 */
package org.qdlaser.pipeline.inspect;
