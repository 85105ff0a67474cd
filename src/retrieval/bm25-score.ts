// Okapi BM25 of one passage, computed exactly from its own terms: the engine picks the
// candidates, this scores them the same way whatever the engine's variant of idf and length
// normalisation (FTS5 clamps the idf of terms in more than half the passages to ~0, which
// leaves small corpora unranked).

export interface Bm25Params {
  k1: number;
  b: number;
  /** Title terms count this many times (BM25F-style: one document of body and title). */
  titleWeight: number;
}

/** Tuned on SQuAD v1.1 dev (`npm run eval -- squad --tune`), not on single questions. */
export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.75, titleWeight: 1 };

export interface Bm25Corpus {
  idf: (term: string) => number;
  averageLength: number;
}

export function bm25Score(
  queryTerms: readonly string[],
  bodyTerms: readonly string[],
  titleTerms: readonly string[],
  corpus: Bm25Corpus,
  params: Bm25Params = DEFAULT_BM25_PARAMS,
): number {
  const wanted = new Set(queryTerms);
  const tf = new Map<string, number>();
  for (const t of bodyTerms) if (wanted.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const t of titleTerms) if (wanted.has(t)) tf.set(t, (tf.get(t) ?? 0) + params.titleWeight);
  const length = bodyTerms.length + params.titleWeight * titleTerms.length;
  const norm = params.k1 * (1 - params.b + (params.b * length) / (corpus.averageLength || 1));
  let score = 0;
  for (const [t, f] of tf) score += (corpus.idf(t) * f * (params.k1 + 1)) / (f + norm);
  return score;
}
