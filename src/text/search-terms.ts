import { baseForm } from "./irregular-verbs.js";
import { stem } from "./stem.js";
import { SEARCH_STOP_WORDS } from "./stop-words.js";

/** Lower-cased, accent-folded alphanumeric words, in order (no stemming, stop words kept). */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The terms BM25 indexes and retrieval matches: words without stop words, Porter-stemmed after an
 *  irregular past is put in its base form ("won" → "win"; numbers as written). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of searchWords(text)) if (!SEARCH_STOP_WORDS.has(w)) out.push(/^\d/.test(w) ? w : stem(baseForm(w)));
  return out;
}

/** Search term → count. */
export function searchTermCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of searchTerms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
