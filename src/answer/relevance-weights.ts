import type { RelevanceWeights } from "./relevance.js";

// Written by `npm run eval -- train-relevance`: whether a quote says what the question asks, a
// logistic model trained on 2000 questions of the odd-numbered SQuAD v1.1 dev articles (the
// quote holds a gold answer) and questions whose answer is in no article (features: relevance.ts).
export const RELEVANCE_WEIGHTS: RelevanceWeights = {
  bias: -8.9861,
  quoteCoverage: 1.2238,
  passageCoverage: 2.5265,
  withPreviousCoverage: 2.7889,
  quoteMissing: 0.834,
  passageMissing: 0.68,
  termShare: 3.4802,
  terms: 3.0283,
};
