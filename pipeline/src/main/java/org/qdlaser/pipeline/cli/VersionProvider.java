package org.qdlaser.pipeline.cli;

import picocli.CommandLine;

/** The build's project version (one string for the jar and for classes run by tests). */
public final class VersionProvider implements CommandLine.IVersionProvider {
  public static String version() {
    return org.qdlaser.pipeline.provenance.QdlaserVersion.get();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"qdlaser " + version()};
  }
}
