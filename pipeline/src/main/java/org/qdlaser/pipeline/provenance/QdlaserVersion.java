package org.qdlaser.pipeline.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The one version string of qdlaser: the project version the Maven build writes into {@value
 * #RESOURCE} (the same for the jar and for classes run by tests), shown by {@code --version} and
 * recorded in provenance and reports. No logger here: {@code --version} must not start logging.
 */
public final class QdlaserVersion {
  /** Classpath resource holding {@code version=<project version>}. */
  static final String RESOURCE = "org/qdlaser/pipeline/version.properties";

  private QdlaserVersion() {}

  /** The build's version, or null when the resource is missing or unfiltered. */
  public static String built() {
    try (InputStream in = QdlaserVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      return v == null || v.isBlank() || v.contains("${") ? null : v.trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** The version: {@link #built()}, else the jar manifest's, else "unknown". */
  public static String get() {
    String v = built();
    if (v == null) {
      v = QdlaserVersion.class.getPackage() == null ? null : QdlaserVersion.class.getPackage().getImplementationVersion();
    }
    return v == null || v.isBlank() ? Provenance.UNKNOWN : v;
  }
}
