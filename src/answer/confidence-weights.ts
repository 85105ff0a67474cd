import type { ConfidenceWeights } from "./span-confidence.js";

// Written by `npm run eval -- train-confidence`: whether the reader's span is a right answer, a
// logistic model trained on 1998 questions of the odd-numbered SQuAD v1.1 dev articles, each read
// by a span ranker trained without its article (features: span-confidence.ts).
export const CONFIDENCE_WEIGHTS: ConfidenceWeights = {
  bias: 0.0513,
  logProbability: 0.1439,
  margin: -0.1419,
  coverage: 0.2324,
  coverageTimesRoot: 0.278,
  logAgreement: 1.7608,
  logCandidates: 0.1443,
  firstPassage: 0.5449,
};
