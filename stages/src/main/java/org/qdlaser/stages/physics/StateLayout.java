package org.qdlaser.stages.physics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real state vector of a model described by named fields, in order. */
public final class StateLayout {
  private final List<Field> fields;
  private final Map<String, Field> byName;
  private final int dimension;
  // Flat copies for applyRotationGenerator, which runs in every rotating-frame residual (TPM_d at
  // N = 100: 70,000 fields; walking the Field list cost half as much as the right-hand side).
  private final int[] complexOffsets;
  private final double[] complexCharges;
  private final int[] realOffsets;

  private StateLayout(List<Field> fields) {
    this.fields = Collections.unmodifiableList(fields);
    this.byName = new LinkedHashMap<>();
    int n = 0;
    int complex = 0;
    for (Field f : fields) {
      byName.put(f.name(), f);
      n += f.size();
      complex += f.complex() ? 1 : 0;
    }
    this.dimension = n;
    this.complexOffsets = new int[complex];
    this.complexCharges = new double[complex];
    this.realOffsets = new int[fields.size() - complex];
    int c = 0;
    int r = 0;
    for (Field f : fields) {
      if (f.complex()) {
        complexOffsets[c] = f.offset();
        complexCharges[c++] = f.charge();
      } else {
        realOffsets[r++] = f.offset();
      }
    }
  }

  /** Builds a layout from (name, complex, charge) triples given as consecutive arguments. */
  public static StateLayout of(Object... spec) {
    List<Field> list = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < spec.length; i += 3) {
      Field f = new Field((String) spec[i], offset, (Boolean) spec[i + 1], (Integer) spec[i + 2]);
      list.add(f);
      offset += f.size();
    }
    return new StateLayout(list);
  }

  /** An empty builder: fields are appended in order, each at the next free offset. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Incremental construction of a layout with many fields (the polydisperse models have up to
   * 5 + 9N + 4N(N - 1) of them); rejects duplicate names.
   */
  public static final class Builder {
    private final List<Field> list = new ArrayList<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();
    private int offset;

    private Builder() {}

    /** Appends a field; IllegalArgumentException if the name is already used. */
    public Builder add(String name, boolean complex, int charge) {
      if (!names.add(name)) {
        throw new IllegalArgumentException("duplicate field name '" + name + "' in layout");
      }
      Field f = new Field(name, offset, complex, charge);
      list.add(f);
      offset += f.size();
      return this;
    }

    public StateLayout build() {
      return new StateLayout(new ArrayList<>(list));
    }
  }

  /**
   * The name of every real component of the state, in order: a real field's name, and {@code
   * Re_<name>}, {@code Im_<name>} for a complex one (e.g. {@code Re_b}, {@code Im_b}, {@code Bb},
   * {@code Re_Vc[3]}).
   */
  public String[] componentNames() {
    String[] names = new String[dimension];
    for (Field f : fields) {
      if (f.complex()) {
        names[f.offset()] = "Re_" + f.name();
        names[f.offset() + 1] = "Im_" + f.name();
      } else {
        names[f.offset()] = f.name();
      }
    }
    return names;
  }

  public List<Field> fields() {
    return fields;
  }

  public int dimension() {
    return dimension;
  }

  /** The field of that name; IllegalArgumentException naming the allowed ones if absent. */
  public Field field(String name) {
    Field f = byName.get(name);
    if (f == null) {
      throw new IllegalArgumentException("no field '" + name + "' in layout " + byName.keySet());
    }
    return f;
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /**
   * Phase charge of each real component: for a complex field of charge q both its reals get q.
   *
   * @return a new array of length {@link #dimension()}
   */
  public int[] charges() {
    int[] c = new int[dimension];
    for (Field f : fields) {
      for (int k = 0; k < f.size(); k++) {
        c[f.offset() + k] = f.charge();
      }
    }
    return c;
  }

  /**
   * Applies the phase-rotation generator: out = A y with (re, im) of charge q mapped to
   * (-q im, q re), so a state rotating as z e^{i q w t} satisfies dy/dt = w A y.
   */
  public void applyRotationGenerator(double[] y, double[] out) {
    for (int k = 0; k < complexOffsets.length; k++) {
      final int o = complexOffsets[k];
      final double q = complexCharges[k];
      final double re = y[o];
      out[o] = -q * y[o + 1];
      out[o + 1] = q * re;
    }
    for (final int o : realOffsets) {
      out[o] = 0.0;
    }
  }

  /**
   * Applies the phase rotation exp(theta A): every complex field of charge q is multiplied by
   * e^{i q theta}; phase-invariant fields are copied. The symmetry of every model (DESIGN.md, "Phase
   * symmetry"): if y solves the equations, so does its rotation. {@code out} may be {@code y}.
   */
  public void rotate(double[] y, double theta, double[] out) {
    for (Field f : fields) {
      int o = f.offset();
      if (f.complex() && f.charge() != 0) {
        double a = f.charge() * theta;
        double c = Math.cos(a);
        double s = Math.sin(a);
        double re = y[o];
        double im = y[o + 1];
        out[o] = c * re - s * im;
        out[o + 1] = s * re + c * im;
      } else {
        out[o] = y[o];
        if (f.complex()) {
          out[o + 1] = y[o + 1];
        }
      }
    }
  }
}
