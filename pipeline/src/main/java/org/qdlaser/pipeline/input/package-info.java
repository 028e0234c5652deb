/**
 * Values users type, from manifests and {@code --set}: numbers with units ({@code /s}), the model
 * parameters over Table I, sample options, and {@link org.qdlaser.pipeline.input.InputException}:
 * bad input names its field, the value and what is allowed (exit code 2).
 *
 * <p>Must not know a manifest's structure, plans or tasks (the one file it reads is a
 * {@code --detunings} list).
 */
package org.qdlaser.pipeline.input;
