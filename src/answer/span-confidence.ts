// How likely the reader's span is a right answer, for the answer-or-passage choice (reply-kind.ts):
// a logistic model over how the span stands among the question's candidates (its probability, its
// margin, its sentence's coverage of the question) and over how much probability the candidates
// with the same words add up to, the strongest sign: a name that several sentences offer is more
// often right. Weights trained on SQuAD by `npm run eval -- train-confidence`. Pure.

import { logisticOf } from "./logistic.js";

export const CONFIDENCE_FEATURE_NAMES = [
  "bias",
  "logProbability",
  "margin",
  "coverage",
  "coverageTimesRoot",
  "logAgreement",
  "logCandidates",
  "firstPassage",
] as const;

export type ConfidenceFeatureName = (typeof CONFIDENCE_FEATURE_NAMES)[number];
export type ConfidenceFeatures = Record<ConfidenceFeatureName, number>;
export type ConfidenceWeights = Readonly<Record<ConfidenceFeatureName, number>>;

export interface RankedCandidate {
  /** The ranker's softmax probability among the question's candidates. */
  p: number;
  /** The share of the question's weight its sentence covers. */
  coverage: number;
  /** Its words as compared for agreement (agreementKey). */
  key: string;
  /** It stands in the first passage read. */
  firstPassage: boolean;
}

/** Two spans agree when their words do, whatever the case, punctuation and articles. */
export function agreementKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\b(a|an|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The features of each candidate, in the order given. */
export function confidenceFeatures(candidates: readonly RankedCandidate[]): ConfidenceFeatures[] {
  const agreement = new Map<string, number>();
  for (const c of candidates) agreement.set(c.key, (agreement.get(c.key) ?? 0) + c.p);
  // The two highest probabilities, for each candidate's margin over the best other one.
  let first = 0,
    second = 0;
  for (const c of candidates) {
    if (c.p > first) [first, second] = [c.p, first];
    else if (c.p > second) second = c.p;
  }
  const tiny = 1e-6;
  return candidates.map((c) => ({
    bias: 1,
    logProbability: Math.log(Math.max(c.p, tiny)),
    margin: c.p - (c.p === first ? second : first),
    coverage: c.coverage,
    coverageTimesRoot: c.coverage * Math.sqrt(c.p),
    logAgreement: Math.log(Math.max(agreement.get(c.key)!, tiny)),
    logCandidates: Math.log(candidates.length),
    firstPassage: c.firstPassage ? 1 : 0,
  }));
}

/** The model's probability that the span is a right answer, in [0, 1]. */
export function confidenceOf(weights: ConfidenceWeights, features: ConfidenceFeatures): number {
  return logisticOf(CONFIDENCE_FEATURE_NAMES, weights, features);
}
