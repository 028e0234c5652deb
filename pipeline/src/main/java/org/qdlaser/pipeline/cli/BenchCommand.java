package org.qdlaser.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qdlaser.pipeline.input.InputException;
import org.qdlaser.stages.bench.BadOption;
import org.qdlaser.stages.bench.JacobianBenchmark;
import org.qdlaser.stages.bench.StiffBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmarks of the numerical core (stages.bench), printed as JSON for scripts (ci/bench-stiff):
 * wall times are measured there, never in unit tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of the numerical core (JSON output for ci/bench-stiff).",
    subcommands = {BenchCommand.Stiff.class, BenchCommand.Jacobian.class})
public final class BenchCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: stiff or jacobian");
  }

  /** A benchmark's result as JSON; an option it cannot use is bad input naming the option. */
  static Integer print(CommandLine.Model.CommandSpec spec, java.util.function.Supplier<Map<String, Object>> benchmark) {
    Map<String, Object> out;
    try {
      out = benchmark.get();
    } catch (BadOption e) {
      throw new InputException(e.option(), e.getMessage());
    }
    spec.commandLine().getOut().println(Json.write(out));
    return ExitCodes.OK;
  }

  /** One stiff test problem: work counters, wall time and (with --reference) the error. */
  @Command(name = "stiff", mixinStandardHelpOptions = true,
      description = "Integrate a stiff test problem (the ODEs of the IVP Test Set: ROBER, HIRES, VDPOL, OREGO, E5, "
          + "POLLU, RINGMOD, PLEI, VDPOLM, BEAM, MEDAKZO, EMEP; or BRUSS2D) with the BDF integrator "
          + "and print its work counters, wall time and final state as JSON.")
  public static final class Stiff implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--problem", required = true,
        description = "ROBER, HIRES, VDPOL, OREGO, E5, POLLU, RINGMOD, PLEI, VDPOLM, BEAM, MEDAKZO, EMEP or BRUSS2D")
    String problem;

    @Option(names = "--rtol", required = true, description = "relative tolerance, in (0, 1)")
    double rtol;

    @Option(names = "--atol", description = "absolute tolerance (default: the problem's customary atol/rtol ratio times rtol)")
    Double atol;

    @Option(names = "--linear-solver", defaultValue = "auto",
        description = "auto, dense, sparse-direct or sparse-iterative (default: ${DEFAULT-VALUE})")
    String linearSolver;

    @Option(names = "--max-order", defaultValue = "5", description = "highest BDF order, 1..5 (default: ${DEFAULT-VALUE})")
    int maxOrder;

    @Option(names = "--stability-limit-detection", negatable = true,
        defaultValue = "" + StiffBenchmark.DEFAULT_STABILITY_LIMIT_DETECTION, fallbackValue = "true",
        description = "lower the BDF order at a detected stability limit (default: ${DEFAULT-VALUE})")
    boolean stabilityLimitDetection;

    @Option(names = "--repeat", defaultValue = "1",
        description = "integrate this many times and report the fastest (JIT warm-up; default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--reference",
        description = "JSON file with reference solutions (shared/reference/ivp-testset.json format) instead of the problem's published one")
    Path reference;

    @Option(names = "--json", description = "print JSON (the only output format)")
    boolean json;

    @Override
    public Integer call() {
      return print(spec, () -> {
        double[] ref = reference == null ? null
            : referenceSolution(reference, StiffBenchmark.problem(problem).name());
        Map<String, Object> out = StiffBenchmark.run(
            new StiffBenchmark.Request(problem, rtol, atol, linearSolver, maxOrder, repeat, ref,
                stabilityLimitDetection));
        if (ref != null) {
          out.put("reference", reference.toString());
        }
        return out;
      });
    }

    static double[] referenceSolution(Path file, String name) {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(Files.readString(file));
      } catch (NoSuchFileException e) {
        throw new InputException("--reference", "file not found: " + file);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InputException("--reference", "not valid JSON: " + file + ": " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JsonNode problems = root.path("problems");
      for (JsonNode q : problems) {
        if (name.equals(q.path("name").asText()) && q.path("reference").isArray()) {
          double[] ref = new double[q.get("reference").size()];
          for (int i = 0; i < ref.length; i++) {
            ref[i] = q.get("reference").get(i).asDouble();
          }
          return ref;
        }
      }
      throw new InputException("--reference", "no reference solution for " + name + " in " + file);
    }
  }

  /** Jacobian assembly and factorisation of TPM^(d) for the linear-solver candidates. */
  @Command(name = "jacobian", mixinStandardHelpOptions = true,
      description = "Time one Jacobian assembly plus factorisation of I - cJ for TPM_d with N dots "
          + "(sparse LU, ILU(0)+GMRES, dense LU for small N) and print fill and timings as JSON.")
  public static final class Jacobian implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dots", required = true, description = "number of dots N, 2..60")
    int dots;

    @Option(names = "--repeat", defaultValue = "3", description = "timings are the best of this many (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--json", description = "print JSON (the only output format)")
    boolean json;

    @Override
    public Integer call() {
      return print(spec, () -> JacobianBenchmark.run(dots, repeat));
    }
  }
}
