import type { Candidate, CandidateKind } from "./candidates.js";
import type { AnswerType } from "./question-type.js";
import type { QuestionForm } from "./question-form.js";
import type { TaggedToken } from "./tagged-tokens.js";
import { ANSWER_TYPES, interactionName, SPAN_KINDS, type InteractionName, type SpanFeatures } from "./span-feature-names.js";

// The features a candidate answer span is ranked on (a linear model, trained on SQuAD by
// `npm run eval -- train-reader`). Pure: everything comes in as arguments.

export interface SentenceContext {
  tokens: TaggedToken[];
  /** Token term (stemmed) or undefined for stop words and punctuation, per token. */
  tokenTerms: Array<string | undefined>;
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
  };
}

/** The one-hot (candidate kind × answer type) indicators: 1 for this pair, 0 for the others. */
function interactions(kind: CandidateKind, type: AnswerType): Record<InteractionName, number> {
  const out = {} as Record<InteractionName, number>;
  for (const k of SPAN_KINDS) for (const t of ANSWER_TYPES) out[interactionName(k, t)] = k === kind && t === type ? 1 : 0;
  return out;
}
