import type { SentenceFeatureName, SentenceFeatures } from "./sentence-features.js";
import { SENTENCE_WEIGHTS } from "./sentence-weights.js";

export type SentenceWeights = Record<SentenceFeatureName, number>;

/** How article summaries rank sentences: learned feature weights, then MMR for variety. */
export interface SentenceRanker {
  weights: SentenceWeights;
  /** MMR trade-off: 1 ranks by score alone, lower values push for variety. */
  lambda: number;
  /** Gain for covering the headline's terms not yet covered (see HeadlineCoverage). */
  headlineGain: number;
}

export const SENTENCE_RANKER: SentenceRanker = {
  weights: SENTENCE_WEIGHTS,
  // Light: on the BBC tuning half precision@3 is 0.829 at 0.85, 0.829 at 0.95, 0.830 at 1; a little
  // variety still keeps longer summaries from repeating themselves.
  lambda: 0.95,
  // The best of 0, 0.05, 0.1 and 0.3 on the BBC tuning half (precision@3 0.824, 0.825, 0.826, 0.825).
  headlineGain: 0.1,
};

/** The probability, by a logistic model, that a sentence belongs in the article's summary. */
export function summaryProbability(features: SentenceFeatures, weights: SentenceWeights): number {
  let z = 0;
  for (const name in weights) z += weights[name as SentenceFeatureName] * features[name as SentenceFeatureName];
  return 1 / (1 + Math.exp(-z));
}
