package org.qdlaser.pipeline.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Best-effort detection of code version, library versions and host details. Every method
 * returns a value (falling back to "unknown") and never throws.
 */
final class Environment {

  private static final Logger LOG = LoggerFactory.getLogger(Environment.class);
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
  private static final int MAX_OUTPUT_BYTES = 1 << 20;

  /** Libraries whose versions are recorded: JSON key = artifact id. */
  record Library(String groupId, String artifactId, String versionClass, String versionField) {}

  static final List<Library> LIBRARIES =
      List.of(
          new Library("info.picocli", "picocli", "picocli.CommandLine", "VERSION"),
          new Library("org.hipparchus", "hipparchus-core", null, null),
          new Library("org.apache.arrow", "arrow-vector", null, null),
          new Library("com.fasterxml.jackson.core", "jackson-databind", null, null),
          new Library("ch.qos.logback", "logback-classic", null, null),
          new Library("org.knowm.xchart", "xchart", null, null),
          new Library("org.slf4j", "slf4j-api", null, null));

  private Environment() {}

  /**
   * The git commit of {@code codeDir}: {@code git rev-parse HEAD} and {@code git status
   * --porcelain} (each limited to {@code timeout}), else a {@code git.properties} classpath
   * resource (git-commit-id plugin format), else unknown.
   */
  static Provenance.CodeVersion codeVersion(Path codeDir, Duration timeout, ClassLoader loader) {
    if (codeDir != null && Files.isDirectory(codeDir)) {
      Optional<String> head = run(timeout, codeDir, "git", "rev-parse", "HEAD").map(String::trim);
      if (head.isPresent() && COMMIT.matcher(head.get()).matches()) {
        Optional<String> status = run(timeout, codeDir, "git", "status", "--porcelain");
        Boolean dirty = status.map(s -> !s.isBlank()).orElse(null);
        if (dirty == null) {
          LOG.debug("git status failed in {}; dirty flag unknown", codeDir);
        }
        return new Provenance.CodeVersion(head.get(), dirty, "git");
      }
      LOG.debug("no git commit found in {} (output {})", codeDir, head.orElse("none"));
    } else {
      LOG.debug("code directory {} does not exist; not asking git", codeDir);
    }
    Properties git = properties(loader, "git.properties");
    if (git != null) {
      String commit = git.getProperty("git.commit.id.full", git.getProperty("git.commit.id"));
      if (commit != null && COMMIT.matcher(commit.trim()).matches()) {
        String dirty = git.getProperty("git.dirty");
        return new Provenance.CodeVersion(commit.trim(), dirty == null ? null : Boolean.valueOf(dirty.trim()), "git.properties");
      }
    }
    LOG.debug("git commit unknown: no git checkout at {} and no git.properties resource", codeDir);
    return Provenance.CodeVersion.unknown();
  }

  /** Library versions from {@code META-INF/maven/<group>/<artifact>/pom.properties}. */
  static SortedMap<String, String> libraryVersions(ClassLoader loader) {
    SortedMap<String, String> versions = new TreeMap<>();
    for (Library lib : LIBRARIES) {
      versions.put(lib.artifactId(), libraryVersion(loader, lib));
    }
    return versions;
  }

  static String libraryVersion(ClassLoader loader, Library lib) {
    Properties pom = properties(loader, "META-INF/maven/" + lib.groupId() + "/" + lib.artifactId() + "/pom.properties");
    if (pom != null && pom.getProperty("version") != null && !pom.getProperty("version").isBlank()) {
      return pom.getProperty("version").trim();
    }
    if (lib.versionClass() != null) {
      try {
        Object v = Class.forName(lib.versionClass(), false, loader).getField(lib.versionField()).get(null);
        if (v instanceof String s && !s.isBlank()) {
          return s;
        }
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        LOG.debug("no version constant {}.{}: {}", lib.versionClass(), lib.versionField(), e.toString());
      }
    }
    LOG.debug("version of {}:{} unknown (no pom.properties on the classpath)", lib.groupId(), lib.artifactId());
    return Provenance.UNKNOWN;
  }

  /**
   * The qdlaser version: the build's {@link QdlaserVersion} (the project version, filled in by
   * Maven: the same in the jar and in classes run by tests), else the jar manifest, else pipeline
   * pom.properties, else {@code fallback}.
   */
  static String qdlaserVersion(ClassLoader loader, String fallback) {
    String built = QdlaserVersion.built();
    if (built != null) {
      return built;
    }
    String v = Environment.class.getPackage() == null ? null : Environment.class.getPackage().getImplementationVersion();
    if (v != null && !v.isBlank()) {
      return v;
    }
    Properties pom = properties(loader, "META-INF/maven/org.qdlaser/qdlaser-pipeline/pom.properties");
    if (pom != null && pom.getProperty("version") != null) {
      return pom.getProperty("version").trim();
    }
    return fallback;
  }

  static String hostname() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      if (name != null && !name.isBlank()) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("local host name lookup failed: {}", e.toString());
    }
    for (String var : List.of("HOSTNAME", "COMPUTERNAME")) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return Provenance.UNKNOWN;
  }

  static String property(String name) {
    try {
      String v = System.getProperty(name);
      return v == null || v.isBlank() ? Provenance.UNKNOWN : v;
    } catch (SecurityException e) {
      return Provenance.UNKNOWN;
    }
  }

  private static Properties properties(ClassLoader loader, String resource) {
    try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p;
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot read resource {}: {}", resource, e.toString());
      return null;
    }
  }

  /**
   * Runs a command in {@code dir}; its stdout if it exits 0 within {@code timeout}, else empty.
   * Stderr is discarded, stdin is closed, git's optional locks and prompts are disabled.
   */
  static Optional<String> run(Duration timeout, Path dir, String... command) {
    Process process;
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
      pb.environment().put("GIT_TERMINAL_PROMPT", "0");
      process = pb.start();
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot start {}: {}", List.of(command), e.toString());
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                  synchronized (out) {
                    if (out.size() < MAX_OUTPUT_BYTES) {
                      out.write(buf, 0, n);
                    }
                  }
                }
              } catch (IOException e) {
                // process killed or stream closed: keep what was read
              }
            },
            "qdlaser-provenance-" + command[0]);
    reader.setDaemon(true);
    reader.start();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.debug("{} timed out after {} ms in {}", List.of(command), timeout.toMillis(), dir);
        process.destroyForcibly();
        return Optional.empty();
      }
      reader.join(timeout.toMillis());
      if (process.exitValue() != 0) {
        LOG.debug("{} exited with {} in {}", List.of(command), process.exitValue(), dir);
        return Optional.empty();
      }
      synchronized (out) {
        return Optional.of(out.toString(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} failed in {}: {}", List.of(command), dir, e.toString());
      process.destroyForcibly();
      return Optional.empty();
    }
  }
}
