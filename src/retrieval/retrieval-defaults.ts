// The retrieval tunables in one place; `retrieve` falls back to these and the evals in tools/eval
// read them from here (figures: `npm run eval -- squad`, lexical path, SQuAD v1.1 dev).

export const RETRIEVAL_DEFAULTS = {
  /** Proximity bonus against BM25: rewards question words standing close together (tuned on SQuAD). */
  proximityWeight: 0.5,
  /** Best single sentence's share of the question's words: answers sit in one sentence (tuned on SQuAD). */
  sentenceWeight: 0.6,
  /** Question word pairs the passage says verbatim, per idf point (phrase-match.ts). With shapeWeight,
   *  learned by coordinate ascent on recall@1 over the SQuAD training half (odd-numbered articles;
   *  `npm run eval -- tune-retrieval`):
   *  recall@1 0.842 → 0.862 there, 0.789 → 0.798 on the held-out half (see docs/quality.md). */
  phraseWeight: 0.5,
  /** Added when the passage's best sentence has the shape the question asks for: a year for "when",
   *  a number for "how many" (answer-shape.ts); learned with phraseWeight. */
  shapeWeight: 4.7,
  /** Hits read from each ranking before reranking and fusing: deep enough that the rerank can lift a passage from far down. */
  depth: 50,
  /** RRF weight of the BM25 ranking (tuned on SQuAD): equal to the dense one, neither ranking favoured. */
  bm25Weight: 1,
  /** RRF weight of the dense ranking (see bm25Weight). */
  denseWeight: 1,
  /** RRF's rank offset: 60, the value of the original paper (Cormack et al. 2009), damps the top ranks' lead. */
  rrfK: 60,
} as const;
