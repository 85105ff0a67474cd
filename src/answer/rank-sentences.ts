import { searchTerms, splitSentences } from "../text/index.js";
import type { ScoredPassage } from "../types.js";
import { timeGrainOf } from "./answer-discipline.js";
import { answerTypeOf } from "./question-type.js";
import { SENTENCE_FEATURE_NAMES, type SentenceFeatures, type SentenceWeights } from "./sentence-feature-names.js";
import { sentenceFeatures, type QuestionView, type SentenceView } from "./sentence-features.js";
import { SENTENCE_WEIGHTS } from "./sentence-weights.js";
import { softmax } from "./softmax.js";
import { tagTokens } from "./tagged-tokens.js";

// The sentence ranker: which sentence of the read passages holds the answer. A linear model over
// named sentence features (sentence-features.ts), a softmax over one question's sentences.

export interface RankedSentence extends SentenceView {
  passageId: string;
  /** Offset of the sentence in its passage's text. */
  start: number;
  end: number;
  /** Share of the question's idf weight the sentence holds. */
  coverage: number;
  features: SentenceFeatures;
  logit: number;
  /** The ranker's probability that this sentence holds the answer, among the question's sentences. */
  p: number;
}

export interface RankSentencesOptions {
  idf: (term: string) => number;
  /** Passages read, best first. */
  passages: number;
  weights?: SentenceWeights;
}

/** A sentence's logit: its features weighted by the ranker. */
export function sentenceLogit(weights: SentenceWeights, features: SentenceFeatures): number {
  let s = 0;
  for (const name of SENTENCE_FEATURE_NAMES) s += weights[name] * features[name];
  return s;
}

/** What the sentence features need of the question. */
export function questionView(question: string, idf: (term: string) => number): QuestionView {
  const terms = searchTerms(question);
  const weights = new Map<string, number>();
  for (const t of terms) if (!weights.has(t)) weights.set(t, Math.max(idf(t), 0.1));
  const focus = searchTerms(/\b(?:what|which)\s+(.*)/i.exec(question)?.[1] ?? "")[0];
  return { terms, weights, answerType: answerTypeOf(question), grain: timeGrainOf(question), focus };
}

/** Every sentence of the first `passages` passages, best first by the ranker. */
export function rankSentences(
  question: string | QuestionView,
  hits: readonly ScoredPassage[],
  options: RankSentencesOptions,
): RankedSentence[] {
  const q = typeof question === "string" ? questionView(question, options.idf) : question;
  if (q.weights.size === 0 || hits.length === 0) return [];
  const top = hits[0]!.score || 1;
  const views: Array<SentenceView & { passageId: string; start: number; end: number }> = [];
  hits.slice(0, options.passages).forEach(({ passage, score }, passageRank) => {
    const ranges = splitSentences(passage.text);
    const terms = ranges.map((r) => searchTerms(passage.text.slice(r.start, r.end)));
    ranges.forEach((r, index) => {
      const text = passage.text.slice(r.start, r.end);
      const tokens = tagTokens(text);
      views.push({
        passageId: passage.id,
        start: r.start,
        end: r.end,
        text,
        terms: terms[index]!,
        tokens,
        tokenTerms: tokens.map((t) => searchTerms(t.text)[0]),
        passageRank,
        passageWeight: Math.max(0, score / top),
        index,
        count: ranges.length,
        previousTerms: terms[index - 1],
        nextTerms: terms[index + 1],
      });
    });
  });
  const features = sentenceFeatures(q, views);
  const weights = options.weights ?? SENTENCE_WEIGHTS;
  const logits = features.map((f) => sentenceLogit(weights, f));
  const p = softmax(logits);
  return views
    .map((v, i) => ({ ...v, coverage: features[i]!.coverage, features: features[i]!, logit: logits[i]!, p: p[i]! }))
    .sort((a, b) => b.logit - a.logit);
}
