import { idf, searchBm25 } from "../search/bm25.js";
import { searchDense } from "../search/dense.js";
import { fuseRankings } from "./fuse.js";
import { RETRIEVAL_DEFAULTS } from "./retrieval-defaults.js";
import { proximityBonus } from "./proximity.js";
import type { SearchIndex } from "../search/search-index.js";
import { bestSentenceCoverage, searchTerms, searchTermsBySentence, termWeights } from "../text/index.js";
import type { ScoredPassage } from "../types.js";

export interface RetrieveOptions {
  k: number;
  /** The question's embedding, in model mode: dense ranking is fused with BM25. */
  queryVector?: Float32Array;
  /** Weight of the proximity bonus against BM25 (default: RETRIEVAL_DEFAULTS, as for the others). */
  proximityWeight?: number;
  /** Weight of the best single sentence's share of the question's words (tuned on SQuAD). */
  sentenceWeight?: number;
  /** RRF weights of the two rankings (tuned on SQuAD). */
  bm25Weight?: number;
  denseWeight?: number;
  /** How deep each ranking is read before fusing. */
  depth?: number;
}

/** The best passages for a question: BM25 with a phrase-proximity rerank, fused with dense
 *  search when a query vector and passage vectors of the same model are at hand. */
export function retrieve(index: SearchIndex, question: string, options: RetrieveOptions): ScoredPassage[] {
  const depth = Math.max(options.depth ?? RETRIEVAL_DEFAULTS.depth, options.k);
  const queryTerms = searchTerms(question);
  const queryIdf = termWeights(queryTerms, (t) => idf(index.bm25, t));
  const lambda = options.proximityWeight ?? RETRIEVAL_DEFAULTS.proximityWeight;
  const mu = options.sentenceWeight ?? RETRIEVAL_DEFAULTS.sentenceWeight;
  const lexical = searchBm25(index.bm25, queryTerms, depth)
    .map((h) => {
      const sentences = searchTermsBySentence(index.passages[h.doc]!.text);
      return {
        doc: h.doc,
        score: h.score + lambda * proximityBonus(index.bm25, queryTerms, sentences) + mu * bestSentenceCoverage(sentences, queryIdf),
      };
    })
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  const vectors = index.vectors;
  if (!options.queryVector || !vectors) {
    return lexical.slice(0, options.k).map((h) => ({ passage: index.passages[h.doc]!, score: h.score }));
  }
  const dense = searchDense(vectors.data, vectors.dimension, options.queryVector, depth);
  return fuseRankings(
    [
      { docs: lexical.map((h) => h.doc), weight: options.bm25Weight ?? RETRIEVAL_DEFAULTS.bm25Weight },
      { docs: dense.map((h) => h.doc), weight: options.denseWeight ?? RETRIEVAL_DEFAULTS.denseWeight },
    ],
    RETRIEVAL_DEFAULTS.rrfK,
  )
    .slice(0, options.k)
    .map((h) => ({ passage: index.passages[h.doc]!, score: h.score }));
}
