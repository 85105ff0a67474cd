import { searchTerms, sentenceCoverage, termWeights } from "../text/index.js";

/** How much of the question a text says: the share of the question's idf weight among its terms,
 *  in [0, 1]. The same measure the lexical reader picks its sentences by. */
export function questionCoverage(question: string, text: string, idf: (term: string) => number): number {
  const weights = termWeights(searchTerms(question), (t) => Math.max(idf(t), 0.1));
  let total = 0;
  for (const w of weights.values()) total += w;
  return total === 0 ? 0 : sentenceCoverage(searchTerms(text), weights) / total;
}
