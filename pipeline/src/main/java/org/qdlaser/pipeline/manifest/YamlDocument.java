package org.qdlaser.pipeline.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.qdlaser.pipeline.input.InputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The checks of a manifest's YAML that Jackson's tree does not make, on SnakeYAML's node tree (the
 * composer keeps every node's line): exactly one document, no key twice in a mapping (the error
 * names the field path and both lines: Jackson would keep the last value), no undefined alias
 * (Jackson would read {@code *x} as the text "x"), and limits on size, nesting and aliases.
 * Runs before Jackson reads the same text into the tree the manifest parser walks.
 */
final class YamlDocument {
  /** Largest manifest, characters: the real ones are a few kB; more is not a manifest. */
  static final int MAX_CHARS = 1 << 20;
  /** Deepest nesting of mappings and lists: the schema needs 4 levels. Checked on the tree, naming the path. */
  static final int MAX_DEPTH = 16;
  /** SnakeYAML's own limit (its recursion), above ours so that ours names the path first. */
  private static final int COMPOSER_DEPTH = 64;
  /** Most aliases per collection (no "billion laughs"). */
  static final int MAX_ALIASES = 20;

  /** YAML 1.1's non-finite floats (.nan, .inf, -.Inf, ...). */
  private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(?:nan|NaN|NAN|inf|Inf|INF)");

  private YamlDocument() {}

  /**
   * Checks {@code yaml}.
   *
   * @throws InputException naming the field path (or line and column) of the first problem
   */
  static void check(String yaml) {
    if (yaml.length() > MAX_CHARS) {
      throw new InputException("MANIFEST", "manifest has " + yaml.length() + " characters, more than the limit of " + MAX_CHARS);
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // found below, with both lines and the path
    options.setNestingDepthLimit(COMPOSER_DEPTH);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_CHARS);
    Node root;
    try {
      Composer composer = new Composer(new ParserImpl(new StreamReader(yaml), options), new Resolver(), options);
      root = composer.getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      if (problem != null && problem.contains("another document")) {
        throw new InputException(at(m), "a manifest is one YAML document, but a second one starts here (---)");
      }
      throw new InputException(at(m), "manifest is not valid YAML: " + problem);
    } catch (YAMLException e) {
      throw new InputException("MANIFEST", "manifest is not valid YAML: " + e.getMessage());
    }
    if (root != null) {
      walk(root, "", 0);
    }
  }

  private static String at(Mark m) {
    return m == null ? "MANIFEST" : "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
  }

  private static void walk(Node node, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new InputException(path, "nested deeper than " + MAX_DEPTH + " levels (line " + (node.getStartMark().getLine() + 1)
          + "); a manifest needs 4");
    }
    if (node instanceof ScalarNode s && Tag.FLOAT.equals(s.getTag()) && NON_FINITE.matcher(s.getValue()).matches()) {
      // Jackson would stop at it with a message of its own, without the field
      throw new InputException(path, "expected a finite number, got '" + s.getValue() + "'");
    }
    if (node instanceof MappingNode map) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple t : map.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
        String child = key == null ? path : path.isEmpty() ? key : path + "." + key;
        if (key != null) {
          Node first = seen.putIfAbsent(key, t.getKeyNode());
          if (first != null) {
            throw new InputException(child, "key '" + key + "' appears twice in one mapping, at lines "
                + (first.getStartMark().getLine() + 1) + " and " + (t.getKeyNode().getStartMark().getLine() + 1)
                + "; give each field once");
          }
        }
        walk(t.getValueNode(), child, depth + 1);
      }
    } else if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), path + "[" + i + "]", depth + 1);
      }
    }
  }
}
