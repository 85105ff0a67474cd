// How much of a question one sentence says: the weight (an idf) of the question's terms that the
// sentence contains. Retrieval reranks passages by their best sentence; the lexical reader picks
// the sentences it reads spans from.

/** Each distinct term, in first-seen order, with its weight. */
export function termWeights(terms: Iterable<string>, weight: (term: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) if (!out.has(t)) out.set(t, weight(t));
  return out;
}

/** The summed weight of the weighted terms that occur in the sentence's terms. */
export function sentenceCoverage(sentenceTerms: readonly string[], weights: ReadonlyMap<string, number>): number {
  const present = new Set(sentenceTerms);
  let covered = 0;
  for (const [t, w] of weights) if (present.has(t)) covered += w;
  return covered;
}
