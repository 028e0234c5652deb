package org.qdlaser.pipeline.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.qdlaser.stages.physics.ModelKind;

/**
 * The parameters of a fit of one model run's artifacts (the Lorentzian of an activation curve, the
 * phase slope of a recorded field): what is fitted and the model, which the fit writes into its
 * result and no input of the fit carries.
 *
 * @param fit what is fitted (the task's own constant)
 * @param model the model kind
 */
public record FitParams(@JsonProperty("fit") String fit, @JsonProperty("model") ModelKind model) {}
