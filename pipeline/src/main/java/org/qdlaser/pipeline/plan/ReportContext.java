package org.qdlaser.pipeline.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the report shows about the code and machine: stable facts that belong in the report's
 * provenance section (timings and checksums live in provenance.json and lock.json).
 *
 * @param codeIdentity git commit (+ "-dirty") and tool version
 * @param environment key/value facts (versions, JVM, OS)
 */
public record ReportContext(String codeIdentity, Map<String, String> environment) {
  public ReportContext {
    environment = new TreeMap<>(environment);
  }
}
