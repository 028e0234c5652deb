/**
 * The JVM-wide helper threads the science runs beside the caller's thread (the second half of a
 * coloured Jacobian, a prefetched ordering, a second-step spectrum): named daemon threads, so that a
 * finished command never waits on them and a thread dump says which role each one has. Owns nothing
 * else; callers keep their own work and results.
 */
package org.qdlaser.stages.numerics.threads;
