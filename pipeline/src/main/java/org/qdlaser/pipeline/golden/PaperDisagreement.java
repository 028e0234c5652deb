package org.qdlaser.pipeline.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.qdlaser.pipeline.input.InputException;

/**
 * A statement of the paper that the study does not reproduce, as docs/errata.md records it
 * ("Disagreements with the paper", D1, D2, ...): a spec's {@code disagreements:} entries, shown in
 * the study's report. Disagreements carried by a check ({@code source.disagrees}) are shown beside
 * these, with the check's obtained value.
 *
 * @param errata the entry of docs/errata.md (D1, D2, ...)
 * @param place section / figure / appendix of the paper's statement
 * @param quote the paper's sentence
 * @param ours our number (with how it was obtained)
 * @param reason why we differ (derivation or measurement)
 */
public record PaperDisagreement(String errata, String place, String quote, String ours, String reason) {
  /** The spec's section. */
  public static final String SECTION = "disagreements";

  /** The {@code disagreements:} entries of a spec, validated. */
  public static List<PaperDisagreement> of(JsonNode spec, String specPath) {
    List<PaperDisagreement> out = new ArrayList<>();
    int i = 0;
    for (JsonNode d : spec.path(SECTION)) {
      String p = specPath + " " + SECTION + "[" + i++ + "]";
      String errata = need(d, "errata", p, "the entry of docs/errata.md, D1, D2, ...");
      if (!errata.matches("D[1-9][0-9]*")) {
        throw new InputException(p + ".errata", "must name an entry of docs/errata.md's disagreements (D1, D2, ...), got '" + errata + "'");
      }
      out.add(new PaperDisagreement(errata, need(d, "place", p, "the place of the paper's statement"),
          need(d, "quote", p, "the paper's sentence"), need(d, "ours", p, "our number"),
          need(d, "reason", p, "the reason (derivation or measurement)")));
    }
    return out;
  }

  private static String need(JsonNode n, String field, String path, String what) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
      throw new InputException(path + "." + field, "a disagreement needs " + what);
    }
    return v.asText();
  }
}
