import type { Reader, ScoredPassage, Span } from "../types.js";
import { collectCandidates } from "./collect-candidates.js";
import { SPAN_FEATURE_NAMES, type SpanFeatures, type SpanWeights } from "./span-feature-names.js";
import { SPAN_WEIGHTS } from "./span-weights.js";
import { SPAN_TREES } from "./span-tree-model.js";
import { treeScore, type SpanTrees } from "./span-trees.js";
import { LEXICAL_READER_DEFAULTS } from "./answer-defaults.js";
import { softmax } from "./softmax.js";
import { agreementKey, confidenceFeatures, confidenceOf, type ConfidenceFeatures, type ConfidenceWeights } from "./span-confidence.js";
import { CONFIDENCE_WEIGHTS } from "./confidence-weights.js";

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
  /** Boosted trees added to the linear logit; the trained ones by default (NO_TREES: the linear model alone). */
  trees?: SpanTrees;
  /** The span-confidence model behind each span's score; the trained one by default. */
  confidence?: ConfidenceWeights;
}

/** A candidate's linear logit: its features weighted by the ranking model. */
export function dot(weights: SpanWeights, features: SpanFeatures): number {
  let s = 0;
  for (const name of SPAN_FEATURE_NAMES) s += weights[name] * features[name];
  return s;
}

export interface RankedSpan extends Omit<Span, "score"> {
  /** The ranker's probability among the question's candidates. */
  p: number;
  /** What the span's confidence is computed from (span-confidence.ts). */
  confidence: ConfidenceFeatures;
}

/** The question's candidate spans, most probable first, each with its confidence features. */
export function rankSpans(question: string, passages: ScoredPassage[], options: LexicalReaderOptions): RankedSpan[] {
  const weights = options.weights ?? SPAN_WEIGHTS;
  const trees = options.trees ?? SPAN_TREES;
  const candidates = collectCandidates(question, passages, {
    idf: options.idf,
    passages: options.passages ?? LEXICAL_READER_DEFAULTS.passages,
    sentences: options.sentences ?? LEXICAL_READER_DEFAULTS.sentences,
    discipline: options.discipline ?? LEXICAL_READER_DEFAULTS.discipline,
  });
  if (candidates.length === 0) return [];
  const logits = candidates.map((c) => dot(weights, c.features) + treeScore(trees, c.features));
  const p = softmax(logits);
  const texts = new Map(passages.map((h) => [h.passage.id, h.passage.text]));
  const firstId = passages[0]?.passage.id;
  const features = confidenceFeatures(
    candidates.map((c, i) => ({
      p: p[i]!,
      coverage: c.coverage,
      key: agreementKey(texts.get(c.passageId)!.slice(c.start, c.end)),
      firstPassage: c.passageId === firstId,
    })),
  );
  return candidates
    .map((c, i) => ({ passageId: c.passageId, start: c.start, end: c.end, p: p[i]!, confidence: features[i]! }))
    .sort((a, b) => b.p - a.p);
}

/**
 * Extracts answer spans without a model: candidate names, dates, amounts and noun phrases from
 * the sentences that best cover the question, ranked by a linear model and boosted trees trained on
 * SQuAD. Spans come most probable first; a span's score (answer or passage) is the confidence model's
 * estimate that it is right (span-confidence.ts).
 */
export function createLexicalReader(options: LexicalReaderOptions): Reader {
  const confidence = options.confidence ?? CONFIDENCE_WEIGHTS;
  return {
    mode: "lexical",
    modelId: "lexical",
    async read(question: string, passages: ScoredPassage[]): Promise<Span[]> {
      return rankSpans(question, passages, options).map(({ p: _p, confidence: features, ...span }) => ({
        ...span,
        score: confidenceOf(confidence, features),
      }));
    },
  };
}
