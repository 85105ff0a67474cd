import type { ConfidenceWeights } from "./span-confidence.js";

// Written by `npm run eval -- train-confidence`: whether the reader's span is a right answer, a
// logistic model trained on 1998 questions of the odd-numbered SQuAD v1.1 dev articles, each read
// by a span ranker trained without its article (features: span-confidence.ts).
export const CONFIDENCE_WEIGHTS: ConfidenceWeights = {
  bias: -0.0605,
  logProbability: -0.0133,
  margin: 0.1111,
  coverage: 0.0997,
  coverageTimesRoot: 0.47,
  logAgreement: 1.8414,
  logCandidates: 0.1518,
  firstPassage: 0.47,
};
