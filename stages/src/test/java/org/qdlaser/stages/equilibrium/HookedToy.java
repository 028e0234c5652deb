package org.qdlaser.stages.equilibrium;

import org.qdlaser.stages.physics.Model;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.StateLayout;

/**
 * {@link LongTimeFateTest.Toy} with {@code hook} run at the start of every right-hand side (a test's way to slow,
 * count or block the transients and Newton solves that use the toy); everything else is the toy's, but
 * {@link #withPump} keeps the model as it is.
 */
record HookedToy(LongTimeFateTest.Toy toy, Runnable hook) implements Model {
  @Override
  public void rhs(double t, double[] y, double[] yDot) {
    hook.run();
    toy.rhs(t, y, yDot);
  }

  @Override
  public int dimension() {
    return toy.dimension();
  }

  @Override
  public ModelKind kind() {
    return toy.kind();
  }

  @Override
  public StateLayout layout() {
    return toy.layout();
  }

  @Override
  public int dots() {
    return toy.dots();
  }

  @Override
  public double pump() {
    return toy.pump();
  }

  @Override
  public Model withPump(double r) {
    return this;
  }

  @Override
  public double upperPopulationMean(double[] y) {
    return toy.upperPopulationMean(y);
  }

  @Override
  public double[] activation(double[] y) {
    return toy.activation(y);
  }

  @Override
  public double[] factorisedState(double b, double vc, double cc) {
    return toy.factorisedState(b, vc, cc);
  }

  @Override
  public double[] lasingInitialState() {
    return toy.lasingInitialState();
  }

  @Override
  public double[] noFieldState() {
    return toy.noFieldState();
  }
}
