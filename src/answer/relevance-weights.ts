import type { RelevanceWeights } from "./relevance.js";

// Written by `npm run eval -- train-relevance`: whether a quote says what the question asks, a
// logistic model trained on 2000 questions of the odd-numbered SQuAD v1.1 dev articles (the
// quote holds a gold answer) and questions whose answer is in no article (features: relevance.ts).
export const RELEVANCE_WEIGHTS: RelevanceWeights = {
  bias: -7.0906,
  quoteCoverage: 1.2995,
  passageCoverage: 1.858,
  withPreviousCoverage: 2.1859,
  quoteMissing: 0.6646,
  passageMissing: 0.5256,
  termShare: 2.4792,
  terms: 2.5997,
  namesMissing: -1.7735,
  pairShare: 1.1883,
};
