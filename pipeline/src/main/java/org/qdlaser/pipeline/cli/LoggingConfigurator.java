package org.qdlaser.pipeline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback configuration in code (found by logback through {@code META-INF/services}): logs go to
 * stderr so that stdout carries only command output (JSON); level INFO unless {@code
 * QDLASER_LOG_LEVEL} (system property or environment variable) says otherwise; Arrow's chatter at
 * WARN. In code rather than {@code logback.xml} because parsing the XML (Joran and an XML parser,
 * ~500 classes) was most of the CLI's start-up time (docs/benchmarks.md).
 */
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {
  /** Name of the level setting (system property first, then environment variable). */
  public static final String LEVEL_VARIABLE = "QDLASER_LOG_LEVEL";

  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level());
    root.addAppender(stderr);
    context.getLogger("org.apache.arrow").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Sets the root level now (the CLI's {@code --quiet}, {@code --verbose}, {@code --log-level},
   * which win over {@value #LEVEL_VARIABLE}).
   *
   * @param level a logback level name (ERROR, WARN, INFO, DEBUG, TRACE, OFF)
   */
  static void setLevel(String level) {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
  }

  /** The configured root level; INFO when unset or not a level name. */
  static Level level() {
    String v = System.getProperty(LEVEL_VARIABLE);
    if (v == null || v.isBlank()) {
      v = System.getenv(LEVEL_VARIABLE);
    }
    return Level.toLevel(v == null ? null : v.trim(), Level.INFO);
  }
}
