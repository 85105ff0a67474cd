import type { DenseHit } from "../search/quantized-vectors.js";
import type { RowPassage, SearchIndex } from "../search/search-index.js";
import type { ScoredPassage } from "../types.js";
import { DEFAULT_BM25_PARAMS, type Bm25Params } from "./bm25-score.js";
import { fuseRankings } from "./fuse.js";
import { RETRIEVAL_DEFAULTS } from "./retrieval-defaults.js";
import { lexicalCandidates, rerankScore } from "./rerank-signals.js";

/** Nearest passages by embedding: exact or approximate, over the passages embedded so far. */
export interface DenseSearch {
  search(query: Float32Array, k: number): DenseHit[];
}

/** A lean, not a filter: other passages keep their scores and still win when they match far better. */
export type PassageBoost = (passage: { articleId: string; paragraph: number }) => number;

export interface RetrieveOptions {
  k: number;
  /** The question's embedding, in model mode: dense ranking is fused with BM25. */
  queryVector?: Float32Array;
  /** Passage vectors of the same model as `queryVector`. */
  dense?: DenseSearch;
  /** Weight of the proximity bonus against BM25 (tuned on SQuAD). */
  proximityWeight?: number;
  /** Weight of the best single sentence's share of the question's words (tuned on SQuAD). */
  sentenceWeight?: number;
  /** Weight of the question's word pairs said verbatim (phrase-match.ts; learned on SQuAD). */
  phraseWeight?: number;
  /** Bonus when the best sentence has the shape the question asks for (answer-shape.ts; learned on SQuAD). */
  shapeWeight?: number;
  /** RRF weights of the two rankings (tuned on SQuAD). */
  bm25Weight?: number;
  denseWeight?: number;
  /** How many of the engine's candidates are reranked, and how deep the dense ranking is read. */
  depth?: number;
  bm25?: Bm25Params;
  /** A score multiplier per passage (≥ 1 where a conversation leans: its articles, its paragraphs). */
  boost?: PassageBoost;
}

/** The best passages for a question: the engine's BM25 candidates, rescored exactly and reranked
 *  by proximity, sentence coverage, verbatim phrases and answer shape (rerank-signals.ts), fused
 *  with dense search in model mode. */
export function retrieve(index: SearchIndex, question: string, options: RetrieveOptions): ScoredPassage[] {
  const depth = Math.max(options.depth ?? RETRIEVAL_DEFAULTS.depth, options.k);
  const params = options.bm25 ?? DEFAULT_BM25_PARAMS;
  const weights = {
    proximity: options.proximityWeight ?? RETRIEVAL_DEFAULTS.proximityWeight,
    coverage: options.sentenceWeight ?? RETRIEVAL_DEFAULTS.sentenceWeight,
    phrase: options.phraseWeight ?? RETRIEVAL_DEFAULTS.phraseWeight,
    shape: options.shapeWeight ?? RETRIEVAL_DEFAULTS.shapeWeight,
  };
  const boost = options.boost;
  const lean = (p: { articleId: string; paragraph: number }) => (boost ? boost(p) : 1);
  const lexical = lexicalCandidates(index, question, depth, params)
    .map(({ passage, signals }) => ({ passage, score: lean(passage) * rerankScore(signals, weights) }))
    .sort((a, b) => b.score - a.score || a.passage.row - b.passage.row);
  const strip = ({ row: _row, ...passage }: RowPassage) => passage;
  if (!options.queryVector || !options.dense) {
    return lexical.slice(0, options.k).map((h) => ({ passage: strip(h.passage), score: h.score }));
  }
  const dense = options.dense.search(options.queryVector, depth);
  const known = new Map(lexical.map((h) => [h.passage.row, h.passage]));
  const fused = fuseRankings(
    [
      { docs: lexical.map((h) => h.passage.row), weight: options.bm25Weight ?? RETRIEVAL_DEFAULTS.bm25Weight },
      { docs: dense.map((h) => h.row), weight: options.denseWeight ?? RETRIEVAL_DEFAULTS.denseWeight },
    ],
    RETRIEVAL_DEFAULTS.rrfK,
  );
  if (boost) {
    const byRow = new Map(lexical.map((h) => [h.passage.row, h.passage]));
    for (const p of index.passagesAt(fused.filter((h) => !byRow.has(h.doc)).map((h) => h.doc))) byRow.set(p.row, p);
    for (const h of fused) {
      const p = byRow.get(h.doc);
      if (p) h.score *= lean(p);
    }
    fused.sort((a, b) => b.score - a.score);
  }
  fused.splice(options.k * 2);
  const unknown = index.passagesAt(fused.filter((h) => !known.has(h.doc)).map((h) => h.doc));
  for (const p of unknown) known.set(p.row, p);
  // Rows gone since the vectors were loaded (an edited article) have no passage and drop out.
  return fused
    .flatMap((h) => {
      const passage = known.get(h.doc);
      return passage ? [{ passage: strip(passage), score: h.score }] : [];
    })
    .slice(0, options.k);
}
