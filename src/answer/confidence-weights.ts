import type { ConfidenceWeights } from "./span-confidence.js";

// Written by `npm run eval -- train-confidence`: whether the reader's span is a right answer, a
// logistic model trained on 1998 questions of the odd-numbered SQuAD v1.1 dev articles, each read
// by a span ranker trained without its article (features: span-confidence.ts).
export const CONFIDENCE_WEIGHTS: ConfidenceWeights = {
  bias: -0.1146,
  logProbability: 0.166,
  margin: -0.1381,
  coverage: 0.2221,
  coverageTimesRoot: 0.2483,
  logAgreement: 1.8159,
  logCandidates: 0.1906,
  firstPassage: 0.6443,
};
