package org.qdlaser.pipeline.plan;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the report shows about the code and machine, and what it checks the run against: stable
 * facts that belong in the report's provenance section (timings and checksums live in
 * provenance.json and lock.json), and the study's golden files for its validation table.
 *
 * @param codeIdentity git commit (+ "-dirty") and tool version
 * @param environment key/value facts (versions, JVM, OS)
 * @param golden the texts of {@code golden/<study>/} by file name (empty: the study has no golden
 *     checks); hashed with the report task, so a changed spec re-renders the report
 */
public record ReportContext(String codeIdentity, Map<String, String> environment, SortedMap<String, String> golden) {
  public ReportContext {
    environment = new TreeMap<>(environment);
    golden = golden == null ? new TreeMap<>() : new TreeMap<>(golden);
  }

  /** A context without golden checks. */
  public ReportContext(String codeIdentity, Map<String, String> environment) {
    this(codeIdentity, environment, null);
  }
}
