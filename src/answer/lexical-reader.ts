import type { Reader, ScoredPassage, Span } from "../types.js";
import { collectCandidates } from "./collect-candidates.js";
import { SPAN_FEATURE_NAMES, type SpanFeatures, type SpanWeights } from "./span-feature-names.js";
import { SPAN_WEIGHTS } from "./span-weights.js";
import { LEXICAL_READER_DEFAULTS } from "./answer-defaults.js";

export interface LexicalReaderOptions {
  /** Inverse document frequency of a term: rare question words count for more. */
  idf: (term: string) => number;
  /** Passages read per question, best first. */
  passages?: number;
  /** Sentences examined for spans, across those passages. */
  sentences?: number;
  /** Drop candidates of a kind the question's type rules out (answer-discipline.ts). */
  discipline?: boolean;
  /** Ranking weights (a linear model over span features); the trained ones by default. */
  weights?: SpanWeights;
}

/** A candidate's logit: its features weighted by the ranking model. */
export function dot(weights: SpanWeights, features: SpanFeatures): number {
  let s = 0;
  for (const name of SPAN_FEATURE_NAMES) s += weights[name] * features[name];
  return s;
}

/**
 * Extracts answer spans without a model: candidate names, dates, amounts and noun phrases from
 * the sentences that best cover the question, ranked by a linear model trained on SQuAD.
 * Spans come best first; a span's score (for "not found") is its sentence's coverage of the
 * question times the square root of the model's probability.
 */
export function createLexicalReader(options: LexicalReaderOptions): Reader {
  const weights = options.weights ?? SPAN_WEIGHTS;
  return {
    mode: "lexical",
    modelId: "lexical",
    async read(question: string, passages: ScoredPassage[]): Promise<Span[]> {
      const candidates = collectCandidates(question, passages, {
        idf: options.idf,
        passages: options.passages ?? LEXICAL_READER_DEFAULTS.passages,
        sentences: options.sentences ?? LEXICAL_READER_DEFAULTS.sentences,
        discipline: options.discipline ?? LEXICAL_READER_DEFAULTS.discipline,
      });
      if (candidates.length === 0) return [];
      const logits = candidates.map((c) => dot(weights, c.features));
      const max = Math.max(...logits);
      const p = logits.map((l) => Math.exp(l - max));
      const sum = p.reduce((a, b) => a + b, 0);
      return candidates
        .map((c, i) => ({ passageId: c.passageId, start: c.start, end: c.end, p: p[i]! / sum, coverage: c.coverage }))
        .sort((a, b) => b.p - a.p)
        .map(({ p, coverage, ...span }) => ({ ...span, score: coverage * Math.sqrt(p) }));
    },
  };
}
