import { lexRank } from "./centrality.js";
import type { SimilarityMatrix } from "./similarity.js";
import type { RankWeights } from "./weights.js";

export interface ScoreInput {
  sim: SimilarityMatrix;
  /** 0-based position of each sentence in its article. */
  positions: readonly number[];
  /** Similarity of each sentence to the headline, in [0, 1]. */
  titleSimilarity: readonly number[];
  /** Similarity of each sentence to the topic, in [0, 1] (digests only). */
  relevance?: readonly number[];
}

/** One score per sentence: centrality + position prior + headline (+ topic) terms. */
export function scoreSentences(input: ScoreInput, w: RankWeights): Float64Array {
  const centrality = lexRank(input.sim, { damping: w.damping, threshold: w.threshold });
  const scores = new Float64Array(input.sim.size);
  for (let i = 0; i < scores.length; i++) {
    const prior = Math.pow(0.5, input.positions[i]! / w.positionHalfLife);
    scores[i] =
      w.centrality * centrality[i]! + w.position * prior + w.title * input.titleSimilarity[i]! + w.relevance * (input.relevance?.[i] ?? 0);
  }
  return scores;
}
