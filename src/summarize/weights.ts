// Ranking weights. Tuned on the BBC News Summary data (half the articles, checked on the other
// half) with `npx tsx src/cli/eval/summaries.ts`; see that file for the measure.

export interface RankWeights {
  /** Weight of LexRank centrality (scaled to [0, 1]). */
  centrality: number;
  /** Weight of the position prior: news puts what matters first. */
  position: number;
  /** Sentences over which the position prior halves. */
  positionHalfLife: number;
  /** Weight of similarity to the headline. */
  title: number;
  /** Weight of similarity to the topic (digests only). */
  relevance: number;
  /** MMR trade-off: 1 ranks by score alone, lower values push for variety. */
  lambda: number;
  /** LexRank damping factor. */
  damping: number;
  /** LexRank edge threshold. */
  threshold: number;
}

export const DEFAULT_WEIGHTS: RankWeights = {
  centrality: 1,
  position: 0.3,
  positionHalfLife: 3,
  title: 0.2,
  relevance: 1,
  lambda: 0.8,
  damping: 0.85,
  threshold: 0,
};
