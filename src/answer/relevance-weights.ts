import type { RelevanceWeights } from "./relevance.js";

// Written by `npm run eval -- train-relevance`: whether a quote says what the question asks, a
// logistic model trained on 2000 questions of the odd-numbered SQuAD v1.1 dev articles (the
// quote holds a gold answer) and questions whose answer is in no article (features: relevance.ts).
export const RELEVANCE_WEIGHTS: RelevanceWeights = {
  bias: -7.4034,
  quoteCoverage: 1.4372,
  passageCoverage: 1.8027,
  withPreviousCoverage: 2.4225,
  quoteMissing: 0.6781,
  passageMissing: 0.7123,
  termShare: 2.4289,
  terms: 2.6769,
  namesMissing: -1.8134,
  pairShare: 1.0372,
};
