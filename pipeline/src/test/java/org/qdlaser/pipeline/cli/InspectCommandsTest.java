package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** status, dag, the timeline page, the logging flags and the version, as a user meets them. */
class InspectCommandsTest {
  static Level rootLevel() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
  }

  @AfterEach
  void restoreLevel() {
    LoggingConfigurator.setLevel(LoggingConfigurator.level().toString());
  }

  @Test
  void statusSaysWhatARunWouldRecomputeAndWhyAndDagDrawsThePlan(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, CliTest.SMALL);
    Path runDir = tmp.resolve("run");
    CliTest.Result missing = CliTest.run("status", manifest.toString(), "-o", runDir.toString());
    assertThat(missing.code()).as(missing.err()).isZero();
    assertThat(missing.out()).contains("0 up-to-date, 0 stale, 9 missing").contains("missing     sampling/CIM: never computed");

    CliTest.Result run = CliTest.run("run", manifest.toString(), "-o", runDir.toString(), "--jobs", "2");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(runDir.resolve("report/timeline.html")).content().contains("small: timeline", "sampling/CIM", "computed");
    assertThat(runDir.resolve("report/task-graph.svg")).content().startsWith("<svg ").contains("report/all");
    assertThat(runDir.resolve("report/files.html")).content().contains("<code>samples/CIM.arrow</code>", "<code>integration/CIM-ends.arrow</code>");

    // Self-describing data: every column of every Arrow table has a description (and a unit unless text or boolean),
    // every table a CSV twin, and datapackage.json describes the twins with the same units.
    com.fasterxml.jackson.databind.JsonNode lock = new ObjectMapper().readTree(runDir.resolve("lock.json").toFile());
    java.util.List<String> arrows = new java.util.ArrayList<>();
    lock.get("artifacts").fieldNames().forEachRemaining(p -> {
      if (p.endsWith(".arrow")) {
        arrows.add(p);
      }
    });
    assertThat(arrows).contains("samples/CIM.arrow", "integration/CIM-series.arrow", "integration/CIM-ends.arrow");
    for (String a : arrows) {
      assertThat(lock.get("artifacts").has(a.replace(".arrow", ".csv"))).as("CSV twin of " + a).isTrue();
      for (org.qdlaser.pipeline.store.TableCodec.FieldInfo f : org.qdlaser.pipeline.store.TableCodec.fields(
          Files.readAllBytes(runDir.resolve(a)))) {
        assertThat(f.description()).as(a + " column " + f.name()).isNotBlank();
        if (f.kind() == org.qdlaser.pipeline.store.Table.Kind.DOUBLE || f.kind() == org.qdlaser.pipeline.store.Table.Kind.LONG) {
          assertThat(f.unit()).as(a + " column " + f.name()).isNotBlank();
        }
      }
    }
    assertThat(Files.readString(runDir.resolve("integration/CIM-ends.csv")).lines().findFirst().orElseThrow())
        .startsWith("pump,duration,").contains(",state.Re_b,state.Im_b,");
    JsonNode pkg = new ObjectMapper().readTree(runDir.resolve("datapackage.json").toFile());
    assertThat(pkg.get("profile").asText()).isEqualTo("tabular-data-package");
    JsonNode eq = null;
    for (JsonNode r : pkg.get("resources")) {
      if (r.get("path").asText().equals("equilibrium/CIM.csv")) {
        eq = r;
      }
    }
    assertThat(eq).isNotNull();
    assertThat(eq.get("hash").asText()).startsWith("sha256:");
    assertThat(eq.get("schema").get("fields").get(0).get("name").asText()).isEqualTo("pump");
    assertThat(eq.get("schema").get("fields").get(0).get("unit").asText()).isEqualTo("gamma_nr");
    assertThat(eq.get("schema").get("fields").get(0).get("type").asText()).isEqualTo("number");
    assertThat(runDir.resolve("report/index.html")).content().contains("href=\"timeline.html\"", "href=\"files.html\"",
        "href=\"task-graph.svg\"", "href=\"../datapackage.json\"");

    CliTest.Result same = CliTest.run("status", manifest.toString(), "-o", runDir.toString());
    assertThat(same.out()).contains("9 up-to-date, 0 stale, 0 missing: a run would reuse every task");

    Path changed = tmp.resolve("small40.yaml");
    Files.writeString(changed, CliTest.SMALL.replace("N: 50", "N: 40"));
    CliTest.Result stale = CliTest.run("status", changed.toString(), "-o", runDir.toString(), "--json");
    assertThat(stale.code()).as(stale.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(stale.out());
    assertThat(json.get("up_to_date").asBoolean()).isFalse();
    assertThat(json.get("manifest_changes").get(0).get("path").asText()).isEqualTo("parameters.N");
    JsonNode sampling = json.get("tasks").get(0);
    assertThat(sampling.get("id").asText()).isEqualTo("sampling/CIM");
    assertThat(sampling.get("state").asText()).isEqualTo("stale");
    JsonNode reason = sampling.get("reasons").get(0);
    assertThat(reason.get("kind").asText()).isEqualTo("parameter");
    assertThat(reason.get("old").asText()).isEqualTo("50");
    assertThat(reason.get("new").asText()).isEqualTo("40");
    assertThat(reason.get("manifest_field").asText()).isEqualTo("parameters.N");

    CliTest.Result dag = CliTest.run("dag", manifest.toString());
    assertThat(dag.code()).isZero();
    assertThat(dag.out()).startsWith("digraph \"small\" {").contains("\"sampling/CIM\" -> \"integration/CIM\";");
    CliTest.Result coloured = CliTest.run("dag", changed.toString(), "-o", runDir.toString(), "--status", "--svg");
    assertThat(coloured.out()).startsWith("<svg ").contains("sampling/CIM (v").contains(": stale</title>");
  }

  @Test
  void logFlagsSetTheLevelOnEveryCommandAndContradictionsAreBadInput(@TempDir Path tmp) throws Exception {
    Path manifest = tmp.resolve("small.yaml");
    Files.writeString(manifest, CliTest.SMALL);
    assertThat(CliTest.run("dag", manifest.toString(), "--quiet").code()).isZero();
    assertThat(rootLevel()).isEqualTo(Level.WARN);
    assertThat(CliTest.run("-v", "dag", manifest.toString()).code()).isZero();
    assertThat(rootLevel()).isEqualTo(Level.DEBUG);
    assertThat(CliTest.run("dag", manifest.toString(), "--log-level", "error").code()).isZero();
    assertThat(rootLevel()).isEqualTo(Level.ERROR);
    CliTest.Result bad = CliTest.run("dag", manifest.toString(), "--log-level", "loud");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(bad.err()).contains("--log-level must be one of ERROR, WARN, INFO, DEBUG, TRACE, OFF, got 'loud'");
    CliTest.Result both = CliTest.run("dag", manifest.toString(), "-q", "-v");
    assertThat(both.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(both.err()).contains("--verbose contradicts --quiet");
    for (String command : new String[] {"run", "status", "dag", "verify", "point", "threshold", "golden", "archive", "bench"}) {
      CliTest.Result help = CliTest.run(command, "--help");
      assertThat(help.out()).as(command).contains("--quiet", "--verbose", "--log-level=LEVEL");
    }
  }

  @Test
  void aMistypedSubcommandOrOptionGetsTheNearestNames() {
    CliTest.Result sub = CliTest.run("statsu", "x.yaml");
    assertThat(sub.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(sub.err()).contains("Did you mean: qdlaser status?");
    CliTest.Result option = CliTest.run("run", "--forse", "x.yaml");
    assertThat(option.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(option.err()).contains("Unknown option: '--forse'", "Possible solutions: --force");
  }

  @Test
  void pointAndThresholdHelpListEveryParameterWithUnitAndDefault() {
    for (String command : new String[] {"point", "threshold"}) {
      String help = CliTest.run(command, "--help").out();
      assertThat(help).as(command).contains("Parameters (--set NAME=VALUE;", "--set=NAME=VALUE")
          .containsPattern("\\n  g +gamma_nr +default 70 \\(7e10/s\\) +light-matter coupling strength")
          .containsPattern("\\n  N +integer +default 50 +number of quantum dots")
          .containsPattern("\\n  gamma_nr +s\\^-1 +default 1e9/s")
          .containsPattern("\\n  w_qd +gamma +default 1 ");
      for (org.qdlaser.stages.physics.Parameter p : org.qdlaser.stages.physics.Parameter.values()) {
        assertThat(help).as(command + " lists " + p.key()).contains("\n  " + p.key() + " ");
      }
    }
  }

  @Test
  void badParameterValuesAreRefusedWhileTheCommandLineIsReadNamingTheFieldAndTheNearestName() {
    CliTest.Result negative = CliTest.run("point", "--model", "CIM", "--set", "g=-3", "--json");
    assertThat(negative.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(negative.out()).isEmpty();
    assertThat(negative.err()).contains("g must be in [1e-09, 1e+12]").contains("got -3 (field --set g)");
    CliTest.Result typo = CliTest.run("threshold", "--model", "CIM", "--set", "gama=3", "--json");
    assertThat(typo.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(typo.err()).contains("unknown parameter 'gama'; did you mean 'gamma'?");
    CliTest.Result suffix = CliTest.run("point", "--model", "CIM", "--set", "N=50/s", "--json");
    assertThat(suffix.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(suffix.err()).contains("N is not a rate; the /s suffix is not allowed");
    CliTest.Result width = CliTest.run("point", "--model", "CIM_d", "--set", "w_qd=-1", "--json");
    assertThat(width.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(width.err()).contains("w_qd must be in [0, ").contains("got -1 (field --set w_qd)");
  }

  @Test
  void theVersionIsTheProjectVersion() throws Exception {
    CliTest.Result v = CliTest.run("--version");
    String pom = Files.readString(Path.of("..", "pom.xml"));
    String projectVersion = pom.replaceAll("(?s).*?<artifactId>qdlaser-parent</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
    assertThat(v.out().trim()).isEqualTo("qdlaser " + projectVersion);
  }
}
