package org.qdlaser.pipeline.plan;

import java.util.Map;
import java.util.TreeMap;

/** Read access to a task's input artifacts (bytes by relative path). */
public final class TaskInputs {
  private final Map<String, byte[]> artifacts;

  public TaskInputs(Map<String, byte[]> artifacts) {
    this.artifacts = new TreeMap<>(artifacts);
  }

  public byte[] get(String path) {
    byte[] b = artifacts.get(path);
    if (b == null) {
      throw new IllegalStateException("task input " + path + " is not among " + artifacts.keySet());
    }
    return b;
  }

  public Map<String, byte[]> all() {
    return java.util.Collections.unmodifiableMap(artifacts);
  }
}
