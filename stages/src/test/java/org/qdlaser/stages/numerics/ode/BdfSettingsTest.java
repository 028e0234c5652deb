package org.qdlaser.stages.numerics.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BdfSettingsTest {

  @Test
  void defaults() {
    BdfSettings s = BdfSettings.of(1e-6, 1e-10);
    assertThat(s.initialStep()).isZero();
    assertThat(s.maxStep()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(s.maxSteps()).isEqualTo(1_000_000L);
    assertThat(s.maxOrder()).isEqualTo(5);
    assertThat(s.atolPerComponent()).isNull();
    assertThat(s.atol(7)).isEqualTo(1e-10);
  }

  @Test
  void validationNamesFieldAndValue() {
    assertThatThrownBy(() -> BdfSettings.of(-1.0, 1e-10)).hasMessage("rtol must be in (0, 1), got -1.0");
    assertThatThrownBy(() -> BdfSettings.of(1.0, 1e-10)).hasMessageContaining("rtol");
    assertThatThrownBy(() -> BdfSettings.of(1e-6, 0.0)).hasMessage("atol must be positive and finite, got 0.0");
    assertThatThrownBy(() -> BdfSettings.of(1e-6, Double.NaN)).hasMessageContaining("atol");
    BdfSettings s = BdfSettings.of(1e-6, 1e-10);
    assertThatThrownBy(() -> s.withAtolPerComponent(new double[] {1e-9, -2.0}))
        .hasMessage("atolPerComponent[1] must be positive and finite, got -2.0");
    assertThatThrownBy(() -> s.withInitialStep(-1)).hasMessageContaining("initialStep").hasMessageContaining("-1.0");
    assertThatThrownBy(() -> s.withMaxStep(0)).hasMessage("maxStep must be positive, got 0.0");
    assertThatThrownBy(() -> s.withMaxStep(1).withInitialStep(2)).hasMessageContaining("must not exceed maxStep");
    assertThatThrownBy(() -> s.withMaxSteps(0)).hasMessage("maxSteps must be >= 1, got 0");
    assertThatThrownBy(() -> s.withMaxOrder(6)).hasMessage("maxOrder must be in 1..5, got 6");
    assertThatThrownBy(() -> s.withMaxOrder(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void perComponentToleranceIsCopiedInAndOut() {
    double[] atol = {1e-8, 1e-12};
    BdfSettings s = BdfSettings.of(1e-6, 1e-10).withAtolPerComponent(atol);
    atol[0] = 99;
    assertThat(s.atol(0)).isEqualTo(1e-8);
    s.atolPerComponent()[1] = 99;
    assertThat(s.atol(1)).isEqualTo(1e-12);
    assertThat(s).isEqualTo(BdfSettings.of(1e-6, 1e-10).withAtolPerComponent(new double[] {1e-8, 1e-12}));
    assertThat(s.hashCode())
        .isEqualTo(BdfSettings.of(1e-6, 1e-10).withAtolPerComponent(new double[] {1e-8, 1e-12}).hashCode());
  }

  @Test
  void withMethodsChangeOneField() {
    BdfSettings s = BdfSettings.of(1e-6, 1e-10);
    assertThat(s.withRtol(1e-8).rtol()).isEqualTo(1e-8);
    assertThat(s.withAtol(1e-12).atol()).isEqualTo(1e-12);
    assertThat(s.withInitialStep(1e-3).initialStep()).isEqualTo(1e-3);
    assertThat(s.withMaxStep(5).maxStep()).isEqualTo(5);
    assertThat(s.withMaxSteps(10).maxSteps()).isEqualTo(10);
    assertThat(s.withMaxOrder(2).maxOrder()).isEqualTo(2);
    assertThat(s.withMaxOrder(2).withMaxOrder(5)).isEqualTo(s);
  }

  @Test
  void linearAlgebraDefaultsToAutoAndCanBeForced() {
    BdfSettings s = BdfSettings.of(1e-6, 1e-10);
    assertThat(s.iterationMatrix()).isEqualTo(IterationMatrixKind.AUTO);
    assertThat(new BdfSettings(1e-6, 1e-10, null, 0.0, 1.0, 10, 5).iterationMatrix()).isEqualTo(IterationMatrixKind.AUTO);
    BdfSettings dense = s.withIterationMatrix(IterationMatrixKind.DENSE);
    assertThat(dense.iterationMatrix()).isEqualTo(IterationMatrixKind.DENSE);
    assertThat(dense).isNotEqualTo(s);
    assertThat(dense.withIterationMatrix(IterationMatrixKind.AUTO)).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(dense.withMaxOrder(2).iterationMatrix()).as("kept by other withers").isEqualTo(IterationMatrixKind.DENSE);
    assertThat(dense.toString()).contains("iterationMatrix=DENSE");
    assertThatThrownBy(() -> s.withIterationMatrix(null)).hasMessageContaining("iterationMatrix");
  }

  @Test
  void stabilityLimitDetectionIsOffByDefaultAndKeptByOtherWithers() {
    BdfSettings s = BdfSettings.of(1e-6, 1e-10);
    assertThat(s.stabilityLimitDetection()).isFalse();
    assertThat(new BdfSettings(1e-6, 1e-10, null, 0.0, 1.0, 10, 5).stabilityLimitDetection()).isFalse();
    BdfSettings on = s.withStabilityLimitDetection(true);
    assertThat(on.stabilityLimitDetection()).isTrue();
    assertThat(on).isNotEqualTo(s);
    assertThat(on.withStabilityLimitDetection(false)).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(on.withRtol(1e-8).withAtol(1e-9).withAtolPerComponent(new double[] {1e-9}).withInitialStep(1e-3)
        .withMaxStep(1).withMaxSteps(10).withMaxOrder(3).withIterationMatrix(IterationMatrixKind.DENSE)
        .stabilityLimitDetection()).as("kept by every other wither").isTrue();
    assertThat(on.toString()).contains("stabilityLimitDetection=true");
  }
}
