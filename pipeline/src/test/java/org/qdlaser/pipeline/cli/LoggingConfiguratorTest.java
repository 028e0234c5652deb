package org.qdlaser.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingConfiguratorTest {
  @AfterEach
  void clear() {
    System.clearProperty(LoggingConfigurator.LEVEL_VARIABLE);
  }

  @Test
  void logbackIsConfiguredByItToStderrAtInfoWithArrowAtWarn() {
    // The service file makes logback use it (no logback.xml any more).
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
    assertThat(((ConsoleAppender<?>) root.getAppender("STDERR")).getTarget()).isEqualTo("System.err");
    assertThat(context.getLogger("org.apache.arrow").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void levelComesFromTheSettingAndDefaultsToInfo() {
    assertThat(LoggingConfigurator.level()).isEqualTo(System.getenv(LoggingConfigurator.LEVEL_VARIABLE) == null
        ? Level.INFO : Level.toLevel(System.getenv(LoggingConfigurator.LEVEL_VARIABLE), Level.INFO));
    System.setProperty(LoggingConfigurator.LEVEL_VARIABLE, "DEBUG");
    assertThat(LoggingConfigurator.level()).isEqualTo(Level.DEBUG);
    System.setProperty(LoggingConfigurator.LEVEL_VARIABLE, "not-a-level");
    assertThat(LoggingConfigurator.level()).isEqualTo(Level.INFO);
  }

  @Test
  void versionDoesNotStartLogging() throws Exception {
    // In a fresh JVM: the CLI's --version must not initialise SLF4J (lazy loggers, see RunCommand).
    String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-Xlog:class+load", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out).contains("qdlaser ").doesNotContain("org.slf4j.LoggerFactory").doesNotContain("ch.qos.logback");
  }
}
