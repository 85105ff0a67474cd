import { splitSentences } from "../knowledge/sentences.js";
import { terms } from "../text/search-terms.js";

/** A passage's terms, sentence by sentence: tokenised once for every rerank signal. Sentences
 *  meet at white space, so the arrays laid end to end are the passage's own term sequence. */
export function sentenceTerms(text: string): string[][] {
  return splitSentences(text).map((r) => terms(text.slice(r.start, r.end)));
}
