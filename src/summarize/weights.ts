// Topic-digest ranking weights (article summaries use the learned ranker in sentence-ranker.ts):
// a grid over position, half-life, headline, lambda and threshold on the even-numbered BBC articles,
// checked on the odd-numbered ones. Centrality does most of the work; a light lead prior and
// headline term add about 0.02 precision@3; MMR keeps a digest from repeating itself.

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
  position: 0.15,
  positionHalfLife: 3,
  title: 0.1,
  relevance: 1,
  lambda: 0.85,
  damping: 0.85,
  threshold: 0,
};

export const DIGEST_DEFAULTS = {
  /** Passages retrieved for a topic digest: several articles' worth to draw on, while the
   *  per-article cap (half the sentences) keeps one article from filling it. Not tuned. */
  passages: 12,
} as const;
