import type { Candidate, CandidateKind } from "./candidates.js";
import type { AnswerType } from "./question-type.js";
import type { TaggedToken } from "./tagged-tokens.js";

// The features a candidate answer span is ranked on (a linear model, trained on SQuAD by
// `npm run eval -- train-reader`). Pure: everything comes in as arguments.

const KINDS: CandidateKind[] = ["proper", "time", "number", "money", "percent", "noun"];
const TYPES: AnswerType[] = ["person", "time", "place", "number", "money", "percent", "named", "thing"];
const INTERACTIONS = KINDS.length * TYPES.length;

export const FEATURE_COUNT = 1 + INTERACTIONS + 25;

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
  /** The noun a "what/which" question names ("which hotel" → hotel), as a term. */
  focus?: string;
}

/** The feature vector of a candidate, or undefined when it only restates the question. */
export function spanFeatures(ctx: SentenceContext, c: Candidate): Float64Array | undefined {
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

  const f = new Float64Array(FEATURE_COUNT);
  f[0] = 1;
  f[1 + KINDS.indexOf(c.kind) * TYPES.length + TYPES.indexOf(ctx.answerType)] = 1;
  let k = 1 + INTERACTIONS;
  f[k++] = weight === 0 ? 0 : near / weight;
  f[k++] = nearest === Infinity ? 0 : 4 / (3 + nearest);
  f[k++] = inQuestion / content;
  f[k++] = Math.min(1, rarest / 10);
  for (const bucket of [1, 2, 3, 4]) f[k++] = length === bucket ? 1 : 0;
  f[k++] = length >= 5 ? 1 : 0;
  f[k++] = Math.min(1, length / 10);
  f[k++] = ctx.coverage;
  f[k++] = ctx.passageWeight;
  f[k++] = after;
  f[k++] = before;
  f[k++] = previous?.pos === "ADP" ? 1 : 0;
  f[k++] = next && /^[,.;:]$/.test(next.text) ? 1 : 0;
  f[k++] = /^\p{Lu}/u.test(text) ? 1 : 0;
  f[k++] = /\d/.test(text) ? 1 : 0;
  f[k++] = opened ? 1 : 0;
  f[k++] = tokens[c.first]!.entity ? 1 : 0;
  f[k++] = c.first === 0 ? 1 : 0;
  f[k++] = c.last < firstMatch ? 1 : 0;
  // The question's focus noun inside or right beside the span ("the Santa Clara Marriott hotel").
  let focusNear = 0;
  if (ctx.focus)
    for (let i = Math.max(0, c.first - 2); i <= Math.min(tokens.length - 1, c.last + 2); i++)
      if (tokenTerms[i] === ctx.focus) focusNear = 1;
  f[k++] = focusNear;
  // How densely the question's words stand just left and just right of the span.
  f[k++] = matched.filter((m) => m < c.first && m >= c.first - 4).length / 4;
  f[k++] = matched.filter((m) => m > c.last && m <= c.last + 4).length / 4;
  return f;
}
