import type { ScoredPassage } from "../types.js";
import { gazetteerTags } from "../text/index.js";
import { fitsPlaceGrain, mayAnswer, namesAskedAbout, placeGrainOf, repeatsAskedName, showsGrain } from "./answer-discipline.js";
import { candidateSpans } from "./candidates.js";
import { questionForm } from "./question-form.js";
import { questionView, rankSentences } from "./rank-sentences.js";
import type { SentenceWeights } from "./sentence-feature-names.js";
import type { SpanFeatures } from "./span-feature-names.js";
import { spanFeatures } from "./span-features.js";
import { isNumericToken, tagTokens, type TaggedToken } from "./tagged-tokens.js";

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
  /** The sentence ranker's weights; the trained ones by default. */
  sentenceWeights?: SentenceWeights;
}

/** Candidate answer spans, with features, from the sentences the sentence ranker puts first. */
export function collectCandidates(question: string, hits: readonly ScoredPassage[], options: CollectOptions): CandidateSpan[] {
  const view = questionView(question, options.idf);
  const questionTerms = new Set(view.terms);
  if (questionTerms.size === 0 || hits.length === 0) return [];
  const { answerType, grain, focus } = view;
  const questionTokens = tagTokens(question);
  const form = questionForm(questionTokens);
  const placeGrain = placeGrainOf(question);
  const askedAbout = answerType === "person" ? namesAskedAbout(questionTokens, (w) => gazetteerTags(w).has("title")) : [];
  // The sentence ranker orders the read passages' sentences; spans come from its best few.
  const sentences = rankSentences(view, hits, { idf: options.idf, passages: options.passages, weights: options.sentenceWeights });
  const topLogit = sentences[0]?.logit ?? 0;
  const out: Array<CandidateSpan & { fits: boolean }> = [];
  const wh = questionTokens.findIndex((t) => /^(what|which|who|whom|whose|when|where|how)$/i.test(t.text));
  const whLate = wh > 2;
  for (const [sentenceRank, s] of sentences.slice(0, options.sentences).entries()) {
    if (s.coverage === 0) continue;
    const { tokens, tokenTerms } = s;
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
      sentenceP: s.p,
      sentenceGap: s.logit - topLogit,
      whLate,
    };
    for (const c of candidateSpans(tokens as TaggedToken[])) {
      const features = spanFeatures(context, c);
      if (!features) continue;
      const start = s.start + tokens[c.first]!.start;
      const end = s.start + tokens[c.last]!.end;
      const spanTokens = tokens.slice(c.first, c.last + 1);
      const text = s.text.slice(tokens[c.first]!.start, tokens[c.last]!.end);
      out.push({
        passageId: s.passageId,
        start,
        end,
        coverage: s.coverage,
        features,
        fits:
          mayAnswer(answerType, c.kind, spanTokens.some(isNumericToken), isNumericToken(tokens[c.last]!)) &&
          (!grain || showsGrain(text, grain)) &&
          (!placeGrain || fitsPlaceGrain(text, placeGrain, gazetteerTags)) &&
          !repeatsAskedName(spanTokens, askedAbout),
      });
    }
  }
  const kept = options.discipline && out.some((c) => c.fits) ? out.filter((c) => c.fits) : out;
  return kept.map(({ fits: _fits, ...c }) => c);
}
