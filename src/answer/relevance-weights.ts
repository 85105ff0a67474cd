import type { RelevanceWeights } from "./relevance.js";

// Written by `npm run eval -- train-relevance`: whether a quote says what the question asks, a
// logistic model trained on 2000 questions of the odd-numbered SQuAD v1.1 dev articles (the
// quote holds a gold answer) and questions whose answer is in no article (features: relevance.ts).
export const RELEVANCE_WEIGHTS: RelevanceWeights = {
  bias: -6.9878,
  quoteCoverage: 1.1729,
  passageCoverage: 1.8177,
  withPreviousCoverage: 2.2656,
  quoteMissing: 0.5839,
  passageMissing: 0.6109,
  termShare: 2.3676,
  terms: 2.7622,
  namesMissing: -1.8496,
  pairShare: 1.1624,
};
