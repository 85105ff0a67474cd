import type { CandidateKind } from "./candidates.js";
import type { AnswerType } from "./question-type.js";

// The names of the features a candidate answer span is ranked on, in the order the trainer and
// the reader sum them (the order fixes the floating-point sum, so keep it).

export const SPAN_KINDS = [
  "person",
  "place",
  "org",
  "role",
  "proper",
  "time",
  "number",
  "money",
  "percent",
  "noun",
] as const satisfies readonly CandidateKind[];
export const ANSWER_TYPES = [
  "person",
  "time",
  "place",
  "number",
  "money",
  "percent",
  "named",
  "thing",
] as const satisfies readonly AnswerType[];

/** One indicator per (candidate kind, expected answer type) pair, e.g. `proper_for_person`. */
export type InteractionName = `${CandidateKind}_for_${AnswerType}`;

export const SCALAR_FEATURES = [
  "matchProximity",
  "nearestMatch",
  "questionShare",
  "rarestIdf",
  "length1",
  "length2",
  "length3",
  "length4",
  "length5Plus",
  "lengthScaled",
  "sentenceCoverage",
  "passageWeight",
  "followsMatch",
  "precedesMatch",
  "afterPreposition",
  "beforePunctuation",
  "capitalised",
  "hasDigit",
  "insideParentheses",
  "startsEntity",
  "sentenceStart",
  "beforeFirstMatch",
  "focusNear",
  "matchesLeft",
  "matchesRight",
  "subjectBeforeVerb",
  "subjectAfterVerb",
  "objectBeforeVerb",
  "objectAfterVerb",
  "verbNear",
  "bestSentence",
  "sentenceRank",
  "containsQuestionWord",
  "punctuationToMatch",
  "spanHasPunctuation",
  "questionBigramLeft",
  "questionBigramRight",
  "idfLeft",
  "idfRight",
  "afterAllMatches",
  "whLateAfterMatches",
  "whLateBeforeMatches",
  "sentenceP",
  "sentenceGap",
] as const;

/** A length prior per expected answer type, e.g. `length_if_thing` (long noun phrases answer "what"
 *  questions, "who" is answered by a short name). */
export type LengthPriorName = `length_if_${AnswerType}`;

export type SpanFeatureName = "bias" | InteractionName | (typeof SCALAR_FEATURES)[number] | LengthPriorName;

/** A candidate's features by name. */
export type SpanFeatures = Record<SpanFeatureName, number>;
/** The ranking model: one weight per feature, same keys (a missing or extra key is a type error). */
export type SpanWeights = Readonly<Record<SpanFeatureName, number>>;

export const interactionName = (kind: CandidateKind, type: AnswerType): InteractionName => `${kind}_for_${type}`;
export const lengthPriorName = (type: AnswerType): LengthPriorName => `length_if_${type}`;

export const SPAN_FEATURE_NAMES: readonly SpanFeatureName[] = [
  "bias",
  ...SPAN_KINDS.flatMap((k) => ANSWER_TYPES.map((t) => interactionName(k, t))),
  ...SCALAR_FEATURES,
  ...ANSWER_TYPES.map(lengthPriorName),
];
