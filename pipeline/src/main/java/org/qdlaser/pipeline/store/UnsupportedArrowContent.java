package org.qdlaser.pipeline.store;

/** A well-formed Arrow file whose content a {@link Table} cannot hold. */
final class UnsupportedArrowContent extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnsupportedArrowContent(String message) {
    super(message);
  }
}
