package org.qdlaser.stages.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With all detunings and couplings equal, each {@code _d} model reduces exactly to its
 * identical-dot model (DESIGN.md, mandatory check): a random identical-dot state spread to every
 * dot and pair must have, field by field, the identical model's derivative.
 */
class DisperseReductionTest {
  /**
   * Same formula evaluated twice: only the order of the sums over n != l differs ((N - 1) g X
   * against N - 1 additions), a few ulps of the field's largest derivative.
   */
  static final double RELATIVE_TOLERANCE = 1e-13;

  static Stream<Arguments> cases() {
    // Delta_nu != 0, mu != 0, gamma_NL != 0 so that no term of the reduction is switched off.
    LaserParameters p = new LaserParameters(1e4, 10.0, 3.0, 1.0, 70.0, 0.05, 7, 2e5, 123.0);
    LaserParameters q = new LaserParameters(1e4, 100.0, 1400.0, 1.0, 70.0, 0.1, 4, 2e5, -2500.0);
    return Stream.of(
        Arguments.of(ModelKind.CIM, ModelKind.CIM_d, p), Arguments.of(ModelKind.TPM_IF, ModelKind.TPM_IF_d, p),
        Arguments.of(ModelKind.TPM, ModelKind.TPM_d, p), Arguments.of(ModelKind.CIM, ModelKind.CIM_d, q),
        Arguments.of(ModelKind.TPM_IF, ModelKind.TPM_IF_d, q), Arguments.of(ModelKind.TPM, ModelKind.TPM_d, q));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void equalDotsReduceToTheIdenticalDotModel(ModelKind identicalKind, ModelKind disperseKind, LaserParameters p) {
    assertReduces(Models.identical(identicalKind, p), Models.disperse(disperseKind, DisperseParameters.identical(p)));
  }

  /** The disperse model's derivative equals, field by field, the identical model's on spread random states. */
  static void assertReduces(Model identical, Model disperse) {
    ModelKind disperseKind = disperse.kind();
    StateLayout li = identical.layout();
    StateLayout ld = disperse.layout();
    // Every field group of the identical model is present in the disperse one and vice versa.
    assertThat(ld.fields().stream().map(f -> DisperseReferenceRhsTest.group(f.name())).distinct().sorted().toList())
        .isEqualTo(li.fields().stream().map(Field::name).sorted().toList());

    for (long seed = 1; seed <= 4; seed++) {
      double[] yi = DisperseModelContractTest.randomState(identical.dimension(), seed);
      double[] yd = new double[disperse.dimension()];
      for (Field f : ld.fields()) {
        Field src = li.field(DisperseReferenceRhsTest.group(f.name()));
        assertThat(f.complex()).isEqualTo(src.complex());
        assertThat(f.charge()).as("charge of %s", f.name()).isEqualTo(src.charge());
        for (int k = 0; k < f.size(); k++) {
          yd[f.offset() + k] = yi[src.offset() + k];
        }
      }
      double[] fi = new double[yi.length];
      double[] fd = new double[yd.length];
      identical.rhs(0, yi, fi);
      disperse.rhs(0, yd, fd);
      for (Field f : ld.fields()) {
        Field src = li.field(DisperseReferenceRhsTest.group(f.name()));
        double scale = 0;
        for (int k = 0; k < src.size(); k++) {
          scale = Math.max(scale, Math.abs(fi[src.offset() + k]));
        }
        for (int k = 0; k < f.size(); k++) {
          assertThat(fd[f.offset() + k])
              .as("%s seed %d: d%s[%d]", disperseKind, seed, f.name(), k)
              .isCloseTo(fi[src.offset() + k], offset(RELATIVE_TOLERANCE * scale));
        }
      }
    }
  }
}
