package org.qdlaser.pipeline.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qdlaser.stages.physics.LaserParameters;
import org.qdlaser.stages.physics.ModelKind;
import org.qdlaser.stages.physics.Models;
import org.qdlaser.stages.physics.Parameter;
import org.qdlaser.stages.sampling.Sample;
import org.qdlaser.stages.sampling.SampleGenerator;
import org.qdlaser.stages.sampling.SampleSpec;

/**
 * Sample options of the polydisperse models: {@code w_qd} (units of gamma), {@code seed},
 * {@code tail}, {@code identical_fraction}, {@code identical_coupling_fraction} (the others' couplings spread,
 * SampleGenerator), or an explicit detunings file (one normalised detuning
 * per line; blank lines and lines starting with # ignored).
 */
public final class SampleOptions {
  public static final Set<String> NAMES = Set.copyOf(Parameter.SAMPLE.stream().map(Parameter::key).toList());

  private SampleOptions() {}

  /** Splits sample options off a raw parameter map (returns them; removes them from {@code raw}). */
  public static Map<String, String> extract(Map<String, String> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : NAMES) {
      if (raw.containsKey(k)) {
        out.put(k, raw.remove(k));
      }
    }
    return out;
  }

  /**
   * Most unknowns of a polydisperse model ({@link Models#disperseDimension}): CIM_d up to N = 19999,
   * TPM_IF_d up to 11110, TPM_d up to 119. The paper's samples have N = 40 and 50; TPM_d at N = 100
   * (70,206 unknowns) is the largest we solved (docs/decisions.md, issue 14). Beyond, a point runs
   * for hours: at 100,000 dots it ran for minutes before anything refused it (issue 16).
   */
  public static final int MAX_UNKNOWNS = 100_000;
  /**
   * Heap per unknown, bytes, estimated from TPM_d at N = 100: the LU of the Newton matrix holds
   * 2.5e6 non-zeros (36 per unknown; 230 per unknown with unfavourable pivots) at 12 bytes each,
   * plus ~60 work vectors (BDF history, Newton, a shift-invert Arnoldi basis).
   */
  static final long BYTES_PER_UNKNOWN = 4096;

  /**
   * Refuses a polydisperse model of {@code n} dots whose state exceeds {@link #MAX_UNKNOWNS} or,
   * estimated before anything is allocated, the JVM's heap.
   *
   * @param field the field that set N, for the message
   */
  public static void checkSize(ModelKind kind, int n, String field) {
    checkSize(kind, n, field, MAX_UNKNOWNS, "");
  }

  /**
   * As {@link #checkSize(ModelKind, int, String)} with another limit on the unknowns ({@code point
   * --max-unknowns}: TPM_d N = 150 for the scaling benchmark, issue 14); the heap estimate still applies.
   *
   * @param limitHint how to raise the limit, appended to the message ("" for none)
   */
  public static void checkSize(ModelKind kind, int n, String field, long maxUnknowns, String limitHint) {
    long unknowns = Models.disperseDimension(kind, n);
    if (unknowns > maxUnknowns) {
      int largest = 1; // bisection: dimension(largest) <= MAX_UNKNOWNS < dimension(above)
      int above = n;
      while (above - largest > 1) {
        int mid = (largest + above) >>> 1;
        if (Models.disperseDimension(kind, mid) > maxUnknowns) {
          above = mid;
        } else {
          largest = mid;
        }
      }
      throw new InputException(field, kind + " with N = " + n + " dots has " + unknowns + " unknowns, more than the limit of "
          + maxUnknowns + " (N <= " + largest + " for " + kind + ")" + limitHint);
    }
    long need = unknowns * BYTES_PER_UNKNOWN;
    long heap = Runtime.getRuntime().maxMemory();
    if (need > heap) {
      throw new InputException(field, kind + " with N = " + n + " dots (" + unknowns + " unknowns) needs about " + (need >> 20)
          + " MiB of heap, more than this JVM's " + (heap >> 20) + " MiB (raise it with -Xmx, or use fewer dots)");
    }
  }

  /** The sample for N dots with the given (normalised) parameters; errors name the field. */
  public static Sample sample(Map<String, String> options, Path detunings, LaserParameters p, String prefix) {
    if (detunings != null) {
      if (!options.isEmpty()) {
        throw new InputException("--detunings", "give either a detunings file or " + String.join("/", options.keySet()) + ", not both");
      }
      double[] d = readDetunings(detunings);
      if (d.length != p.n()) {
        throw new InputException("--detunings", "file " + detunings + " has " + d.length + " detunings but N = " + p.n());
      }
      return SampleGenerator.explicit(d, p.g());
    }
    double w = bounded(options, "w_qd", number(options, "w_qd", 1.0, prefix), prefix);
    long seed = seed(options, prefix);
    int tail = (int) integer(options, "tail", 0, prefix, 0, p.n() / 2);
    double frac = bounded(options, "identical_fraction", number(options, "identical_fraction", 0.0, prefix), prefix);
    double couplingFrac = bounded(options, "identical_coupling_fraction",
        number(options, "identical_coupling_fraction", 1.0, prefix), prefix);
    try {
      return SampleGenerator.generate(new SampleSpec(p.n(), w, p.gamma(), seed, tail, frac, p.g(), couplingFrac));
    } catch (IllegalArgumentException e) {
      throw new InputException(prefix + "w_qd", e.getMessage());
    }
  }

  /**
   * Largest detunings file read, bytes: a detuning per line of at most ~25 characters for
   * {@link #MAX_DETUNINGS} dots fits with room to spare; more is not a detunings file ({@code /dev/zero}).
   */
  public static final int MAX_DETUNINGS_BYTES = 4 << 20;
  /** Most detunings a file may hold: the largest N ({@code parameters.N}). */
  public static final int MAX_DETUNINGS = 100_000;

  /**
   * Reads a detunings file: one normalised detuning per line, # comments and blank lines ignored;
   * at most {@link #MAX_DETUNINGS_BYTES} bytes and {@link #MAX_DETUNINGS} values.
   */
  public static double[] readDetunings(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_DETUNINGS_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new InputException("--detunings", "detunings file not found: " + file);
    } catch (IOException e) {
      throw new InputException("--detunings", "cannot read detunings file " + file + ": " + e.getMessage());
    }
    if (bytes.length > MAX_DETUNINGS_BYTES) {
      throw new InputException("--detunings", "detunings file " + file + " is larger than the limit of " + MAX_DETUNINGS_BYTES
          + " bytes (one detuning per line, at most " + MAX_DETUNINGS + " lines)");
    }
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (values.size() == MAX_DETUNINGS) {
        throw new InputException("--detunings", "detunings file " + file + " holds more than the limit of " + MAX_DETUNINGS
            + " detunings (line " + (i + 1) + ")");
      }
      try {
        double v = Double.parseDouble(l);
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        values.add(v);
      } catch (NumberFormatException e) {
        throw new InputException("--detunings", "line " + (i + 1) + " of " + file + " is not a finite number: '"
            + (l.length() > 40 ? l.substring(0, 40) + "..." : l) + "'");
      }
    }
    if (values.isEmpty()) {
      throw new InputException("--detunings", "detunings file " + file + " holds no values");
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double bounded(Map<String, String> o, String k, double v, String prefix) {
    Parameter p = Parameter.of(k);
    if (!p.admits(v)) {
      throw new InputException(prefix + k, k + " must be " + p.allowed() + ", got '" + o.get(k) + "'");
    }
    return v;
  }

  /** The seed, exactly: a double would round seeds beyond 2^53 to other seeds. */
  private static long seed(Map<String, String> o, String prefix) {
    if (!o.containsKey("seed")) {
      return 1;
    }
    String text = o.get("seed").trim();
    Quantities.parse(prefix + "seed", text); // a number at all (and no NaN, no /s below)
    try {
      if (text.toLowerCase(java.util.Locale.ROOT).contains("/s")) {
        throw new ArithmeticException();
      }
      return new java.math.BigDecimal(text).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InputException(prefix + "seed", "seed must be " + Parameter.SEED.allowed() + ", got '" + text + "'");
    }
  }

  private static double number(Map<String, String> o, String k, double def, String prefix) {
    if (!o.containsKey(k)) {
      return def;
    }
    Quantities.Quantity q = Quantities.parse(prefix + k, o.get(k));
    if (q.perSecond()) {
      throw new InputException(prefix + k, k + " is dimensionless (w_qd is in units of gamma); no /s, got '" + o.get(k) + "'");
    }
    return q.value();
  }

  private static double integer(Map<String, String> o, String k, long def, String prefix, long min, long max) {
    if (!o.containsKey(k)) {
      return def;
    }
    double v = number(o, k, def, prefix);
    if (v != Math.rint(v) || v < min || v > max) {
      throw new InputException(prefix + k, k + " must be an integer in [" + min + ", " + max + "], got '" + o.get(k) + "'");
    }
    return v;
  }
}
