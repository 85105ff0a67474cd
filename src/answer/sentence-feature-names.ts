import type { AnswerType } from "./question-type.js";
import { ANSWER_TYPES } from "./span-feature-names.js";

// The names of the features a sentence is ranked on (which of the read passages' sentences holds
// the answer), in the order the trainer and the reader sum them (the order fixes the
// floating-point sum, so keep it). No bias: the ranker is a softmax over one question's sentences,
// where a constant cancels.

export const SENTENCE_SCALARS = [
  "coverage",
  "coverageGap",
  "bestCoverage",
  "termShare",
  "bigramShare",
  "trigramShare",
  "rarestMatch",
  "matchDensity",
  "unionPrevious",
  "unionNext",
  "previousCoverage",
  "nextCoverage",
  "firstInPassage",
  "lastInPassage",
  "position",
  "passageWeight",
  "firstPassage",
  "secondPassage",
  "lengthScaled",
  "short",
  "focusIn",
  "unmatchedTyped",
  "unmatchedNames",
  "unmatchedNumbers",
] as const;

/** The sentence holds, outside the question's words, a candidate of the kind this question type
 *  asks for (e.g. `typed_for_time`: a date in a sentence read for a *when* question). */
export type TypedName = `typed_for_${AnswerType}`;
export const typedName = (type: AnswerType): TypedName => `typed_for_${type}`;

/** Coverage by question type: overlap counts for less when the type can be checked. */
export type CoverageByTypeName = `coverage_if_${AnswerType}`;
export const coverageByTypeName = (type: AnswerType): CoverageByTypeName => `coverage_if_${type}`;

export type SentenceFeatureName = (typeof SENTENCE_SCALARS)[number] | TypedName | CoverageByTypeName;

/** A sentence's features by name. */
export type SentenceFeatures = Record<SentenceFeatureName, number>;
/** The sentence ranker: one weight per feature, same keys (a missing or extra key is a type error). */
export type SentenceWeights = Readonly<Record<SentenceFeatureName, number>>;

export const SENTENCE_FEATURE_NAMES: readonly SentenceFeatureName[] = [
  ...SENTENCE_SCALARS,
  ...ANSWER_TYPES.map(typedName),
  ...ANSWER_TYPES.map(coverageByTypeName),
];
