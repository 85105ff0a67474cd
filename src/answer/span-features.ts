import type { Candidate, CandidateKind } from "./candidates.js";
import type { AnswerType } from "./question-type.js";
import type { QuestionForm } from "./question-form.js";
import type { TaggedToken } from "./tagged-tokens.js";
import {
  ANSWER_TYPES,
  interactionName,
  lengthPriorName,
  SPAN_KINDS,
  type InteractionName,
  type LengthPriorName,
  type SpanFeatures,
} from "./span-feature-names.js";

// The features a candidate answer span is ranked on (a linear model, trained on SQuAD by
// `npm run eval -- train-reader`). Pure: everything comes in as arguments.

export interface SentenceContext {
  tokens: readonly TaggedToken[];
  /** Token term (stemmed) or undefined for stop words and punctuation, per token. */
  tokenTerms: ReadonlyArray<string | undefined>;
  /** Indices of tokens whose term is in the question. */
  matched: number[];
  questionTerms: ReadonlySet<string>;
  idf: (term: string) => number;
  answerType: AnswerType;
  /** Share of the question's idf mass present in the sentence. */
  coverage: number;
  /** Retrieval strength of the sentence's passage relative to the best, in [0, 1]. */
  passageWeight: number;
  /** Whether the question asks for its verb's subject or object (question-form.ts). */
  form: QuestionForm;
  /** The sentence's place among those read, by the sentence ranker (0 = its best). */
  sentenceRank: number;
  /** The sentence ranker's probability for the sentence, and its logit less the best one's (≤ 0). */
  sentenceP: number;
  sentenceGap: number;
  /** The wh-word stands late in the question ("The Broncos beat which team?"): the answer then
   *  tends to follow the question's words, as the wh-word does. */
  whLate: boolean;
  /** The noun a "what/which" question names ("which hotel" → hotel), as a term. */
  focus?: string;
}

/** The named features of a candidate, or undefined when it only restates the question. */
export function spanFeatures(ctx: SentenceContext, c: Candidate): SpanFeatures | undefined {
  const { tokens, tokenTerms, matched } = ctx;
  let inQuestion = 0;
  let content = 0;
  let rarest = 0;
  for (let i = c.first; i <= c.last; i++) {
    const term = tokenTerms[i];
    if (!term) continue;
    content++;
    if (ctx.questionTerms.has(term)) inQuestion++;
    rarest = Math.max(rarest, ctx.idf(term));
  }
  if (content === 0 || inQuestion === content) return undefined;

  let near = 0,
    weight = 0,
    nearest = Infinity,
    after = 0,
    before = 0,
    firstMatch = Infinity;
  for (const m of matched) {
    firstMatch = Math.min(firstMatch, m);
    if (m >= c.first && m <= c.last) continue;
    const w = ctx.idf(tokenTerms[m] ?? "") || 0.1;
    const distance = m < c.first ? c.first - m : m - c.last;
    near += w * (8 / (7 + distance));
    weight += w;
    nearest = Math.min(nearest, distance);
    if (m < c.first && distance <= 2) after = 1;
    if (m > c.last && distance <= 2) before = 1;
  }
  const length = c.last - c.first + 1;
  const text = tokens
    .slice(c.first, c.last + 1)
    .map((t) => t.text)
    .join(" ");
  const previous = tokens[c.first - 1];
  const next = tokens[c.last + 1];
  const opened =
    tokens.slice(0, c.first).filter((t) => t.text === "(").length > tokens.slice(0, c.first).filter((t) => t.text === ")").length;

  // The question's focus noun inside or right beside the span ("the Santa Clara Marriott hotel").
  let focusNear = 0;
  if (ctx.focus)
    for (let i = Math.max(0, c.first - 2); i <= Math.min(tokens.length - 1, c.last + 2); i++)
      if (tokenTerms[i] === ctx.focus) focusNear = 1;
  // The nearest of the question's verbs in the sentence, and on which side of it the span stands.
  let verb = -1;
  for (const m of matched)
    if (tokens[m]!.pos === "VERB" && (m < c.first || m > c.last)) {
      const d = (i: number) => (i < c.first ? c.first - i : i - c.last);
      if (verb < 0 || d(m) < d(verb)) verb = m;
    }
  const beforeVerb = verb > c.last ? 1 : 0;
  const afterVerb = verb >= 0 && verb < c.first ? 1 : 0;
  // Question words just left / right of the span, by rarity, and two in a row (a question bigram).
  const isMatch = (i: number) => i >= 0 && i < tokens.length && matchedSet(ctx).has(i);
  let idfLeft = 0,
    idfRight = 0;
  for (let d = 1; d <= 3; d++) {
    if (isMatch(c.first - d)) idfLeft += ctx.idf(tokenTerms[c.first - d]!);
    if (isMatch(c.last + d)) idfRight += ctx.idf(tokenTerms[c.last + d]!);
  }
  const bigramLeft = isMatch(c.first - 1) && isMatch(c.first - 2) ? 1 : 0;
  const bigramRight = isMatch(c.last + 1) && isMatch(c.last + 2) ? 1 : 0;
  // A clause break (comma, semicolon, dash) between the span and its nearest question word.
  let nearestAt = -1;
  for (const m of matched) {
    if (m >= c.first && m <= c.last) continue;
    const d = (i: number) => (i < c.first ? c.first - i : i - c.last);
    if (nearestAt < 0 || d(m) < d(nearestAt)) nearestAt = m;
  }
  let punctuationToMatch = 0;
  if (nearestAt >= 0) {
    const [from, to] = nearestAt < c.first ? [nearestAt + 1, c.first] : [c.last + 1, nearestAt];
    for (let i = from; i < to; i++) if (/^[,;:()–—]$/.test(tokens[i]!.text)) punctuationToMatch = 1;
  }
  let spanHasPunctuation = 0;
  for (let i = c.first; i <= c.last; i++) if (tokens[i]!.pos === "PUNCT" && tokens[i]!.text !== "-") spanHasPunctuation = 1;
  const lastMatch = matched.length === 0 ? -1 : Math.max(...matched);
  const afterAll = matched.length > 0 && c.first > lastMatch ? 1 : 0;
  const beforeAll = c.last < firstMatch ? 1 : 0;
  const whLate = ctx.whLate ? 1 : 0;
  const subject = ctx.form === "subject" ? 1 : 0;
  const object = ctx.form === "object" ? 1 : 0;
  return {
    bias: 1,
    ...interactions(c.kind, ctx.answerType),
    matchProximity: weight === 0 ? 0 : near / weight,
    nearestMatch: nearest === Infinity ? 0 : 4 / (3 + nearest),
    questionShare: inQuestion / content,
    rarestIdf: Math.min(1, rarest / 10),
    length1: length === 1 ? 1 : 0,
    length2: length === 2 ? 1 : 0,
    length3: length === 3 ? 1 : 0,
    length4: length === 4 ? 1 : 0,
    length5Plus: length >= 5 ? 1 : 0,
    lengthScaled: Math.min(1, length / 10),
    sentenceCoverage: ctx.coverage,
    passageWeight: ctx.passageWeight,
    followsMatch: after,
    precedesMatch: before,
    afterPreposition: previous?.pos === "ADP" ? 1 : 0,
    beforePunctuation: next && /^[,.;:]$/.test(next.text) ? 1 : 0,
    capitalised: /^\p{Lu}/u.test(text) ? 1 : 0,
    hasDigit: /\d/.test(text) ? 1 : 0,
    insideParentheses: opened ? 1 : 0,
    startsEntity: tokens[c.first]!.entity ? 1 : 0,
    sentenceStart: c.first === 0 ? 1 : 0,
    beforeFirstMatch: c.last < firstMatch ? 1 : 0,
    focusNear,
    // How densely the question's words stand just left and just right of the span.
    matchesLeft: matched.filter((m) => m < c.first && m >= c.first - 4).length / 4,
    matchesRight: matched.filter((m) => m > c.last && m <= c.last + 4).length / 4,
    subjectBeforeVerb: subject * beforeVerb,
    subjectAfterVerb: subject * afterVerb,
    objectBeforeVerb: object * beforeVerb,
    objectAfterVerb: object * afterVerb,
    verbNear: verb < 0 ? 0 : 4 / (3 + (verb > c.last ? verb - c.last : c.first - verb)),
    bestSentence: ctx.sentenceRank === 0 ? 1 : 0,
    sentenceRank: Math.min(1, ctx.sentenceRank / 4),
    containsQuestionWord: inQuestion > 0 ? 1 : 0,
    punctuationToMatch,
    spanHasPunctuation,
    questionBigramLeft: bigramLeft,
    questionBigramRight: bigramRight,
    idfLeft: Math.min(1, idfLeft / 15),
    idfRight: Math.min(1, idfRight / 15),
    afterAllMatches: afterAll,
    whLateAfterMatches: whLate * afterAll,
    whLateBeforeMatches: whLate * beforeAll,
    sentenceP: ctx.sentenceP,
    sentenceGap: Math.max(-1, ctx.sentenceGap / 4),
    ...lengthPriors(ctx.answerType, Math.min(1, length / 10)),
  };
}

const matchedSets = new WeakMap<number[], Set<number>>();
/** The matched token indices as a set, once per sentence. */
function matchedSet(ctx: SentenceContext): Set<number> {
  let set = matchedSets.get(ctx.matched);
  if (!set) matchedSets.set(ctx.matched, (set = new Set(ctx.matched)));
  return set;
}

/** The span's scaled length under its question's type, 0 under the others. */
function lengthPriors(type: AnswerType, scaled: number): Record<LengthPriorName, number> {
  const out = {} as Record<LengthPriorName, number>;
  for (const t of ANSWER_TYPES) out[lengthPriorName(t)] = t === type ? scaled : 0;
  return out;
}

/** The one-hot (candidate kind × answer type) indicators: 1 for this pair, 0 for the others. */
function interactions(kind: CandidateKind, type: AnswerType): Record<InteractionName, number> {
  const out = {} as Record<InteractionName, number>;
  for (const k of SPAN_KINDS) for (const t of ANSWER_TYPES) out[interactionName(k, t)] = k === kind && t === type ? 1 : 0;
  return out;
}
