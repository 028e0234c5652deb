package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The root builds only the subcommand a command line names (start-up, issue 14 part 3). */
class MainTest {
  @Test
  void eachNameIsItsClassesCommandName() {
    for (Map.Entry<String, Class<?>> e : Main.SUBCOMMANDS.entrySet()) {
      assertThat(e.getValue().getAnnotation(CommandLine.Command.class).name()).as(e.getKey()).isEqualTo(e.getKey());
    }
  }

  @Test
  void onlyTheNamedSubcommandIsBuilt() {
    assertThat(Main.needed("point", "--model", "CIM", "--json")).containsExactly("point");
    assertThat(Main.needed("-q", "--log-level", "DEBUG", "run", "m.yaml")).containsExactly("run");
    assertThat(Main.needed("--version")).isEmpty();
    assertThat(Main.needed("point", "--help")).containsExactly("point");
    // the root's usage, an unknown name (picocli suggests the near ones) and no subcommand: all of them
    assertThat(Main.needed("--help")).containsExactlyElementsOf(Main.SUBCOMMANDS.keySet());
    assertThat(Main.needed("pont")).containsExactlyElementsOf(Main.SUBCOMMANDS.keySet());
    assertThat(Main.needed()).containsExactlyElementsOf(Main.SUBCOMMANDS.keySet());
  }

  @Test
  void theRootsHelpListsEverySubcommandAndATypoIsStillSuggested() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--help")).isZero();
    for (String name : Main.SUBCOMMANDS.keySet()) {
      assertThat(out.toString()).contains("  " + name + " ");
    }
    StringWriter err2 = new StringWriter();
    assertThat(Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), "thresold")).isEqualTo(2);
    assertThat(err2.toString()).contains("threshold");
  }

  @Test
  void versionNeedsNoSubcommand() {
    StringWriter out = new StringWriter();
    assertThat(Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--version")).isZero();
    assertThat(out.toString()).startsWith("qdlaser ");
  }
}
