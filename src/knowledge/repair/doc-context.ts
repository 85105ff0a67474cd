// What the whole article says about its own words: glue from a dropped line break is a one-off,
// while a brand ("EverQuest") is repeated, and the halves of a glued name ("AsimMunir") are
// usually written apart elsewhere in the same article.
import type { Lexicon } from "./lexicon.js";

export interface DocContext {
  lexicon: Lexicon;
  /** Letter runs as written, with their counts ("AsimMunir" → 1). */
  readonly forms: Map<string, number>;
  /** Letter runs lower-cased, with their counts. */
  readonly lower: Map<string, number>;
}

/** The counts are taken on first use: most articles have no token that needs them (a CPU
 *  profile of an index build had this pass at a tenth of the repair's time). */
export function docContext(lexicon: Lexicon, text: string): DocContext {
  let counts: { forms: Map<string, number>; lower: Map<string, number> } | undefined;
  const count = () => {
    if (counts) return counts;
    const forms = new Map<string, number>();
    const lower = new Map<string, number>();
    for (const m of text.matchAll(/\p{L}+/gu)) {
      const w = m[0];
      forms.set(w, (forms.get(w) ?? 0) + 1);
      const l = w.toLowerCase();
      lower.set(l, (lower.get(l) ?? 0) + 1);
    }
    return (counts = { forms, lower });
  };
  return {
    lexicon,
    get forms() {
      return count().forms;
    },
    get lower() {
      return count().lower;
    },
  };
}
