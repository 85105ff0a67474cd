import { searchTerms, sentenceCoverage, splitSentences, termWeights } from "../text/index.js";
import type { ScoredPassage } from "../types.js";
import { mayAnswer, showsGrain, timeGrainOf } from "./answer-discipline.js";
import { candidateSpans } from "./candidates.js";
import { answerTypeOf } from "./question-type.js";
import { questionForm } from "./question-form.js";
import type { SpanFeatures } from "./span-feature-names.js";
import { spanFeatures } from "./span-features.js";
import { tagTokens } from "./tagged-tokens.js";

export interface CandidateSpan {
  passageId: string;
  /** Offsets into the passage text. */
  start: number;
  end: number;
  /** Share of the question's idf mass in the candidate's sentence. */
  coverage: number;
  features: SpanFeatures;
}

export interface CollectOptions {
  idf: (term: string) => number;
  /** Passages read, best first. */
  passages: number;
  /** Sentences (best covering the question) whose spans are candidates. */
  sentences: number;
  /** Drop candidates of a kind that cannot answer the question's type (answer-discipline.ts),
   *  when any candidate that can is left. */
  discipline?: boolean;
}

/** Candidate answer spans, with features, from the sentences that best cover the question. */
export function collectCandidates(question: string, hits: readonly ScoredPassage[], options: CollectOptions): CandidateSpan[] {
  const questionTerms = new Set(searchTerms(question));
  if (questionTerms.size === 0 || hits.length === 0) return [];
  const weightOf = termWeights(questionTerms, (t) => Math.max(options.idf(t), 0.1));
  const total = [...weightOf.values()].reduce((a, b) => a + b, 0);
  const answerType = answerTypeOf(question);
  const grain = timeGrainOf(question);
  const questionTokens = tagTokens(question);
  const form = questionForm(questionTokens);
  const focus = searchTerms(/\b(?:what|which)\s+(.*)/i.exec(question)?.[1] ?? "")[0];
  const top = hits[0]!.score || 1;
  const sentences = hits.slice(0, options.passages).flatMap(({ passage, score }) =>
    splitSentences(passage.text).map((r) => {
      const text = passage.text.slice(r.start, r.end);
      const coverage = sentenceCoverage(searchTerms(text), weightOf) / total;
      return { passageId: passage.id, start: r.start, text, coverage, passageWeight: Math.max(0, score / top) };
    }),
  );
  sentences.sort((a, b) => b.coverage * (0.8 + 0.2 * b.passageWeight) - a.coverage * (0.8 + 0.2 * a.passageWeight));
  const out: Array<CandidateSpan & { fits: boolean }> = [];
  const wh = questionTokens.findIndex((t) => /^(what|which|who|whom|whose|when|where|how)$/i.test(t.text));
  const whLate = wh > 2;
  for (const [sentenceRank, s] of sentences.slice(0, options.sentences).entries()) {
    if (s.coverage === 0) break;
    const tokens = tagTokens(s.text);
    const tokenTerms = tokens.map((t) => searchTerms(t.text)[0]);
    const matched = tokenTerms.flatMap((t, i) => (t !== undefined && questionTerms.has(t) ? [i] : []));
    const context = {
      tokens,
      tokenTerms,
      matched,
      questionTerms,
      idf: options.idf,
      answerType,
      coverage: s.coverage,
      passageWeight: s.passageWeight,
      focus,
      form,
      sentenceRank,
      whLate,
    };
    for (const c of candidateSpans(tokens)) {
      const features = spanFeatures(context, c);
      if (!features) continue;
      const start = s.start + tokens[c.first]!.start;
      const end = s.start + tokens[c.last]!.end;
      const numeric = tokens.slice(c.first, c.last + 1).some((t) => t.pos === "NUM" || /\d/.test(t.text));
      out.push({
        passageId: s.passageId,
        start,
        end,
        coverage: s.coverage,
        features,
        fits: mayAnswer(answerType, c.kind, numeric) && (!grain || showsGrain(s.text.slice(start - s.start, end - s.start), grain)),
      });
    }
  }
  const kept = options.discipline && out.some((c) => c.fits) ? out.filter((c) => c.fits) : out;
  return kept.map(({ fits: _fits, ...c }) => c);
}
