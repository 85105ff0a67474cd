import { searchTerms } from "./search-terms.js";
import { splitSentences } from "./sentences.js";

/** A passage's search terms, sentence by sentence: tokenised once for every rerank signal. Sentences
 *  meet at white space, so the arrays laid end to end are the passage's own term sequence. */
export function searchTermsBySentence(text: string): string[][] {
  return splitSentences(text).map((r) => searchTerms(text.slice(r.start, r.end)));
}
